import { RPC_ENTITIES, RPC_METHODS, type RpcEntitySpec, type RpcMethod } from '@x/nutshell/rpc'
import { leadingId } from '../../audit/values'
import type { MethodClass } from '../../policy/method-class'
import type { Requirement } from '../../policy/types'
import { touchesFields } from '../from-tables'
import type { MethodRule } from '../types'

/** The typed JSON-RPC methods, by their name on the wire, as nutshell's table declares them. */
const METHODS: Readonly<Record<string, RpcMethod>> = RPC_METHODS

/** The table's entry for a method name (own keys only: `constructor` is no method). */
function methodOf(name: unknown): RpcMethod | undefined {
  return typeof name === 'string' && Object.hasOwn(METHODS, name) ? METHODS[name] : undefined
}

/** The entity spec for a name as `editWithRev` takes it (`lead`). */
function entityOf(name: unknown): RpcEntitySpec | undefined {
  return typeof name === 'string' && Object.hasOwn(RPC_ENTITIES, name)
    ? RPC_ENTITIES[name as keyof typeof RPC_ENTITIES]
    : undefined
}

/** Every record type the JSON-RPC table names (`teams`, `settings`, `backups`, ...), each once. */
export const RPC_RESOURCES: readonly string[] = [
  ...new Set(Object.values(METHODS).flatMap((method) => method.resources)),
]

/**
 * What one table entry needs: its effect on each of its resources, plus `close` on them when an edit's
 * payload changes one of its `closeFields` (a lead's status or outcome), or cannot be inspected before it
 * runs (a function, see `editWithRev`).
 */
function requirementsOf(method: RpcMethod, payload?: unknown): Requirement[] {
  const needs: Requirement[] = method.resources.map((resource) => ({
    resource,
    class: method.effect as MethodClass,
  }))
  const closes =
    method.kind === 'edit' &&
    !!method.closeFields &&
    (typeof payload === 'function' || touchesFields(payload, method.closeFields))
  if (closes) for (const resource of method.resources) needs.push({ resource, class: 'close' })
  return needs
}

/** The edit payload of `rpc.call('edit<Entity>', { <entity>Id, rev, <entity> })`. */
function callPayload(method: RpcMethod, params: unknown): unknown {
  if (method.kind !== 'edit' || !params || typeof params !== 'object') return undefined
  const key = RPC_ENTITIES[method.entity].key
  return Object.hasOwn(params, key) ? (params as Record<string, unknown>)[key] : undefined
}

/**
 * What a JSON-RPC method needs, checked against the same record types as REST (so `leads: 'read'`
 * allows `findLeads` and `getLead`). A method the table does not declare needs nothing a policy can
 * grant, so it is denied.
 */
export function rpcRequirements(method: unknown, params: unknown): Requirement[] {
  const entry = methodOf(method)
  return entry ? requirementsOf(entry, callPayload(entry, params)) : []
}

/** The ids a JSON-RPC call names (`leadId`, `contactId`, ...). */
export function rpcIds(params: unknown): string[] {
  if (!params || typeof params !== 'object') return []
  return Object.entries(params)
    .filter(([key, value]) => /Id$/.test(key) && (typeof value === 'string' || typeof value === 'number'))
    .map(([, value]) => String(value))
}

/** `rpc.call(method, params)`: classified by the method it names. */
export const rpcCallRule: MethodRule = {
  needs: (args) => rpcRequirements(args[0], args[1]),
  inputs: 2,
  ids: (args) => rpcIds(args[1]),
  label: (args) => `rpc.${String(args[0])}`,
}

/**
 * `rpc.editWithRev(entity, id, changes)`: the entity's `edit<Suffix>`. Changes given as a function
 * cannot be inspected before they run, so they need `close` too when the entity has close fields.
 */
const editWithRevRule: MethodRule = {
  needs: (args) => {
    const spec = entityOf(args[0])
    const edit = spec ? methodOf(`edit${spec.suffix}`) : undefined
    return edit?.kind === 'edit' ? requirementsOf(edit, args[2]) : []
  },
  inputs: 3,
  // The changes may be a callback of the current record (documented): it runs later, inside the client, so
  // it is not copied and the rule above asks for `close` as if it changed every close field.
  functionArgs: [2],
  ids: (args) => leadingId(args.slice(1)),
  label: () => 'rpc.editWithRev',
}

/** How many leading arguments of a typed helper are its input (the rest are per-call options). */
export function helperInputs(method: RpcMethod): number {
  switch (method.kind) {
    case 'edit':
      return 3
    case 'delete':
    case 'search':
      return 2
    case 'plain':
      return method.params ? 1 : 0
    case 'custom':
      return method.inputs
    default:
      return 1
  }
}

/** A typed helper such as `rpc.findLeads(params)` or `rpc.editLead(id, rev, changes)`, as the table declares it. */
export function rpcHelperRule(name: string): MethodRule | undefined {
  if (name === 'editWithRev') return editWithRevRule
  const method = methodOf(name)
  if (!method) return undefined
  const byId = method.kind === 'get' || method.kind === 'edit' || method.kind === 'delete'
  return {
    // Helpers take the record itself, not named params: `editLead(id, rev, changes)`.
    needs: (args) => requirementsOf(method, method.kind === 'edit' ? args[2] : undefined),
    inputs: helperInputs(method),
    ids: (args) => (byId ? leadingId(args) : []),
    label: () => `rpc.${name}`,
  }
}
