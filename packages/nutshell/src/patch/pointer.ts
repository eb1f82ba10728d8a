/** Escapes one JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapeSegment(segment: string | number): string {
  const text = String(segment)
  if (!text.includes('~') && !text.includes('/')) return text
  return text.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** A path in Nutshell's form, `/<type>/0/<segments...>` (the record is always index 0 of its type array). */
export function recordPath(type: string, ...segments: (string | number)[]): string {
  return `/${escapeSegment(type)}/0${segments.map((s) => `/${escapeSegment(s)}`).join('')}`
}

/** The record type a typed id names: `"1003-leads"` → `"leads"`. */
export function typeFromId(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined
  const match = /^\d+-([A-Za-z][A-Za-z0-9]*)$/.exec(id)
  return match?.[1]
}
