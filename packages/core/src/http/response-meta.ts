import { type RateLimitSnapshot, readRateLimit } from '../retry'
import type { ResponseMeta } from './types'

/** The response's request id: the first of `names` it carries. */
export function findRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name)
    if (value) return value
  }
  return undefined
}

/**
 * A response's metadata whose header-derived fields (`requestId`, `rateLimit`) are read on first use.
 * Each `Headers.get` costs about a microsecond and most calls never look, so reading the nine headers
 * behind them on every response was a measurable share of the SDK's cost on a small call. A class, not
 * an object literal with getters: one small object per response instead of a literal, two closures
 * and their scope.
 */
class LazyResponseMeta implements ResponseMeta {
  readonly status: number
  readonly headers: Headers
  readonly url: string
  readonly attempts: number
  readonly durationMs: number
  readonly #requestIdHeaders: readonly string[]
  readonly #observedAt: number
  #requestId: { value: string | undefined } | undefined
  #rateLimit: { value: RateLimitSnapshot | undefined } | undefined

  constructor(
    fields: Omit<ResponseMeta, 'requestId' | 'rateLimit'>,
    requestIdHeaders: readonly string[],
    observedAt: number,
  ) {
    this.status = fields.status
    this.headers = fields.headers
    this.url = fields.url
    this.attempts = fields.attempts
    this.durationMs = fields.durationMs
    this.#requestIdHeaders = requestIdHeaders
    this.#observedAt = observedAt
  }

  get requestId(): string | undefined {
    this.#requestId ??= { value: findRequestId(this.headers, this.#requestIdHeaders) }
    return this.#requestId.value
  }

  get rateLimit(): RateLimitSnapshot | undefined {
    this.#rateLimit ??= { value: readRateLimit(this.headers, this.#observedAt) }
    return this.#rateLimit.value
  }

  /** The fields for logging, the header-derived ones included; never the raw headers (cookies). */
  toJSON(): Omit<ResponseMeta, 'headers'> {
    const { status, url, attempts, durationMs, requestId, rateLimit } = this
    return { status, url, attempts, durationMs, requestId, rateLimit }
  }
}

/** A response's metadata, with `requestId` and `rateLimit` read from the headers on first use. */
export function responseMeta(
  fields: Omit<ResponseMeta, 'requestId' | 'rateLimit'>,
  requestIdHeaders: readonly string[],
  observedAt: number,
): ResponseMeta {
  return new LazyResponseMeta(fields, requestIdHeaders, observedAt)
}
