import { assertPlainData } from './plain-data'

/** A query value: scalars, arrays (sent as `key[]=v`), nested objects (sent as `key[sub]=v`). */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | readonly QueryValue[]
  | { readonly [key: string]: QueryValue }

/** Query parameters for a request. */
export type QueryInput = Record<string, QueryValue>

function scalar(value: string | number | boolean | Date): string {
  return value instanceof Date ? value.toISOString() : String(value)
}

// encodeURIComponent rather than URLSearchParams: the same pairs to every query parser (a space goes as
// %20, not +).
function encode(text: string): string {
  try {
    return encodeURIComponent(text)
  } catch {
    // It throws only on a lone surrogate, which URLSearchParams sends as U+FFFD; so do we.
    return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'))
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function append(pairs: string[], key: string, value: QueryValue): void {
  if (value === undefined || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) append(pairs, `${key}[]`, item as QueryValue)
    return
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const inner = value as Record<string, QueryValue>
    for (const sub of Object.keys(inner)) append(pairs, `${key}[${sub}]`, inner[sub])
    return
  }
  pairs.push(`${encode(key)}=${encode(scalar(value as string | number | boolean | Date))}`)
}

/**
 * Serializes nested query input in bracket form: `{ filter: { tags: ['a'] } }` → `filter[tags][]=a`.
 * A value that cannot be sent (a cycle, nesting deeper than MAX_DEPTH, a function, symbol, bigint or
 * invalid Date) throws an InputValidationError naming its key path; a lone surrogate is sent as U+FFFD.
 */
export function serializeQuery(query: QueryInput | undefined): string {
  if (!query) return ''
  assertPlainData(query, 'the query')
  const pairs: string[] = []
  for (const key of Object.keys(query)) append(pairs, key, query[key])
  return pairs.join('&')
}
