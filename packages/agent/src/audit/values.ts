/** Ids of records named by a call's arguments or returned by it. */
export function isId(value: unknown): value is string | number {
  return (
    (typeof value === 'string' && value.length > 0) || (typeof value === 'number' && Number.isFinite(value))
  )
}

/** The leading id argument (or list of ids), if the call has one. */
export function leadingId(args: readonly unknown[]): string[] {
  const first = args[0]
  if (Array.isArray(first)) return first.every(isId) ? first.map(String) : []
  return isId(first) ? [String(first)] : []
}

/** The id of a single record a call returned (a create's new record). */
export function resultId(result: unknown): string[] {
  if (!result || typeof result !== 'object') return []
  const id = (result as { id?: unknown }).id
  return isId(id) ? [String(id)] : []
}

/** A JSON-safe copy of a call's input arguments, for audits that ask for field values. */
export function jsonCopy(values: readonly unknown[]): unknown[] {
  try {
    return JSON.parse(JSON.stringify(values, (_key, v) => (typeof v === 'bigint' ? String(v) : v)) ?? '[]')
  } catch {
    return ['[unserializable input]']
  }
}
