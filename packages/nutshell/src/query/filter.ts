import type { QueryValue } from '@x/core'

/** A single filter value; a Date is sent as its ISO string. */
export type FilterScalar = string | number | boolean | Date

/** `<from> TO <to>`: a range of numbers, or of times. */
export interface FilterRange {
  from: FilterScalar
  to: FilterScalar
}

/** A comparison, sent as the operator before the value (`>1020`); `eq` sends the bare value. */
export type FilterOperator =
  | { gt: FilterScalar }
  | { gte: FilterScalar }
  | { lt: FilterScalar }
  | { lte: FilterScalar }
  | { eq: FilterScalar }

/** What one subfield of a filter (`filter[address][country]`) may hold. */
export type FilterSubValue = FilterScalar | readonly FilterScalar[] | FilterRange | FilterOperator

/**
 * One filter condition:
 * - a value or a list of values → `filter[key][]=value` (one entry per value); for a key the operation's
 *   document names without `[]` (`filter[dateMin]`), `filter[key]=value` (one entry per value);
 * - `{ from, to }` → `filter[key]=<from> TO <to>` (numbers, or Dates/ISO strings for time ranges);
 * - `{ gt | gte | lt | lte: value }` → `filter[key]=>value` (and `>=`, `<`, `<=`); `{ eq: value }` → `filter[key]=value`;
 * - any other object is subfields → `filter[key][sub]=value` (e.g. `{ address: { country: 'US' } }`).
 *
 * Operator names win: `gt`, `gte`, `lt`, `lte`, `eq`, `from` and `to` are never subfield names, so
 * `{ x: { gt: 5 } }` is always the comparison `filter[x]=>5`, and an object mixing them with other keys is
 * refused. An operand (or a range end) that is an empty or blank string is refused too.
 */
export type FilterCondition = FilterSubValue | { readonly [subfield: string]: FilterSubValue }

/** A filter object: known keys of the record type typed for autocompletion, any other key allowed. */
export type Filter<K extends string = string> = { [P in K]?: FilterCondition } & {
  [key: string]: FilterCondition | undefined
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '' } as const

function text(value: FilterScalar): string {
  return value instanceof Date ? value.toISOString() : String(value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** True for `{ from, to }`. */
export function isRange(value: unknown): value is FilterRange {
  return isObject(value) && Object.keys(value).length === 2 && 'from' in value && 'to' in value
}

/** True for a one-key comparison object such as `{ gt: 5 }`. */
export function isOperator(value: unknown): value is FilterOperator {
  if (!isObject(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0]! in OPERATORS
}

function operand(value: FilterRange | FilterOperator): string {
  if (isRange(value)) return `${text(value.from)} TO ${text(value.to)}`
  const [key, inner] = Object.entries(value)[0] as [keyof typeof OPERATORS, FilterScalar]
  return `${OPERATORS[key]}${text(inner)}`
}

function subValue(value: FilterSubValue): QueryValue {
  if (Array.isArray(value)) return value.map((v) => text(v as FilterScalar))
  if (isRange(value) || isOperator(value)) return operand(value)
  return text(value as FilterScalar)
}

function condition(value: FilterCondition, scalar: boolean): QueryValue {
  if (Array.isArray(value)) return value.map((v) => text(v as FilterScalar))
  if (isRange(value) || isOperator(value)) return operand(value)
  if (isObject(value)) {
    const out: Record<string, QueryValue> = {}
    for (const [sub, inner] of Object.entries(value)) {
      if (inner !== undefined) out[sub] = subValue(inner as FilterSubValue)
    }
    return out
  }
  return scalar ? text(value as FilterScalar) : [text(value as FilterScalar)]
}

/**
 * Turns a typed filter into the nested query object the core serializes as `filter[...]` parameters.
 * `scalarKeys` are the keys an operation's document names without `[]` (`filter[dateMin]`): a single
 * value for one of them is sent as `filter[key]=value`, not `filter[key][]=value`; send a list of values
 * for one of them with `filterRepeatKeys` (one `filter[key]=value` per value, as the document's form).
 */
export function filterQuery(
  filter: Filter | undefined,
  scalarKeys: readonly string[] = [],
): Record<string, QueryValue> | undefined {
  if (!filter) return undefined
  const out: Record<string, QueryValue> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined) out[key] = condition(value, scalarKeys.includes(key))
  }
  return Object.keys(out).length ? out : undefined
}

/** The query keys (`filter[key]`) whose lists go as repeated `filter[key]=value` pairs, for `serializeQuery`. */
export function filterRepeatKeys(scalarKeys: readonly string[]): string[] {
  return scalarKeys.map((key) => `filter[${key}]`)
}
