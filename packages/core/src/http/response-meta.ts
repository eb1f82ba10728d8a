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
 * behind them on every response was a measurable share of the SDK's cost on a small call.
 */
export function responseMeta(
  fields: Omit<ResponseMeta, 'requestId' | 'rateLimit'>,
  requestIdHeaders: readonly string[],
  observedAt: number,
): ResponseMeta {
  let requestId: { value: string | undefined } | undefined
  let rateLimit: { value: RateLimitSnapshot | undefined } | undefined
  return {
    ...fields,
    get requestId() {
      requestId ??= { value: findRequestId(fields.headers, requestIdHeaders) }
      return requestId.value
    },
    get rateLimit() {
      rateLimit ??= { value: readRateLimit(fields.headers, observedAt) }
      return rateLimit.value
    },
  }
}
