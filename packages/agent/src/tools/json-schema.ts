import * as z from 'zod/mini'

/** A JSON Schema object, as the LLM tool-calling APIs take it. */
export type JsonSchema = Record<string, unknown>

const NEVER = { not: {} }
const isNever = (s: unknown) => JSON.stringify(s) === JSON.stringify(NEVER)

/**
 * Trims what costs a model tokens and tells it nothing: integer bounds at the safe-integer limits,
 * `propertyNames: { type: 'string' }`, nested and single-member `anyOf`s, and union members a JSON
 * value can never match (dates).
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify)
  if (!node || typeof node !== 'object') return node
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'maximum' || key === 'minimum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER)
      continue
    if (key === 'propertyNames' && JSON.stringify(value) === '{"type":"string"}') continue
    out[key] = simplify(value)
  }
  if (!Array.isArray(out.anyOf)) return out
  const members = (out.anyOf as JsonSchema[])
    .flatMap((m) => (Object.keys(m).length === 1 && Array.isArray(m.anyOf) ? (m.anyOf as JsonSchema[]) : [m]))
    .filter((m) => !isNever(m))
  const { anyOf: _members, ...rest } = out
  if (members.length === 1) return { ...rest, ...members[0] }
  return { ...rest, anyOf: members }
}

/** The JSON Schema of what a tool accepts: the schema's input side, without the `$schema` dialect line. */
export function inputJsonSchema(schema: z.ZodMiniType): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    // A model sends JSON, so a Date member of a union can never be used: mark it for removal.
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type !== 'date') return
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key]
      Object.assign(ctx.jsonSchema, NEVER)
    },
  }) as JsonSchema
  const { $schema: _dialect, ...rest } = simplify(generated) as JsonSchema
  return rest
}
