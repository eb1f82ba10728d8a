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

function append(pairs: string[], key: string, value: QueryValue, repeat: ReadonlySet<string>): void {
  if (value === undefined || value === null) return
  if (Array.isArray(value)) {
    const itemKey = repeat.has(key) ? key : `${key}[]`
    for (const item of value) append(pairs, itemKey, item as QueryValue, repeat)
    return
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    const inner = value as Record<string, QueryValue>
    for (const sub of Object.keys(inner)) append(pairs, `${key}[${sub}]`, inner[sub], repeat)
    return
  }
  pairs.push(`${encode(key)}=${encode(scalar(value as string | number | boolean | Date))}`)
}

const NO_KEYS: ReadonlySet<string> = new Set()

/**
 * Serializes nested query input in bracket form: `{ filter: { tags: ['a'] } }` → `filter[tags][]=a`.
 * `repeat` names keys, in the bracket form they are sent as (`events`, `filter[assignee]`), whose
 * arrays go as one `key=value` pair per item, without `[]` (OpenAPI's exploded form style):
 * `{ events: ['a', 'b'] }` with `repeat: ['events']` → `events=a&events=b`.
 * A value that cannot be sent (a cycle, nesting deeper than MAX_DEPTH, a function, symbol, bigint or
 * invalid Date) throws an InputValidationError naming its key path; a lone surrogate is sent as U+FFFD.
 */
export function serializeQuery(query: QueryInput | undefined, repeat?: readonly string[]): string {
  if (!query) return ''
  assertPlainData(query, 'the query')
  const keys = repeat?.length ? new Set(repeat) : NO_KEYS
  const pairs: string[] = []
  for (const key of Object.keys(query)) append(pairs, key, query[key], keys)
  return pairs.join('&')
}
