/** A predicate that accepts exactly the values a schema accepts. */
export type Check = (value: unknown) => boolean

/** The parts of a zod schema's definition the predicate reads. */
interface Def {
  type: string
  checks?: unknown[]
  innerType: Node
  options: Node[]
  element: Node
  shape: Record<string, Node>
  catchall?: Node
  keyType: Node
  valueType: Node
  values: unknown[]
  entries: Record<string, unknown>
}
interface Node {
  _zod: { def: Def }
}

/** Thrown for a node the predicate cannot model exactly; the caller then runs zod itself. */
const UNSUPPORTED = new Error()

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

// Only nodes whose output equals their input: no transforms, defaults, checks (which may rewrite, e.g.
// trim) or strip objects (which drop unknown keys). For such a schema "the predicate passes" means
// "zod would succeed and return a copy of the input", so the input itself can be the result.
function build(node: Node): Check {
  const def = node._zod.def
  if (def.checks?.length) throw UNSUPPORTED
  switch (def.type) {
    case 'string':
    case 'boolean': {
      const type = def.type
      return (v) => typeof v === type
    }
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v)
    case 'unknown':
      return () => true
    case 'null':
      return (v) => v === null
    case 'literal':
    case 'enum': {
      const values = def.type === 'literal' ? def.values : Object.values(def.entries)
      return (v) => values.includes(v)
    }
    case 'optional':
    case 'nullable': {
      const inner = build(def.innerType)
      const empty = def.type === 'optional' ? undefined : null
      return (v) => v === empty || inner(v)
    }
    case 'union': {
      const options = def.options.map(build)
      return (v) => options.some((option) => option(v))
    }
    case 'array': {
      const item = build(def.element)
      return (v) => Array.isArray(v) && v.every(item)
    }
    case 'record': {
      const key = def.keyType._zod.def
      if (key.type !== 'string' || key.checks?.length) throw UNSUPPORTED
      const value = build(def.valueType)
      return (v) => isObject(v) && Object.values(v).every(value)
    }
    case 'object': {
      const catchall = def.catchall?._zod.def.type
      if (catchall !== 'unknown' && catchall !== 'never') throw UNSUPPORTED
      const keys = Object.keys(def.shape)
      const checks = keys.map((k) => build(def.shape[k]!))
      return (v) =>
        isObject(v) &&
        checks.every((check, i) => check(v[keys[i]!])) &&
        (catchall === 'unknown' || Object.keys(v).every((k) => keys.includes(k)))
    }
    default:
      throw UNSUPPORTED
  }
}

const compiled = new WeakMap<object, Check | null>()

/**
 * A fast predicate for `schema` (built once per schema, from closures: no code generation, so it runs
 * under a strict Content-Security-Policy too), or null when the schema can change its input and must
 * go through zod.
 */
export function compileCheck(schema: object): Check | null {
  let check = compiled.get(schema)
  if (check !== undefined) return check
  try {
    check = build(schema as Node)
  } catch {
    check = null
  }
  compiled.set(schema, check)
  return check
}
