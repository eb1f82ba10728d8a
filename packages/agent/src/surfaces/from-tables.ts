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

/** A name as the service may read it: case aside (`Status`, `STATUS`). */
const fold = (name: string) => name.toLowerCase()

/**
 * A JSON Pointer's segments, unescaped (`~1` is `/`, `~0` is `~`) and split again at any `/` an escape
 * hid, folded: `/leads/0/links~1outcome` counts as `links/outcome`, whatever RFC 6901 says, because the
 * service might read it so.
 */
function pointerSegments(path: string): string[] {
  return path
    .split('/')
    .flatMap((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~').split('/'))
    .filter(Boolean)
    .map(fold)
}

/** A record path without its `/<type>/<index>` prefix and a `customFields/` step (custom fields sit beside fields). */
function fieldSegments(segments: readonly string[]): string[] {
  const rest = /^\d+$/.test(segments[1] ?? '') ? segments.slice(2) : [...segments]
  return rest[0] === 'customfields' ? rest.slice(1) : rest
}

/** True when a patch path changes `field`: it names the field, something inside it, or a parent of it (the record). */
function pathTouches(path: string, field: readonly string[]): boolean {
  const segments = pointerSegments(path)
  const local = fieldSegments(segments)
  const parent = local.length <= field.length && local.every((part, i) => part === field[i])
  const inside = segments.some((_, at) => field.every((part, i) => segments[at + i] === part))
  return parent || inside
}

/** The pointers a JSON Patch operation changes: its `path` (unless a `test`), and a `move`'s `from`. */
function changedPaths(op: unknown): string[] {
  if (typeof op !== 'object' || op === null) return []
  const { op: kind, path, from } = op as { op?: unknown; path?: unknown; from?: unknown }
  const paths: string[] = []
  if (typeof path === 'string' && kind !== 'test') paths.push(path)
  if (typeof from === 'string' && kind === 'move') paths.push(from)
  return paths
}

/** A change object's entries, keys folded; its `customFields` entries join them (the client sends them as fields). */
function entries(node: object): [string, unknown][] {
  const own = Object.entries(node)
  const custom = own.find(([key]) => fold(key) === 'customfields')?.[1]
  const hoisted = custom && typeof custom === 'object' && !Array.isArray(custom) ? Object.entries(custom) : []
  return [...own, ...hoisted].map(([key, value]) => [fold(key), value])
}

/** True when a change object sets `field` (a path of folded names), or replaces a parent of it whole. */
function objectTouches(node: unknown, field: readonly string[]): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false
  const [head, ...rest] = field
  const whole = field.join('/')
  return entries(node).some(([key, value]) => {
    if (value === undefined) return false
    // A key that spells the whole path (`'links/outcome'`, a custom field so named) is read as the path.
    if (key === whole) return true
    if (key !== head) return false
    if (rest.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return true
    return objectTouches(value, rest)
  })
}

/**
 * True when a write's input changes one of `fields` (each a path such as `status` or `links/outcome`): a
 * change object that sets it (directly, under `customFields`, or by replacing a parent), or a JSON Patch
 * operation whose path names it in any spelling (`status`, `/status`, `/leads/0/status`, `~1` escapes,
 * `customFields/status`, any case), a part of it, or a parent of it. Give it the input as the client
 * sends it (see `ruleOf`): checking what the caller typed would miss what the client turns it into.
 */
export function touchesFields(input: unknown, fields: readonly string[]): boolean {
  const paths = fields.map((field) => field.split('/').map(fold))
  if (Array.isArray(input)) {
    return input.some((op) =>
      changedPaths(op).some((path) => paths.some((field) => pathTouches(path, field))),
    )
  }
  return paths.some((field) => objectTouches(input, field))
}

/**
 * True when an input has the effect an `EffectFields` entry describes. Fields are matched against the
 * request the client builds (`encode`: a Nutshell change object becomes JSON Patch, its `customFields`
 * entries top-level paths), and the caller's own form too, in case the two ever disagree.
 */
function hasEffect(op: AnyOperation, input: unknown, rule: EffectFields[keyof EffectFields]): boolean {
  if (!rule) return false
  if (typeof rule === 'function') return rule(input)
  // Only patch operations declare fields; their `encode` is the client's own normaliser (no kit needed).
  const encode = (op as { encode?: (input: unknown) => unknown }).encode
  let sent: unknown = input
  try {
    sent = encode && input !== undefined ? encode(input) : input
  } catch {
    // Input the client cannot encode is refused by the client (the same function, the same frozen
    // copy), so no request goes out; the check still runs, on the input as given.
  }
  return touchesFields(sent, rule) || touchesFields(input, rule)
}

const byPolicyOrder = (a: Requirement, b: Requirement) =>
  METHOD_CLASSES.indexOf(a.class) - METHOD_CLASSES.indexOf(b.class)

/**
 * How the policy sees one operation: its effect on its resource, plus `create`, `close` or `delete` when
 * the input has that effect too (see the entry's `effectFields`), plus what it does to other resources'
 * records (`effectsOn`: a sync push's rows need grants on the tables they go to). The input follows the
 * path parameters; the rule sees the scoped client's frozen copy of it, the one the client then sends.
 */
function ruleOf(resource: string, op: AnyOperation, resources: readonly string[]): MethodRule {
  const inputAt = pathParamNames(op.path).length
  const inputs = inputAt + (op.input ? 1 : 0)
  const extra = Object.entries(op.effectFields ?? {}) as [MethodClass, EffectFields[keyof EffectFields]][]
  const touches = op.touches
  const effectsOn = op.effectsOn
  const ids = touches
    ? (args: readonly unknown[]) =>
        [...args.slice(0, inputAt), ...touches(args[inputAt])].filter(isId).map(String)
    : undefined
  if (extra.length === 0 && !effectsOn)
    return { needs: op.effect as MethodClass, inputs, ...(ids ? { ids } : {}) }
  return {
    needs: (args) => {
      const input = args[inputAt]
      const needs: Requirement[] = [{ resource, class: op.effect as MethodClass }]
      for (const [cls, rule] of extra) if (hasEffect(op, input, rule)) needs.push({ resource, class: cls })
      for (const effect of effectsOn?.(input) ?? []) {
        // A resource no policy can name (a sync table with no REST twin) stays covered by the call's own.
        if (!resources.includes(effect.resource)) continue
        const need = { resource: effect.resource, class: effect.effect as MethodClass }
        if (!needs.some((n) => n.resource === need.resource && n.class === need.class)) needs.push(need)
      }
      // In the policy's order (read, create, update, close, delete, erase), so a denial reads the same way every time.
      return needs.sort(byPolicyOrder)
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
        methods: Object.fromEntries(
          Object.entries(table).map(([name, op]) => [name, ruleOf(resource, op, Object.keys(tables))]),
        ),
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
