import { type Rule, rulesOf } from './rules'
import { UNSUPPORTED } from './unsupported'

// What a schema accepts, read from its zod definition, for the compiled checks. Only nodes whose output
// equals their input are described: no transforms, defaults, rewriting checks (trim) or strip objects
// (which drop unknown keys). For such a schema "the check passes" means "zod would
// succeed and return a copy of the input", so the input itself can be the result.

/** The parts of a zod schema's definition that are read. */
interface Def {
  type: string
  checks?: unknown[]
  innerType: SchemaNode
  options: SchemaNode[]
  element: SchemaNode
  shape: Record<string, SchemaNode>
  catchall?: SchemaNode
  keyType: SchemaNode
  valueType: SchemaNode
  values: unknown[]
  entries: Record<string, unknown>
  format?: string
}

/** A zod schema, as far as its definition goes. */
export interface SchemaNode {
  _zod: { def: Def; optin?: string; traits?: Set<string> }
}

// Whole classes of values, as bits, so `optional(nullable(union([string, number])))` is one test.
export const STRING = 1
export const NUMBER = 2 // finite numbers only, as z.number()
export const BOOLEAN = 4
export const NULL = 8
export const UNDEFINED = 16
export const ANY = 32
export const OBJECT = 64 // a non-null, non-array object
export const ARRAY = 128

/** The class bit of a value (0 for NaN, infinities, bigints, symbols and functions). */
export function classOf(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return STRING
    case 'number':
      return Number.isFinite(v) ? NUMBER : 0
    case 'boolean':
      return BOOLEAN
    case 'undefined':
      return UNDEFINED
    case 'object':
      return v === null ? NULL : Array.isArray(v) ? ARRAY : OBJECT
    default:
      return 0
  }
}

// A schema that contains itself (a getter in its shape) would recurse forever; zod handles those.
const MAX_DEPTH = 64

/** Throws UNSUPPORTED past the depth a real response schema reaches. */
export function tooDeep(depth: number): void {
  if (depth > MAX_DEPTH) throw UNSUPPORTED
}

/**
 * One field of an object schema. zod tells a missing key from one holding `undefined`: a key may be
 * missing only when its schema is optional, so a field like `z.unknown()` must be present (`in` the
 * object) even though its value may be undefined.
 */
export interface Field {
  key: string
  node: SchemaNode
  mustBePresent: boolean
}

/** An object's fields (`strict`: no other keys allowed), or a record's value schema. */
export type ObjectShape = { node: SchemaNode } & (
  | { kind: 'object'; fields: Field[]; strict: boolean }
  | { kind: 'record'; value: SchemaNode }
)

/** What a node, or a union of nodes, accepts. */
export interface Accepts {
  classes: number
  /** Literal and enum values. */
  values: unknown[]
  /** Any one matching accepts a non-null, non-array object. */
  objects: ObjectShape[]
  /** Element schemas; any one matching every element accepts an array. */
  arrays: SchemaNode[]
  /** Checked types: a value fitting `base` and passing every rule (`z.int()`, `z.string().check(...)`). */
  guarded: { base: Accepts; rules: Rule[] }[]
}

const only = (classes: number): Accepts => ({ classes, values: [], objects: [], arrays: [], guarded: [] })

function merge(all: Accepts[]): Accepts {
  return {
    classes: all.reduce((bits, a) => bits | a.classes, 0),
    values: all.flatMap((a) => a.values),
    objects: all.flatMap((a) => a.objects),
    arrays: all.flatMap((a) => a.arrays),
    guarded: all.flatMap((a) => a.guarded),
  }
}

function acceptsUndefined(accepts: Accepts): boolean {
  return (accepts.classes & (UNDEFINED | ANY)) !== 0 || accepts.values.includes(undefined)
}

/** Describes one node; throws UNSUPPORTED for anything that could change its input. */
export function describeSchema(node: SchemaNode): Accepts {
  const def = node._zod.def
  if (!def.checks?.length && def.format === undefined) return describeType(node)
  // Checks and formats (z.int()'s safe-integer rule) narrow a string, number or array type.
  if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array') throw UNSUPPORTED
  return { ...only(0), guarded: [{ base: describeType(node), rules: rulesOf(def) }] }
}

/** What a node's type accepts, its checks aside. */
function describeType(node: SchemaNode): Accepts {
  const def = node._zod.def
  switch (def.type) {
    case 'string':
      return only(STRING)
    case 'number':
      return only(NUMBER)
    case 'boolean':
      return only(BOOLEAN)
    case 'null':
      return only(NULL)
    case 'unknown':
      return only(ANY)
    case 'literal':
      return { ...only(0), values: [...def.values] }
    case 'enum':
      return { ...only(0), values: Object.values(def.entries) }
    case 'optional':
      // exactOptional shares the type but refuses a key holding undefined.
      if (node._zod.traits?.has('$ZodExactOptional')) throw UNSUPPORTED
      return merge([describeSchema(def.innerType), only(UNDEFINED)])
    case 'nullable':
      return merge([describeSchema(def.innerType), only(NULL)])
    case 'union':
      return merge(def.options.map(describeSchema))
    case 'array':
      return { ...only(0), arrays: [def.element] }
    case 'record': {
      const key = def.keyType._zod.def
      if (key.type !== 'string' || key.checks?.length) throw UNSUPPORTED
      return { ...only(0), objects: [{ node, kind: 'record', value: def.valueType }] }
    }
    case 'object': {
      const catchall = def.catchall?._zod.def.type
      if (catchall !== 'unknown' && catchall !== 'never') throw UNSUPPORTED
      const fields = Object.entries(def.shape).map(([key, field]) => ({
        key,
        node: field,
        mustBePresent: field._zod.optin !== 'optional' && acceptsUndefined(describeSchema(field)),
      }))
      return { ...only(0), objects: [{ node, kind: 'object', fields, strict: catchall === 'never' }] }
    }
    default:
      throw UNSUPPORTED
  }
}
