import { ApiError, ConnectionError, TimeoutError } from '../errors'

/** Statuses worth another attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** Whether a call may be repeated without a second effect (method default, or the caller's declaration). */
export function isIdempotent(method: string, declared?: boolean): boolean {
  return declared ?? IDEMPOTENT_METHODS.has(method.toUpperCase())
}

/**
 * Whether a failed attempt may be retried. Idempotent calls retry on every transient failure; a
 * non-idempotent call only where the server cannot have acted (429, or a connection never made),
 * so a create is never sent twice.
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof ApiError) {
    if (!RETRYABLE_STATUSES.has(error.status)) return false
    return idempotent || error.status === 429
  }
  if (error instanceof ConnectionError) return idempotent || error.notSent
  if (error instanceof TimeoutError) return idempotent
  return false
}

/** Backoff settings: the first delay and the cap, in ms. */
export interface BackoffOptions {
  initialDelay?: number
  maxDelay?: number
}

/** Exponential backoff with jitter: 50–100% of `initial × 2^(retry-1)`, capped at `maxDelay`. */
export function backoffDelay(
  retry: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialDelay ?? 500
  const max = options.maxDelay ?? 8000
  const exponential = Math.min(max, initial * 2 ** Math.max(0, retry - 1))
  return Math.round(exponential * (0.5 + random() * 0.5))
}
