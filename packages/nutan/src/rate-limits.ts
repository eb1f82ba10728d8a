import { createRateLimiter, InputValidationError, type Limiter } from '@x/core'

/** Nutan's published global limit, per minute per IP. */
export const GLOBAL_REQUESTS_PER_MINUTE = 100
/** The SDK's strict-tier budget (auth, sync): inside the published 3–10 per minute. */
export const STRICT_REQUESTS_PER_MINUTE = 6

/**
 * Client-side budgets per tier: a number of requests per minute, or a `Limiter` to share between
 * clients (or one of your own, e.g. for several processes behind one IP).
 */
export interface NutanRateLimits {
  /** Every call. Default 100/minute. */
  global?: number | Limiter
  /** Auth and sync calls (they also count against `global`). Default 6/minute. */
  strict?: number | Limiter
}

function toLimiter(value: number | Limiter | undefined, fallback: number, field: string): Limiter {
  if (value === undefined) return createRateLimiter({ limit: fallback, interval: 60_000 })
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) {
      throw new InputValidationError(
        [{ path: `rateLimits.${field}`, message: 'must be a positive number of requests per minute' }],
        'NutanClient',
      )
    }
    return createRateLimiter({ limit: value, interval: 60_000 })
  }
  if (typeof value.schedule !== 'function') {
    throw new InputValidationError(
      [{ path: `rateLimits.${field}`, message: 'must be a number or a Limiter' }],
      'NutanClient',
    )
  }
  return value
}

/** A limiter that takes a slot from `outer`, then from `inner` (a strict call also spends a global one). */
function chain(outer: Limiter, inner: Limiter): Limiter {
  return {
    schedule: (fn, signal) => outer.schedule(() => inner.schedule(fn, signal), signal),
    pause: (ms) => outer.pause?.(ms),
  }
}

/** The transport's limiters by tier: `default` (global) and `strict` (strict, then global). */
export function createNutanLimiters(limits: NutanRateLimits = {}): Record<'default' | 'strict', Limiter> {
  const global = toLimiter(limits.global, GLOBAL_REQUESTS_PER_MINUTE, 'global')
  const strict = toLimiter(limits.strict, STRICT_REQUESTS_PER_MINUTE, 'strict')
  return { default: global, strict: chain(strict, global) }
}
