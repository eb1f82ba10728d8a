// Every typed JSON-RPC method, declared once: its name on the wire (the key), how it is called, the
// records it touches, its effect, and the public source that confirmed it (the keys of
// docs/RPC-SOURCES.md). RpcClient's typed methods, the lazy `ns.rpc`, the agent's rules and
// `pnpm coverage` all read this table.
import { type Effect, parseInput } from '@x/core'
import * as z from 'zod/mini'
import { LEAD_CLOSE_FIELDS } from '../schemas/lead-close-fields'
import type { RpcEntityName } from './entities'
import type { RpcMethodKit } from './method-kit'
import {
  RpcMilestoneSchema,
  RpcProductSchema,
  RpcSourceSchema,
  RpcStagesetSchema,
  RpcTagInputSchema,
  RpcTagsSchema,
  RpcUserSchema,
} from './schemas/directory'
import { RpcLeadQuerySchema, RpcLeadSchema } from './schemas/lead'
import {
  RpcAnalyticsReportSchema,
  RpcAnySchema,
  RpcCustomFieldsByTypeSchema,
  RpcInstanceDataSchema,
  RpcLeadOutcomeSchema,
  RpcNamedSchema,
  RpcTeamSchema,
  RpcTimelineItemSchema,
} from './schemas/lookups'
import { RpcListParamsSchema, RpcSearchStringSchema, rpcFindParamsSchema } from './schemas/params'
import { RpcAccountSchema, RpcContactSchema, RpcPartyQuerySchema } from './schemas/party'
import { RpcSearchGroupsSchema, type RpcSearchResults } from './schemas/search'
import {
  RpcActivityQuerySchema,
  RpcActivitySchema,
  type RpcNote,
  type RpcNoteParent,
  RpcNoteParentSchema,
  RpcNoteSchema,
} from './schemas/work'
import { groupSearchResults } from './search-results'
import type { RpcRequestOptions } from './types'

/** How a method is called, and what it answers. */
export type RpcCallShape =
  /** `get<Entity>({ <entity>Id })`: one record; `idOptional` when no id asks for the caller's own. */
  | { kind: 'get'; entity: RpcEntityName; idOptional?: boolean }
  /** `new<Entity>({ <entity> })`, `edit<Entity>({ <entity>Id, rev, <entity> })`, `delete<Entity>({ <entity>Id, rev })`. */
  | { kind: 'new' | 'edit' | 'delete'; entity: RpcEntityName }
  /** A 1-based paged list: `{ orderBy, orderDirection, limit, page, ... }` in, an array of `item` out. */
  | { kind: 'find'; item: z.ZodMiniType; params: z.ZodMiniType }
  /** `{ string, limit }` in, an array of `item` out. */
  | { kind: 'search'; item: z.ZodMiniType }
  /** Named params as one object (or none), a value out. */
  | { kind: 'plain'; params?: z.ZodMiniType; result: z.ZodMiniType }
  /** Positional arguments shaped into named params by `run` (`newNote(parent, note)`). */
  // biome-ignore lint/suspicious/noExplicitAny: run takes the method's own arguments
  | { kind: 'custom'; inputs: number; run: (kit: RpcMethodKit, ...args: any[]) => Promise<unknown> }

/** One JSON-RPC method of the table. */
export type RpcMethod = RpcCallShape & {
  /** The record types (as a policy names them) the method reads or changes. */
  resources: readonly string[]
  effect: Effect
  /** Fields of the `edit*` payload whose change is a close (a lead's status or outcome). */
  closeFields?: readonly string[]
  description: string
  /** Which public source confirmed the method (see docs/RPC-SOURCES.md). */
  source: string
}

const rpc = <const M extends RpcMethod>(method: M): M => method

/** `find*` of a setup list (teams, industries, ...): the usual list params, stubs with a name. */
const lookup = (resource: string, description: string, source: string) =>
  rpc({
    kind: 'find',
    item: RpcNamedSchema,
    params: RpcListParamsSchema,
    resources: [resource],
    effect: 'read',
    description,
    source,
  })
/** `search*` over records with a name. */
const searchNamed = (resources: readonly string[], description: string, source: string) =>
  rpc({ kind: 'search', item: RpcNamedSchema, resources, effect: 'read', description, source })

const QueryOnlySchema = z.strictObject({ query: z.optional(z.record(z.string(), z.unknown())) })

async function newNote(
  kit: RpcMethodKit,
  parent: RpcNoteParent,
  note: string,
  options?: RpcRequestOptions,
): Promise<RpcNote> {
  const params = {
    entity: parseInput(RpcNoteParentSchema, parent, 'rpc.newNote', 'entity'),
    note: parseInput(RpcSearchStringSchema, note, 'rpc.newNote', 'note'),
  }
  return kit.record<RpcNote>('newNote', params, RpcNoteSchema, options)
}

function grouped(
  method: 'searchUniversal' | 'searchByEmail',
  key: 'string' | 'emailAddressString',
  field: string,
) {
  return async (kit: RpcMethodKit, query: string, options?: RpcRequestOptions): Promise<RpcSearchResults> => {
    const params = { [key]: parseInput(RpcSearchStringSchema, query, `rpc.${method}`, field) }
    const result = await kit.read(method, params, RpcSearchGroupsSchema, options, false)
    return groupSearchResults(result as Parameters<typeof groupSearchResults>[0])
  }
}

/** Every typed JSON-RPC method, by its name on the wire. */
export const RPC_METHODS = {
  // Leads
  getLead: rpc({
    kind: 'get',
    entity: 'lead',
    resources: ['leads'],
    effect: 'read',
    description: 'One lead by id.',
    source: 'OFF-DISC, RB, PY-C, CS, PY-B',
  }),
  newLead: rpc({
    kind: 'new',
    entity: 'lead',
    resources: ['leads'],
    effect: 'create',
    description: 'Creates a lead (never resent after the server may have acted).',
    source: 'RB, PY-C, CS, TS',
  }),
  editLead: rpc({
    kind: 'edit',
    entity: 'lead',
    resources: ['leads'],
    effect: 'update',
    closeFields: LEAD_CLOSE_FIELDS,
    description: 'Changes a lead; needs its current rev. Setting its status or outcome closes it.',
    source: 'OFF-REF, RB, PY-C, CS, PY-B',
  }),
  deleteLead: rpc({
    kind: 'delete',
    entity: 'lead',
    resources: ['leads'],
    effect: 'delete',
    description: 'Deletes a lead; needs its current rev.',
    source: 'OFF-REF, PY-C, CS',
  }),
  findLeads: rpc({
    kind: 'find',
    item: RpcLeadSchema,
    params: rpcFindParamsSchema(RpcLeadQuerySchema),
    resources: ['leads'],
    effect: 'read',
    description: 'Leads matching a query, as 1-based pages.',
    source: 'RB, CS, PY-B, PD',
  }),
  searchLeads: rpc({
    kind: 'search',
    item: RpcLeadSchema,
    resources: ['leads'],
    effect: 'read',
    description: 'Leads whose name or description matches a string (stubs).',
    source: 'RB, PY-C, PD',
  }),
  // Contacts
  getContact: rpc({
    kind: 'get',
    entity: 'contact',
    resources: ['contacts'],
    effect: 'read',
    description: 'One contact by id.',
    source: 'RB, PY-C, CS, PD',
  }),
  newContact: rpc({
    kind: 'new',
    entity: 'contact',
    resources: ['contacts'],
    effect: 'create',
    description: 'Creates a contact.',
    source: 'RB, PY-C, CS, PY-K',
  }),
  editContact: rpc({
    kind: 'edit',
    entity: 'contact',
    resources: ['contacts'],
    effect: 'update',
    description: 'Changes a contact; needs its current rev.',
    source: 'OFF-REF, RB, PY-C, CS',
  }),
  deleteContact: rpc({
    kind: 'delete',
    entity: 'contact',
    resources: ['contacts'],
    effect: 'delete',
    description: 'Deletes a contact; needs its current rev.',
    source: 'OFF-REF, PY-C, CS',
  }),
  findContacts: rpc({
    kind: 'find',
    item: RpcContactSchema,
    params: rpcFindParamsSchema(RpcPartyQuerySchema),
    resources: ['contacts'],
    effect: 'read',
    description: 'Contacts matching a query, as 1-based pages.',
    source: 'RB, PY-C, CS, NODE',
  }),
  searchContacts: rpc({
    kind: 'search',
    item: RpcContactSchema,
    resources: ['contacts'],
    effect: 'read',
    description: 'Contacts whose name matches a string (stubs).',
    source: 'RB, PY-C, CS',
  }),
  // Accounts
  getAccount: rpc({
    kind: 'get',
    entity: 'account',
    resources: ['accounts'],
    effect: 'read',
    description: 'One account by id.',
    source: 'RB, PY-C, CS, PD',
  }),
  newAccount: rpc({
    kind: 'new',
    entity: 'account',
    resources: ['accounts'],
    effect: 'create',
    description: 'Creates an account.',
    source: 'RB, PY-C, PY-K',
  }),
  editAccount: rpc({
    kind: 'edit',
    entity: 'account',
    resources: ['accounts'],
    effect: 'update',
    description: 'Changes an account; needs its current rev.',
    source: 'OFF-REF, RB, PY-C, CS',
  }),
  deleteAccount: rpc({
    kind: 'delete',
    entity: 'account',
    resources: ['accounts'],
    effect: 'delete',
    description: 'Deletes an account; needs its current rev.',
    source: 'OFF-REF, PY-C, CS',
  }),
  findAccounts: rpc({
    kind: 'find',
    item: RpcAccountSchema,
    params: rpcFindParamsSchema(RpcPartyQuerySchema),
    resources: ['accounts'],
    effect: 'read',
    description: 'Accounts matching a query, as 1-based pages.',
    source: 'OFF-REF, RB, PY-C, CS',
  }),
  searchAccounts: rpc({
    kind: 'search',
    item: RpcAccountSchema,
    resources: ['accounts'],
    effect: 'read',
    description: 'Accounts whose name matches a string (stubs).',
    source: 'RB, PY-C, CS',
  }),
  // Activities
  getActivity: rpc({
    kind: 'get',
    entity: 'activity',
    resources: ['activities'],
    effect: 'read',
    description: 'One activity by id.',
    source: 'RB, PY-C, CS, PY-B',
  }),
  newActivity: rpc({
    kind: 'new',
    entity: 'activity',
    resources: ['activities'],
    effect: 'create',
    description: 'Creates an activity.',
    source: 'RB, PY-C, CS',
  }),
  editActivity: rpc({
    kind: 'edit',
    entity: 'activity',
    resources: ['activities'],
    effect: 'update',
    description: 'Changes an activity; needs its current rev.',
    source: 'OFF-REF, RB, PY-C',
  }),
  deleteActivity: rpc({
    kind: 'delete',
    entity: 'activity',
    resources: ['activities'],
    effect: 'delete',
    description: 'Deletes an activity; needs its current rev.',
    source: 'OFF-REF, PY-C, CS',
  }),
  findActivities: rpc({
    kind: 'find',
    item: RpcActivitySchema,
    params: rpcFindParamsSchema(RpcActivityQuerySchema),
    resources: ['activities'],
    effect: 'read',
    description: 'Activities matching a query, as 1-based pages.',
    source: 'RB, PY-C, CS, PY-B',
  }),
  findActivityTypes: lookup(
    'activityTypes',
    'The types an activity can be logged as, as pages.',
    'RB, PY-C, CS, PY-B (recorded reply), TS',
  ),
  // Tasks
  getTask: rpc({
    kind: 'get',
    entity: 'task',
    resources: ['tasks'],
    effect: 'read',
    description: 'One task by id.',
    source: 'RB-CJ, PY-C',
  }),
  newTask: rpc({
    kind: 'new',
    entity: 'task',
    resources: ['tasks'],
    effect: 'create',
    description: 'Creates a task.',
    source: 'RB-CJ, PY-C, TS',
  }),
  editTask: rpc({
    kind: 'edit',
    entity: 'task',
    resources: ['tasks'],
    effect: 'update',
    description: 'Changes a task; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C',
  }),
  deleteTask: rpc({
    kind: 'delete',
    entity: 'task',
    resources: ['tasks'],
    effect: 'delete',
    description: 'Deletes a task; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C, CS',
  }),
  findTasks: rpc({
    kind: 'plain',
    params: QueryOnlySchema,
    result: z.array(RpcAnySchema),
    resources: ['tasks'],
    effect: 'read',
    description: 'The tasks for a query (no paging: the sources send `{ query }` only).',
    source: 'RB-CJ, PY-C',
  }),
  // Notes
  getNote: rpc({
    kind: 'get',
    entity: 'note',
    resources: ['notes'],
    effect: 'read',
    description: 'One note by id.',
    source: 'RB, PY-C, CS',
  }),
  newNote: rpc({
    kind: 'custom',
    inputs: 2,
    run: newNote,
    resources: ['notes'],
    effect: 'create',
    description: 'Attaches a note to a lead, contact or account.',
    source: 'RB, PY-C, CS, TS',
  }),
  editNote: rpc({
    kind: 'edit',
    entity: 'note',
    resources: ['notes'],
    effect: 'update',
    description: 'Changes a note (for 24 hours, by its author); needs its current rev.',
    source: 'OFF-REF, RB-CJ',
  }),
  deleteNote: rpc({
    kind: 'delete',
    entity: 'note',
    resources: ['notes'],
    effect: 'delete',
    description: 'Deletes a note; needs its current rev.',
    source: 'OFF-REF, PY-C, CS',
  }),
  findTimeline: rpc({
    kind: 'find',
    item: RpcTimelineItemSchema,
    params: rpcFindParamsSchema(z.record(z.string(), z.unknown())),
    resources: ['activities', 'emails', 'notes'],
    effect: 'read',
    description: "A record's timeline (activities, emails, notes), as pages; `query` names the record.",
    source: 'RB, PY-C, TS',
  }),
  // Products
  getProduct: rpc({
    kind: 'get',
    entity: 'product',
    resources: ['products'],
    effect: 'read',
    description: 'One product by id (with its full price list).',
    source: 'RB, PY-C',
  }),
  newProduct: rpc({
    kind: 'new',
    entity: 'product',
    resources: ['products'],
    effect: 'create',
    description: 'Creates a product (name, type, sku, unit, prices).',
    source: 'RB-CJ, PY-C',
  }),
  editProduct: rpc({
    kind: 'edit',
    entity: 'product',
    resources: ['products'],
    effect: 'update',
    description: 'Changes a product; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C',
  }),
  deleteProduct: rpc({
    kind: 'delete',
    entity: 'product',
    resources: ['products'],
    effect: 'delete',
    description: 'Deletes a product; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C, CS',
  }),
  findProducts: rpc({
    kind: 'find',
    item: RpcProductSchema,
    params: rpcFindParamsSchema(z.record(z.string(), z.unknown())),
    resources: ['products'],
    effect: 'read',
    description: 'Products, as pages (`stubResponses: false` for full records).',
    source: 'RB, PY-C, TS',
  }),
  searchProducts: rpc({
    kind: 'search',
    item: RpcProductSchema,
    resources: ['products'],
    effect: 'read',
    description: 'Products whose name matches a string (stubs).',
    source: 'RB, PY-C, TS',
  }),
  // Users and teams
  getUser: rpc({
    kind: 'get',
    entity: 'user',
    idOptional: true,
    resources: ['users'],
    effect: 'read',
    description: 'One user by id, or the authenticated user when called without one.',
    source: 'RB, PY-C, PY-B, TS',
  }),
  newUser: rpc({
    kind: 'new',
    entity: 'user',
    resources: ['users'],
    effect: 'create',
    description: 'Creates a user (names, emails, teams, whether to send an invitation).',
    source: 'RB-CJ, PY-C',
  }),
  editUser: rpc({
    kind: 'edit',
    entity: 'user',
    resources: ['users'],
    effect: 'update',
    description: 'Changes a user; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C',
  }),
  deleteUser: rpc({
    kind: 'delete',
    entity: 'user',
    resources: ['users'],
    effect: 'delete',
    description: 'Deletes a user; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C, CS',
  }),
  findUsers: rpc({
    kind: 'find',
    item: RpcUserSchema,
    params: RpcListParamsSchema,
    resources: ['users'],
    effect: 'read',
    description: 'The users of the instance, as pages.',
    source: 'RB, PY-C, CS, PY-B (recorded reply)',
  }),
  getTeam: rpc({
    kind: 'get',
    entity: 'team',
    resources: ['teams'],
    effect: 'read',
    description: 'One team by id (one public source: PY-C).',
    source: 'PY-C (weak: one source)',
  }),
  newTeam: rpc({
    kind: 'new',
    entity: 'team',
    resources: ['teams'],
    effect: 'create',
    description: 'Creates a team.',
    source: 'RB-CJ, PY-C',
  }),
  editTeam: rpc({
    kind: 'edit',
    entity: 'team',
    resources: ['teams'],
    effect: 'update',
    description: 'Changes a team; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C',
  }),
  deleteTeam: rpc({
    kind: 'delete',
    entity: 'team',
    resources: ['teams'],
    effect: 'delete',
    description: 'Deletes a team; needs its current rev.',
    source: 'OFF-REF, RB-CJ, PY-C, CS',
  }),
  findTeams: rpc({
    kind: 'find',
    item: RpcTeamSchema,
    params: RpcListParamsSchema,
    resources: ['teams'],
    effect: 'read',
    description: 'The teams of the instance, as pages.',
    source: 'RB, PY-C, CS, PY-B (recorded reply), TS',
  }),
  searchContactsAndUsers: searchNamed(
    ['contacts', 'users'],
    'Contacts and users whose name matches a string (stubs).',
    'RB, PY-C, CS',
  ),
  searchUsersAndTeams: searchNamed(
    ['users', 'teams'],
    'Users and teams whose name matches a string (stubs).',
    'RB, PY-C, CS',
  ),
  searchActivityParticipants: searchNamed(
    ['contacts', 'users'],
    'Anyone who can take part in an activity, by name (stubs).',
    'RB-CJ, PY-C',
  ),
  // Pipelines, outcomes, sources and the account's setup
  findMilestones: rpc({
    kind: 'find',
    item: RpcMilestoneSchema,
    params: RpcListParamsSchema,
    resources: ['stages'],
    effect: 'read',
    description: 'Pipeline stages (JSON-RPC calls them milestones), as pages.',
    source: 'RB, PY-C, CS, PY-B (recorded reply)',
  }),
  findStagesets: rpc({
    kind: 'find',
    item: RpcStagesetSchema,
    params: RpcListParamsSchema,
    resources: ['pipelines'],
    effect: 'read',
    description: 'Pipelines (JSON-RPC calls them stagesets), as pages.',
    source: 'PY-B (recorded reply), TS',
  }),
  findLead_Outcomes: rpc({
    kind: 'find',
    item: RpcLeadOutcomeSchema,
    params: RpcListParamsSchema,
    resources: ['outcomes'],
    effect: 'read',
    description: 'Lead outcomes (type 10 won, 11 lost, 12 cancelled), as pages; the name has an underscore.',
    source: 'RB, PY-C, CS, TS, WP',
  }),
  findSources: rpc({
    kind: 'find',
    item: RpcSourceSchema,
    params: RpcListParamsSchema,
    resources: ['sources'],
    effect: 'read',
    description: 'Lead sources, as pages.',
    source: 'RB, PY-C, CS',
  }),
  newSource: rpc({
    kind: 'plain',
    params: z.strictObject({ name: RpcSearchStringSchema }),
    result: RpcSourceSchema,
    resources: ['sources'],
    effect: 'create',
    description: 'Fetches the source with this name, or creates it.',
    source: 'RB-CJ, PY-C',
  }),
  searchSources: rpc({
    kind: 'search',
    item: RpcSourceSchema,
    resources: ['sources'],
    effect: 'read',
    description: 'Sources whose name matches a string (stubs).',
    source: 'RB, PY-C, TS',
  }),
  findOrigins: lookup('sources', 'Lead origins, as pages.', 'RB, PY-C, CS'),
  findAccountTypes: lookup(
    'accountTypes',
    'The account types an account can have, as pages.',
    'OFF-REF, RB, PY-C, CS, PD',
  ),
  findIndustries: lookup(
    'industries',
    'The industries accounts are filed under, as pages.',
    'RB, PY-C (recorded reply), PD',
  ),
  findMarkets: lookup(
    'markets',
    'The markets (currencies) leads are valued in, as pages.',
    'RB, PY-C, CS, PD',
  ),
  findTerritories: lookup('territories', 'The sales territories, as pages.', 'RB, PY-C, PD'),
  findCompetitors: lookup('competitors', 'The active competitors, as pages.', 'RB, PY-C, CS'),
  searchCompetitors: searchNamed(
    ['competitors'],
    'Competitors whose name matches a string (stubs).',
    'RB, PY-C',
  ),
  findAudiences: lookup('audiences', 'The email marketing audiences, as pages.', 'CS, PD'),
  findDelays: lookup('processes', 'The delays a process step can wait, as pages.', 'RB, PY-C, CS'),
  findSettings: lookup('settings', 'The publicly visible settings of the instance, as pages.', 'RB, PY-C'),
  findProcesses: rpc({
    kind: 'plain',
    params: QueryOnlySchema,
    result: z.array(RpcAnySchema),
    resources: ['processes'],
    effect: 'read',
    description: 'The sales processes of a record (`{ query }`; no paging).',
    source: 'RB-CJ, PY-C',
  }),
  editStep: rpc({
    kind: 'edit',
    entity: 'step',
    resources: ['processes'],
    effect: 'update',
    description: 'Changes a process step (assignee, status, choice, delay); needs its current rev.',
    source: 'OFF-REF, RB, PY-C',
  }),
  findCustomFields: rpc({
    kind: 'plain',
    result: RpcCustomFieldsByTypeSchema,
    resources: ['leads', 'contacts', 'accounts'],
    effect: 'read',
    description: 'The custom fields of each record type (`{ Leads: [...], ... }`).',
    source: 'RB-CJ, PY-C, PY-K, PD',
  }),
  // Tags
  findTags: rpc({
    kind: 'plain',
    result: RpcTagsSchema,
    resources: ['tags'],
    effect: 'read',
    description: 'Every tag name, grouped by the record type it applies to.',
    source: 'RB, PY-C',
  }),
  newTag: rpc({
    kind: 'plain',
    params: z.strictObject({ tag: RpcTagInputSchema }),
    result: RpcAnySchema,
    resources: ['tags'],
    effect: 'create',
    description: 'Creates a tag for leads, contacts or accounts.',
    source: 'RB, PY-C, CS',
  }),
  // Emails, backups, reports, the instance
  getEmail: rpc({
    kind: 'get',
    entity: 'email',
    resources: ['emails'],
    effect: 'read',
    description: 'One logged email by id.',
    source: 'RB, PY-C',
  }),
  newEmail: rpc({
    kind: 'plain',
    params: z.strictObject({ emailString: RpcSearchStringSchema }),
    result: RpcAnySchema,
    resources: ['emails'],
    effect: 'create',
    description: 'Logs an email given in RFC 822 form.',
    source: 'RB-CJ, PY-C',
  }),
  findBackups: rpc({
    kind: 'plain',
    result: RpcAnySchema,
    resources: ['backups'],
    effect: 'read',
    description: 'The available and running backups.',
    source: 'RB-CJ, PY-C',
  }),
  newBackup: rpc({
    kind: 'plain',
    result: RpcAnySchema,
    resources: ['backups'],
    effect: 'create',
    description: 'Starts a downloadable backup of the whole instance.',
    source: 'RB-CJ, PY-C',
  }),
  getAnalyticsReport: rpc({
    kind: 'plain',
    params: z.looseObject({
      reportType: z.string(),
      period: z.string(),
      filter: z.optional(
        z.array(z.looseObject({ entityId: z.union([z.number(), z.string()]), entityName: z.string() })),
      ),
      options: z.optional(z.array(z.unknown())),
    }),
    result: RpcAnalyticsReportSchema,
    resources: ['reports'],
    effect: 'read',
    description:
      'An analytics report (`reportType` Effort or Pipeline) over a period, as series and a summary.',
    source: 'RB, PY-C, PY-B (recorded reply)',
  }),
  getUpdateTimes: rpc({
    kind: 'plain',
    result: RpcAnySchema,
    resources: ['settings'],
    effect: 'read',
    description: 'When each provisioning list (users, tags, ...) last changed.',
    source: 'RB, PY-C',
  }),
  instanceData: rpc({
    kind: 'plain',
    result: RpcInstanceDataSchema,
    resources: ['settings'],
    effect: 'read',
    description: 'Data about the authenticated instance.',
    source: 'RB-CJ, TS',
  }),
  // Searches across record types
  searchUniversal: rpc({
    kind: 'custom',
    inputs: 1,
    run: grouped('searchUniversal', 'string', 'query'),
    resources: ['leads', 'contacts', 'accounts'],
    effect: 'read',
    description: 'One search across leads, contacts and accounts, grouped by kind.',
    source: 'RB, PY-C, CS, TS',
  }),
  searchByEmail: rpc({
    kind: 'custom',
    inputs: 1,
    run: grouped('searchByEmail', 'emailAddressString', 'email'),
    resources: ['contacts', 'accounts', 'users'],
    effect: 'read',
    description: 'The contacts, accounts and users with this email address, grouped by kind.',
    source: 'RB, PY-C, CS',
  }),
} satisfies Record<string, RpcMethod>

/** The table's type. */
export type RpcMethodTable = typeof RPC_METHODS
