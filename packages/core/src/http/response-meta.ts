import type { Redactor } from '../redaction'
import { type RateLimitSnapshot, readRateLimit } from '../retry'
import type { ResponseMeta } from './types'

/** What a response's metadata is made from. */
export interface ResponseFacts {
  status: number
  headers: Headers
  url: string
  attempts: number
  durationMs: number
  /** Response headers that carry a request id, first match wins. */
  requestIdHeaders: readonly string[]
}

/**
 * A response's metadata. The values read from headers (`requestId`, the rate-limit `policy`) are
 * scrubbed, since hooks and audit records carry them and a hostile server can echo a credential in any
 * header. The raw `headers` are the caller's to read, but never logged: `JSON.stringify` and
 * `console.log` show every other field.
 */
export class ResponseInfo implements ResponseMeta {
  readonly status: number
  readonly headers: Headers
  readonly url: string
  readonly attempts: number
  readonly durationMs: number
  readonly requestId: string | undefined
  readonly rateLimit: RateLimitSnapshot | undefined

  constructor(facts: ResponseFacts, redactor: Redactor) {
    this.status = facts.status
    this.headers = facts.headers
    this.url = facts.url
    this.attempts = facts.attempts
    this.durationMs = facts.durationMs
    const requestId = facts.requestIdHeaders.map((name) => facts.headers.get(name)).find(Boolean)
    this.requestId = requestId ? redactor.header(requestId) : undefined
    const rateLimit = readRateLimit(facts.headers)
    this.rateLimit =
      rateLimit?.policy === undefined
        ? rateLimit
        : { ...rateLimit, policy: redactor.header(rateLimit.policy) }
  }

  /** The fields for logging; never the raw headers (cookies, echoed credentials). */
  toJSON(): Omit<ResponseMeta, 'headers'> {
    const { status, url, attempts, durationMs, requestId, rateLimit } = this
    return { status, url, attempts, durationMs, requestId, rateLimit }
  }

  /** `console.log` shows the same fields as `toJSON()`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ResponseMeta ${JSON.stringify(this.toJSON())}`
  }
}
