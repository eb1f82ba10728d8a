import { chainLimiters, createRateLimiter, InputValidationError, type Limiter } from '@x/core'

/** Nutan's published global limit, per minute per IP. */
export const GLOBAL_REQUESTS_PER_MINUTE = 100
/** The SDK's strict-tier budget (auth, sync): inside the published 3–10 per minute. */
export const STRICT_REQUESTS_PER_MINUTE = 6

/**
 * One tier's budget: a number of requests per minute, a `Limiter` (to share between clients, or one of
 * your own, e.g. for several processes behind one IP), or `false` for no client-side budget.
 */
export type NutanTierBudget = Limiter | number | false

/**
 * The `limiter` option: one `Limiter` every tier shares, or a budget per tier.
 * `global` (every call) is 100/minute by default; `strict` (auth and sync, which also count against
 * `global`) 6/minute. `false` switches a tier's budget off (tests, a server of your own).
 */
export type NutanLimiterOption =
  | Limiter
  | {
      /** Every call. Default 100/minute. */
      global?: NutanTierBudget
      /** Auth and sync calls (they also count against `global`). Default 6/minute. */
      strict?: NutanTierBudget
    }

const isLimiter = (value: unknown): value is Limiter =>
  typeof value === 'object' && value !== null && typeof (value as Limiter).schedule === 'function'

function refuse(path: string, message: string, context: string): never {
  throw new InputValidationError([{ path, message }], context)
}

function toLimiter(value: unknown, fallback: number, path: string, context: string): Limiter {
  if (value === undefined) return createRateLimiter({ limit: fallback, interval: 60_000 })
  // No client-side budget: calls run at once, and only a server pause (a 429's wait) holds them.
  if (value === false || value === Number.POSITIVE_INFINITY) return createRateLimiter(false)
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) {
      refuse(path, 'must be a positive number of requests per minute, a Limiter or false', context)
    }
    return createRateLimiter({ limit: value, interval: 60_000 })
  }
  if (!isLimiter(value)) refuse(path, 'must be a number of requests per minute, a Limiter or false', context)
  return value
}

/**
 * The transport's limiters by tier, `default` (global) and `strict` (strict, then global), from the
 * `limiter` option. A bad value throws an InputValidationError naming it (`limiter.strict`).
 */
export function createNutanLimiters(
  option: NutanLimiterOption | undefined = undefined,
  context = 'NutanClient',
): Record<'default' | 'strict', Limiter> {
  if (option !== undefined && (typeof option !== 'object' || option === null)) {
    refuse('limiter', 'must be a Limiter or { global?, strict? }', context)
  }
  // One Limiter shared by every tier: a strict call takes one slot of it, like any other call.
  if (isLimiter(option)) return { default: option, strict: option }
  const tiers = (option ?? {}) as Record<string, unknown>
  const unknown = Object.keys(tiers).filter((key) => key !== 'global' && key !== 'strict')
  if (unknown.length > 0) refuse(`limiter.${unknown[0]}`, 'unknown tier: use global or strict', context)
  const global = toLimiter(tiers.global, GLOBAL_REQUESTS_PER_MINUTE, 'limiter.global', context)
  const strict = toLimiter(tiers.strict, STRICT_REQUESTS_PER_MINUTE, 'limiter.strict', context)
  // A strict call also spends a global slot.
  return { default: global, strict: chainLimiters(strict, global) }
}
