// The zod checks the compiled checks model: number formats and bounds, lengths and regular expressions.
// Each narrows its type without changing the value, so a value that passes is still its own result.
// Anything else (trim and other overwrites, refinements, string formats such as email) is left to zod.
import { minLength } from 'zod/mini'
import { UNSUPPORTED } from './unsupported'

/** One rule a check adds to a string, number or array type. */
export type Rule = (value: never) => boolean

/** The parts of a check's definition that are read. */
interface CheckDef {
  check: string
  value?: unknown
  inclusive?: boolean
  minimum?: number
  maximum?: number
  length?: number
  format?: string
  pattern?: RegExp
  when?: unknown
}

// zod runs a length check only on values with a length; the compiled checks apply length rules only to
// strings and arrays, which always have one. Any other `when` is a condition this module cannot see into.
const LENGTH_WHEN = (minLength(0)._zod.def as CheckDef).when

// z.int() and friends: whether a number must be an integer, and its range. zod's own table and code-point
// counter (`util.NUMBER_FORMAT_RANGES`, `util.codePointLength`) are not used: importing `util` pulls all of
// it into a browser bundle (+2.8 KB gzip, NutshellClient over its 30 KB).
const NUMBER_FORMATS: Record<string, [integer: boolean, min: number, max: number]> = {
  safeint: [true, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  int32: [true, -2147483648, 2147483647],
  uint32: [true, 0, 4294967295],
  float32: [false, -3.4028234663852886e38, 3.4028234663852886e38],
  float64: [false, -Number.MAX_VALUE, Number.MAX_VALUE],
}

/** Unicode code points, counted as zod counts string lengths (a surrogate pair is one). */
function codePoints(text: string): number {
  let count = text.length
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--
      i++
    }
  }
  return count
}

function numberFormat(format: string): Rule[] {
  const known = NUMBER_FORMATS[format]
  if (!known) throw UNSUPPORTED
  const [integer, min, max] = known
  const inRange: Rule = (v: number) => v >= min && v <= max
  return integer ? [(v: number) => Number.isInteger(v), inRange] : [inRange]
}

function bound(def: CheckDef, above: boolean): Rule {
  const limit = def.value
  if (typeof limit !== 'number') throw UNSUPPORTED
  if (above) return def.inclusive ? (v: number) => v >= limit : (v: number) => v > limit
  return def.inclusive ? (v: number) => v <= limit : (v: number) => v < limit
}

function length(type: string, def: CheckDef): Rule {
  if (def.when !== LENGTH_WHEN || (type !== 'string' && type !== 'array')) throw UNSUPPORTED
  const measure = type === 'string' ? codePoints : (v: unknown[]) => v.length
  const { minimum, maximum, length: exactly } = def
  if (def.check === 'min_length' && minimum !== undefined) return (v: never) => measure(v) >= minimum
  if (def.check === 'max_length' && maximum !== undefined) return (v: never) => measure(v) <= maximum
  if (def.check === 'length_equals' && exactly !== undefined) return (v: never) => measure(v) === exactly
  throw UNSUPPORTED
}

function pattern(type: string, def: CheckDef): Rule {
  const regex = def.pattern
  if (type !== 'string' || def.format !== 'regex' || !(regex instanceof RegExp)) throw UNSUPPORTED
  return (v: string) => {
    // As zod does: a global or sticky pattern would otherwise start where the last test ended.
    regex.lastIndex = 0
    return regex.test(v)
  }
}

function rule(type: string, def: CheckDef): Rule[] {
  if (def.when !== undefined && !def.check.endsWith('length')) throw UNSUPPORTED
  switch (def.check) {
    case 'number_format':
      if (type !== 'number' || !def.format) throw UNSUPPORTED
      return numberFormat(def.format)
    case 'greater_than':
    case 'less_than':
      if (type !== 'number') throw UNSUPPORTED
      return [bound(def, def.check === 'greater_than')]
    case 'min_length':
    case 'max_length':
    case 'length_equals':
      return [length(type, def)]
    case 'string_format':
      return [pattern(type, def)]
    default:
      throw UNSUPPORTED
  }
}

/**
 * The rules a node's checks and format add to its type, in zod's order (the format first). Throws
 * UNSUPPORTED for a check that could change the value or is not modelled.
 */
export function rulesOf(def: { type: string; format?: string; checks?: unknown[] }): Rule[] {
  const rules = def.format === undefined ? [] : rule(def.type, { check: 'number_format', format: def.format })
  for (const check of def.checks ?? []) {
    rules.push(...rule(def.type, (check as { _zod: { def: CheckDef } })._zod.def))
  }
  return rules
}
