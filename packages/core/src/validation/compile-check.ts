import { config } from 'zod/mini'
import { type Check, closureCheck } from './closure-check'
import type { SchemaNode } from './describe-schema'
import { generatedCheck } from './generated-check'

export type { Check }

const compiled = new WeakMap<object, Check | null>()

// Generated code where the runtime allows it; closures under a strict Content-Security-Policy, on
// Cloudflare Workers, or when the app has told zod not to generate code (`z.config({ jitless: true })`).
function build(schema: SchemaNode): Check {
  if (!config().jitless) {
    try {
      return generatedCheck(schema)
    } catch {
      // Not allowed here (EvalError), or not describable; the closures decide which.
    }
  }
  return closureCheck(schema)
}

/**
 * A fast predicate that accepts exactly what `schema` accepts (built once per schema), or null when the
 * schema can change its input and must go through zod.
 */
export function compileCheck(schema: object): Check | null {
  let check = compiled.get(schema)
  if (check !== undefined) return check
  try {
    check = build(schema as SchemaNode)
  } catch {
    check = null
  }
  compiled.set(schema, check)
  return check
}
