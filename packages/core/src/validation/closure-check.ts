// The compiled check built from closures: used where a runtime forbids generating code (a strict
// Content-Security-Policy, Cloudflare Workers) or zod is configured `jitless`.
import {
  type Accepts,
  ANY,
  ARRAY,
  classOf,
  describeSchema,
  OBJECT,
  type ObjectShape,
  type SchemaNode,
  tooDeep,
} from './describe-schema'
import type { Rule } from './rules'

/** A predicate that accepts exactly the values a schema accepts. */
export type Check = (value: unknown) => boolean

/** Builds the predicate for `node` from closures; throws UNSUPPORTED where zod must decide. */
export function closureCheck(node: SchemaNode, depth = 0): Check {
  tooDeep(depth)
  return acceptsCheck(describeSchema(node), depth)
}

function acceptsCheck(accepts: Accepts, depth: number): Check {
  const { classes, values, objects, arrays, guarded } = accepts
  if (classes & ANY) return () => true
  const checked = anyOf(guarded.map(({ base, rules }) => passesAll(acceptsCheck(base, depth), rules)))
  if (!values.length && !objects.length && !arrays.length && !guarded.length)
    return (v) => (classOf(v) & classes) !== 0
  const literals = new Set(values)
  const object = anyOf(objects.map((shape) => shapeCheck(shape, depth + 1)))
  const array = anyOf(arrays.map((element) => everyItem(closureCheck(element, depth + 1))))
  return (v) => {
    const kind = classOf(v)
    if (kind & classes) return true
    if (kind === OBJECT && object(v)) return true
    if (kind === ARRAY && array(v)) return true
    return literals.has(v) || checked(v)
  }
}

function passesAll(base: Check, rules: Rule[]): Check {
  return (v) => base(v) && rules.every((rule) => rule(v as never))
}

function anyOf(checks: Check[]): Check {
  if (checks.length === 0) return () => false
  if (checks.length === 1) return checks[0]!
  return (v) => checks.some((check) => check(v))
}

function everyItem(item: Check): Check {
  return (v) => (v as unknown[]).every(item)
}

function shapeCheck(shape: ObjectShape, depth: number): Check {
  if (shape.kind === 'record') {
    const value = closureCheck(shape.value, depth)
    return (v) => Object.values(v as object).every(value)
  }
  const fields = shape.fields.map((field) => ({ ...field, check: closureCheck(field.node, depth) }))
  const known = new Set(fields.map((field) => field.key))
  return (v) => {
    const record = v as Record<string, unknown>
    for (const { key, check, mustBePresent } of fields) {
      if (!check(record[key]) || (mustBePresent && !(key in record))) return false
    }
    return !shape.strict || Object.keys(record).every((key) => known.has(key))
  }
}
