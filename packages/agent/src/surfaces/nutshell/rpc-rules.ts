import { leadingId } from '../../audit/values'
import type { MethodClass } from '../../policy/method-class'
import type { Requirement } from '../../policy/types'
import type { MethodRule } from '../types'
import { touchesOutcome } from './close-fields'

/** JSON-RPC entity names (singular and plural) → the REST record type a policy names. */
const ENTITIES: Record<string, string> = {
  Account: 'accounts',
  Activity: 'activities',
  ActivityType: 'activities',
  Contact: 'contacts',
  Lead: 'leads',
  Milestone: 'stages',
  Note: 'notes',
  Product: 'products',
  Source: 'sources',
  Stageset: 'pipelines',
  Tag: 'tags',
  Task: 'tasks',
  Team: 'users',
  User: 'users',
}
const PLURALS: Record<string, string> = { Activities: 'Activity', ActivityTypes: 'ActivityType' }

const VERBS: [RegExp, MethodClass][] = [
  [/^(get|find|search)(.+)$/, 'read'],
  [/^new(.+)$/, 'create'],
  [/^edit(.+)$/, 'update'],
  [/^delete(.+)$/, 'delete'],
]

function resourceOf(entity: string): string | undefined {
  const singular = PLURALS[entity] ?? (entity.endsWith('s') ? entity.slice(0, -1) : entity)
  return ENTITIES[singular] ?? ENTITIES[entity]
}

/** Cross-record searches need read access to every record type they can return. */
const SEARCHES: Record<string, string[]> = {
  searchUniversal: ['leads', 'contacts', 'accounts'],
  searchByEmail: ['contacts', 'accounts', 'users'],
}

/**
 * What a JSON-RPC method needs, checked against the same record types as REST (so `leads: 'read'`
 * allows `findLeads` and `getLead`, and nothing allows an unknown method).
 */
export function rpcRequirements(method: unknown, params: unknown): Requirement[] {
  if (typeof method !== 'string') return []
  const searched = Object.hasOwn(SEARCHES, method) ? SEARCHES[method] : undefined
  if (searched) return searched.map((resource) => ({ resource, class: 'read' }))
  for (const [pattern, cls] of VERBS) {
    const match = pattern.exec(method)
    const entity = match?.[match.length - 1]
    const resource = entity ? resourceOf(entity) : undefined
    if (!resource) continue
    const needs: Requirement[] = [{ resource, class: cls }]
    // Editing a lead's status or outcome closes it: that needs the `close` grant too.
    const record = (params as Record<string, unknown> | undefined)?.lead
    if (method === 'editLead' && touchesOutcome(record)) needs.push({ resource, class: 'close' })
    return needs
  }
  return []
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
 * `rpc.editWithRev(entity, id, changes)`: an update of that entity. A lead's changes given as a
 * function cannot be inspected before they run, so they need `close` too.
 */
const editWithRevRule: MethodRule = {
  needs: (args) => {
    const entity = typeof args[0] === 'string' ? args[0] : ''
    const resource = resourceOf(entity.charAt(0).toUpperCase() + entity.slice(1))
    if (!resource) return []
    const closes = resource === 'leads' && (typeof args[2] === 'function' || touchesOutcome(args[2]))
    return [{ resource, class: 'update' }, ...(closes ? [{ resource, class: 'close' } as const] : [])]
  },
  inputs: 3,
  ids: (args) => leadingId(args.slice(1)),
  label: () => 'rpc.editWithRev',
}

/** How many leading arguments of a typed helper are its input (the rest are per-call options). */
function helperInputs(method: string): number {
  if (/^edit/.test(method)) return 3
  if (/^delete/.test(method) || /^search(Leads|Contacts|Accounts)$/.test(method) || method === 'newNote')
    return 2
  return method === 'findTags' ? 0 : 1
}

/** A typed helper such as `rpc.findLeads(params)` or `rpc.editLead(id, rev, changes)`: classified by its name. */
export function rpcHelperRule(method: string): MethodRule | undefined {
  if (method === 'editWithRev') return editWithRevRule
  if (!rpcRequirements(method, undefined).length) return undefined
  const byId = /^(get|edit|delete)/.test(method)
  return {
    // Helpers take the record itself, not named params: `editLead(id, rev, changes)`.
    needs: (args) => rpcRequirements(method, method === 'editLead' ? { lead: args[2] } : undefined),
    inputs: helperInputs(method),
    ids: (args) => (byId ? leadingId(args) : []),
    label: () => `rpc.${method}`,
  }
}
