import { type AnyOperation, type EffectFields, pathParamNames } from '@x/core'
import * as z from 'zod/mini'
import { isId } from '../audit/values'
import { METHOD_CLASSES, type MethodClass } from '../policy/method-class'
import type { Requirement } from '../policy/types'
import { ToolIdSchema } from '../tools/build'
import type { ToolSpec } from '../tools/tool-spec'
import type { MethodRule, ObjectSurface } from './types'

/** A client's operation tables, by the client property their methods live on. */
export type Tables = Readonly<Record<string, Readonly<Record<string, AnyOperation>>>>

/** True when `value` has its own property `key` (not one inherited, not a getter's whim read twice). */
function ownValue(value: unknown, key: string): { found: boolean; value?: unknown } {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return { found: false }
  return { found: true, value: (value as Record<string, unknown>)[key] }
}

/**
 * True when a write's input changes one of `fields` (each a path such as `status` or `links/outcome`):
 * a change object that sets it (at any depth the path names), or a JSON Patch operation whose path
 * ends in it, with or without the collection's `/leads/0/` prefix.
 */
export function touchesFields(input: unknown, fields: readonly string[]): boolean {
  const paths = fields.map((field) => field.split('/'))
  if (Array.isArray(input)) {
    return input.some((op) => {
      const path = (op as { path?: unknown } | null)?.path
      if (typeof path !== 'string') return false
      const segments = path.split('/').filter(Boolean)
      return paths.some((field) =>
        segments.some((_, at) => field.every((part, i) => segments[at + i] === part)),
      )
    })
  }
  return paths.some((field) => {
    let node: unknown = input
    for (const part of field) {
      const step = ownValue(node, part)
      if (!step.found) return false
      node = step.value
    }
    return true
  })
}

/** True when an input has the effect an `EffectFields` entry describes (fields it changes, or a test). */
function hasEffect(input: unknown, rule: EffectFields[keyof EffectFields]): boolean {
  if (!rule) return false
  return typeof rule === 'function' ? rule(input) : touchesFields(input, rule)
}

/**
 * How the policy sees one operation: its effect on its resource, plus `create`, `close` or `delete` when
 * the input has that effect too (see the entry's `effectFields`). The input follows the path parameters.
 */
function ruleOf(resource: string, op: AnyOperation): MethodRule {
  const inputAt = pathParamNames(op.path).length
  const inputs = inputAt + (op.input ? 1 : 0)
  const extra = Object.entries(op.effectFields ?? {}) as [MethodClass, EffectFields[keyof EffectFields]][]
  const touches = op.touches
  const ids = touches
    ? (args: readonly unknown[]) =>
        [...args.slice(0, inputAt), ...touches(args[inputAt])].filter(isId).map(String)
    : undefined
  if (extra.length === 0) return { needs: op.effect as MethodClass, inputs, ...(ids ? { ids } : {}) }
  return {
    needs: (args) => {
      const input = args[inputAt]
      const needs: Requirement[] = [{ resource, class: op.effect as MethodClass }]
      for (const [cls, rule] of extra) if (hasEffect(input, rule)) needs.push({ resource, class: cls })
      // In the policy's order (read, create, update, close, delete, erase), so a denial reads the same way every time.
      return needs.sort((a, b) => METHOD_CLASSES.indexOf(a.class) - METHOD_CLASSES.indexOf(b.class))
    },
    inputs,
    ...(ids ? { ids } : {}),
  }
}

/** The methods of every table, as a scoped client exposes and checks them. */
export function objectsFromTables(tables: Tables): Record<string, ObjectSurface> {
  return Object.fromEntries(
    Object.entries(tables).map(([resource, table]) => [
      resource,
      {
        methods: Object.fromEntries(Object.entries(table).map(([name, op]) => [name, ruleOf(resource, op)])),
      },
    ]),
  )
}

const isObjectSchema = (schema: z.ZodMiniType) => schema._zod.def.type === 'object'

/**
 * The tool for one operation. Without path parameters an object input is the tool's input as it is
 * (`leads_list`, `leads_create`); otherwise the tool takes the path parameters (`id`) beside the input
 * under its name (`changes`, `outcome`), and they become the method's arguments in order.
 */
function toolOf(service: string, object: string, method: string, op: AnyOperation): ToolSpec {
  const params = pathParamNames(op.path)
  const base = { name: `${object}_${method}`, object, method, description: `${service}: ${op.description}` }
  const input = op.input as z.ZodMiniType | undefined
  const inputName = op.inputName ?? 'input'
  if (params.length === 0 && (!input || isObjectSchema(input))) {
    return { ...base, input: input ?? z.strictObject({}), args: (i) => (input ? [i] : []) }
  }
  // No input given is an empty one (see the client's bind): optional when `{}` passes.
  const optional = !!input && (input.safeParse(undefined).success || input.safeParse({}).success)
  const fields: Record<string, z.ZodMiniType> = Object.fromEntries(params.map((p) => [p, ToolIdSchema]))
  if (input) fields[inputName] = optional ? z.optional(input) : input
  return {
    ...base,
    input: z.strictObject(fields),
    args: (i) => [...params.map((p) => i[p]), ...(input ? [i[inputName]] : [])],
  }
}

/** Every operation of every table, offered to an LLM as a tool named `<object>_<method>`. */
export function toolsFromTables(service: string, tables: Tables): ToolSpec[] {
  return Object.entries(tables).flatMap(([object, table]) =>
    Object.entries(table).map(([method, op]) => toolOf(service, object, method, op)),
  )
}
