import { InputValidationError } from '../errors/validation-errors'

/** The deepest nesting a query or a request body may have: deeper is refused rather than overflowing the stack. */
export const MAX_DEPTH = 32

/** Formats a key path as `filter.a.b` or `upserts.deals[3].notes`. */
export function keyPath(segments: readonly (string | number)[]): string {
  let out = ''
  for (const key of segments) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key
  return out
}

/**
 * Why a value cannot go into a request, or undefined when it can: functions, symbols and bigints
 * (which JSON drops or throws on, and a query would send as source text).
 */
export function unsendable(value: unknown): string | undefined {
  switch (typeof value) {
    case 'function':
      return 'a function cannot be sent'
    case 'symbol':
      return 'a symbol cannot be sent'
    case 'bigint':
      return 'a bigint cannot be sent (pass a number or a string)'
    default:
      return undefined
  }
}

/** Throws the InputValidationError for a value at `segments`. */
export function refuseAt(segments: readonly (string | number)[], message: string, context?: string): never {
  throw new InputValidationError([{ path: keyPath(segments), message }], context)
}

/**
 * Checks that a request body is plain data JSON can send as it is: no cycle, at most MAX_DEPTH levels,
 * no function, symbol or bigint anywhere. Throws an `InputValidationError` naming the offending key path
 * (after `prefix`) and the method (`context`), so a bad body fails before any request, never as a
 * TypeError or RangeError from JSON.stringify. Dates are leaves (sent as their ISO string).
 */
export function assertPlainData(value: unknown, context?: string, prefix?: string): void {
  walk(value, prefix === undefined || prefix === '' ? [] : [prefix], [], context)
}

function walk(value: unknown, segments: (string | number)[], ancestors: object[], context?: string): void {
  if (typeof value !== 'object' || value === null) {
    const reason = unsendable(value)
    if (reason) refuseAt(segments, reason, context)
    return
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) refuseAt(segments, 'is an invalid Date', context)
    return
  }
  if (ancestors.includes(value)) refuseAt(segments, 'holds a circular reference', context)
  if (ancestors.length >= MAX_DEPTH) refuseAt(segments, `nested deeper than ${MAX_DEPTH} levels`, context)
  ancestors.push(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      segments.push(i)
      walk(value[i], segments, ancestors, context)
      segments.pop()
    }
  } else {
    for (const key of Object.keys(value)) {
      segments.push(key)
      walk((value as Record<string, unknown>)[key], segments, ancestors, context)
      segments.pop()
    }
  }
  ancestors.pop()
}
