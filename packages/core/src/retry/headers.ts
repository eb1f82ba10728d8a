/** A snapshot of the rate-limit headers of the latest response. */
export interface RateLimitSnapshot {
  limit?: number | undefined
  remaining?: number | undefined
  /** Milliseconds from `observedAt` until the window resets. */
  resetMs?: number | undefined
  policy?: string | undefined
  /** Epoch ms when the headers were read. */
  observedAt: number
}

const EPOCH_SECONDS = 1e9
const EPOCH_MILLISECONDS = 1e12

function number(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined
  const n = Number(value.trim())
  return Number.isFinite(n) ? n : undefined
}

/** A reset value that may be delta-seconds, epoch seconds or epoch milliseconds, as ms from now. */
function resetToMs(value: number, now: number): number {
  if (value >= EPOCH_MILLISECONDS) return Math.max(0, value - now)
  if (value >= EPOCH_SECONDS) return Math.max(0, value * 1000 - now)
  return Math.max(0, value * 1000)
}

/**
 * How long the server asks us to wait, in ms, from `retry-after-ms`, `Retry-After` (seconds or an
 * HTTP date), `RateLimit-Reset` or `X-RateLimit-Reset`; undefined when it gave no hint.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const ms = number(headers.get('retry-after-ms'))
  if (ms !== undefined && ms >= 0) return ms
  const retryAfter = headers.get('retry-after')
  if (retryAfter !== null) {
    const seconds = number(retryAfter)
    if (seconds !== undefined && seconds >= 0) return seconds * 1000
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  for (const name of ['ratelimit-reset', 'x-ratelimit-reset']) {
    const reset = number(headers.get(name))
    if (reset !== undefined && reset >= 0) return resetToMs(reset, now)
  }
  return undefined
}

/** Reads `RateLimit-*` / `X-RateLimit-*` headers; undefined when the response had none. */
export function readRateLimit(headers: Headers, now = Date.now()): RateLimitSnapshot | undefined {
  const pick = (name: string) =>
    number(headers.get(`ratelimit-${name}`) ?? headers.get(`x-ratelimit-${name}`))
  const limit = pick('limit')
  const remaining = pick('remaining')
  const reset = pick('reset')
  const policy = headers.get('ratelimit-policy') ?? undefined
  if (limit === undefined && remaining === undefined && reset === undefined && policy === undefined)
    return undefined
  return {
    limit,
    remaining,
    resetMs: reset === undefined ? undefined : resetToMs(reset, now),
    policy,
    observedAt: now,
  }
}
