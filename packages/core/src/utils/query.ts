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

function append(params: URLSearchParams, key: string, value: QueryValue): void {
  if (value === undefined || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) append(params, `${key}[]`, item as QueryValue)
    return
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    for (const [sub, inner] of Object.entries(value)) append(params, `${key}[${sub}]`, inner)
    return
  }
  params.append(key, scalar(value as string | number | boolean | Date))
}

/** Serializes nested query input in bracket form: `{ filter: { tags: ['a'] } }` → `filter[tags][]=a`. */
export function serializeQuery(query: QueryInput | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) append(params, key, value)
  return params.toString()
}
