import { parseInput, SdkError } from '@x/core'
import * as z from 'zod/mini'
import { RpcCaller } from './caller'
import { RPC_ENTITIES, type RpcChangesOf, type RpcEditableEntity, type RpcRecordOf } from './entities'
import {
  type RpcCreator,
  type RpcDeleter,
  type RpcEditor,
  type RpcEntityInput,
  type RpcFinder,
  type RpcGetter,
  RpcMethodKit,
  type RpcSearcher,
} from './method-kit'
import { DEFAULT_MAX_REV_RETRIES, withRevRetries } from './rev'
import type { RpcRev } from './schemas/common'
import {
  type RpcMilestone,
  RpcMilestoneSchema,
  type RpcProduct,
  RpcProductSchema,
  type RpcSource,
  RpcSourceSchema,
  type RpcStageset,
  RpcStagesetSchema,
  type RpcTagInput,
  RpcTagInputSchema,
  type RpcTags,
  RpcTagsSchema,
  type RpcUser,
  RpcUserSchema,
} from './schemas/directory'
import { type RpcLead, type RpcLeadQuery, RpcLeadQuerySchema, RpcLeadSchema } from './schemas/lead'
import {
  type RpcFindParams,
  type RpcIdInput,
  type RpcListParams,
  RpcListParamsSchema,
  RpcSearchStringSchema,
  rpcFindParamsSchema,
} from './schemas/params'
import {
  type RpcAccount,
  RpcAccountSchema,
  type RpcContact,
  RpcContactSchema,
  type RpcPartyQuery,
  RpcPartyQuerySchema,
} from './schemas/party'
import { RpcSearchGroupsSchema, type RpcSearchResults } from './schemas/search'
import {
  type RpcActivity,
  type RpcActivityQuery,
  RpcActivityQuerySchema,
  RpcActivitySchema,
  type RpcNote,
  type RpcNoteParent,
  RpcNoteParentSchema,
  RpcNoteSchema,
  type RpcTask,
  type RpcTaskInput,
} from './schemas/work'
import { groupSearchResults } from './search-results'
import type { RpcConditional, RpcConditionalOptions, RpcContext, RpcRequestOptions } from './types'

const NamedParamsSchema = z.record(z.string(), z.unknown())
const MethodNameSchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a method name'))

/**
 * Nutshell's JSON-RPC API (`ns.rpc`): any method through `call()`, typed methods for the common set,
 * `find*` as pages, `editWithRev` for optimistic concurrency, and conditional reads with `{ etag }`.
 */
export class RpcClient {
  private readonly caller: RpcCaller
  private readonly kit = new RpcMethodKit(() => this.caller)
  private readonly maxRevRetries: number
  /** The REST base URL, so records mapped from JSON-RPC get REST `href`s. */
  readonly restBaseUrl: string

  constructor(ctx: RpcContext) {
    this.caller = new RpcCaller(ctx)
    this.maxRevRetries = ctx.options?.maxRevRetries ?? DEFAULT_MAX_REV_RETRIES
    this.restBaseUrl = ctx.transport.options.baseUrl.replace(/\/+$/, '')
  }

  /**
   * Calls any JSON-RPC method by name with named params and resolves to its `result`. `get*`, `find*`
   * and `search*` retry like GETs; other methods are never resent once the server may have acted.
   * With `{ etag }` it sends `If-None-Match` and resolves to `{ unchanged }` (see RpcConditional).
   */
  call<T = unknown>(
    method: string,
    params: Record<string, unknown> | undefined,
    options: RpcConditionalOptions,
  ): Promise<RpcConditional<T>>
  call<T = unknown>(method: string, params?: Record<string, unknown>, options?: RpcRequestOptions): Promise<T>
  async call<T>(
    method: string,
    params?: Record<string, unknown>,
    options?: RpcRequestOptions | RpcConditionalOptions,
  ): Promise<T | RpcConditional<T>> {
    parseInput(MethodNameSchema, method, 'rpc.call', 'method')
    const named = parseInput(NamedParamsSchema, params ?? {}, 'rpc.call', 'params')
    return this.kit.read<T>(method, named, undefined, options, false)
  }

  /**
   * Edits a record without losing concurrent changes: reads its current rev, sends the edit, and on a
   * 409 (someone else changed it) reads and retries up to `maxRevRetries` times, then throws
   * ConflictError. Pass a function to recompute the changes from the fresh record on each attempt.
   */
  editWithRev<E extends RpcEditableEntity>(
    entity: E,
    id: RpcIdInput,
    changes: RpcChangesOf<E> | ((current: RpcRecordOf<E>) => RpcChangesOf<E>),
    options?: RpcRequestOptions,
  ): Promise<RpcRecordOf<E>> {
    const spec = RPC_ENTITIES[entity]
    if (!spec) return Promise.reject(new SdkError(`editWithRev: unknown entity "${String(entity)}"`))
    const get = this.kit.getter<RpcRecordOf<E>>(entity)
    const edit = this.kit.editor<RpcChangesOf<E>, RpcRecordOf<E>>(entity)
    return withRevRetries(
      () => get(id, options),
      (current) => {
        const next = typeof changes === 'function' ? changes(current) : changes
        return edit(id, (current as { rev?: RpcRev }).rev ?? '', next, options)
      },
      this.maxRevRetries,
      `rpc.editWithRev(${entity})`,
    )
  }

  // Leads
  /** `getLead`: one lead by id. */
  readonly getLead: RpcGetter<RpcLead> = this.kit.getter('lead')
  /** `newLead`: creates a lead (never resent after the server may have acted). */
  readonly newLead: RpcCreator<RpcEntityInput<'lead'>, RpcLead> = this.kit.creator('lead')
  /** `editLead`: changes a lead; needs its current rev (see `editWithRev`). */
  readonly editLead: RpcEditor<RpcChangesOf<'lead'>, RpcLead> = this.kit.editor('lead')
  /** `deleteLead`: deletes a lead; needs its current rev. */
  readonly deleteLead: RpcDeleter = this.kit.deleter('lead')
  /** `findLeads`: leads matching a query, as 1-based pages. */
  readonly findLeads: RpcFinder<RpcLead, RpcFindParams<RpcLeadQuery>> = this.kit.finder(
    'findLeads',
    RpcLeadSchema,
    rpcFindParamsSchema(RpcLeadQuerySchema),
  )
  /** `searchLeads`: leads whose name or description matches a string (stubs). */
  readonly searchLeads: RpcSearcher<RpcLead> = this.kit.searcher('searchLeads', RpcLeadSchema)

  // Contacts
  /** `getContact`: one contact by id. */
  readonly getContact: RpcGetter<RpcContact> = this.kit.getter('contact')
  /** `newContact`: creates a contact. */
  readonly newContact: RpcCreator<RpcEntityInput<'contact'>, RpcContact> = this.kit.creator('contact')
  /** `editContact`: changes a contact; needs its current rev. */
  readonly editContact: RpcEditor<RpcChangesOf<'contact'>, RpcContact> = this.kit.editor('contact')
  /** `deleteContact`: deletes a contact; needs its current rev. */
  readonly deleteContact: RpcDeleter = this.kit.deleter('contact')
  /** `findContacts`: contacts matching a query, as 1-based pages. */
  readonly findContacts: RpcFinder<RpcContact, RpcFindParams<RpcPartyQuery>> = this.kit.finder(
    'findContacts',
    RpcContactSchema,
    rpcFindParamsSchema(RpcPartyQuerySchema),
  )
  /** `searchContacts`: contacts whose name matches a string (stubs). */
  readonly searchContacts: RpcSearcher<RpcContact> = this.kit.searcher('searchContacts', RpcContactSchema)

  // Accounts
  /** `getAccount`: one account by id. */
  readonly getAccount: RpcGetter<RpcAccount> = this.kit.getter('account')
  /** `newAccount`: creates an account. */
  readonly newAccount: RpcCreator<RpcEntityInput<'account'>, RpcAccount> = this.kit.creator('account')
  /** `editAccount`: changes an account; needs its current rev. */
  readonly editAccount: RpcEditor<RpcChangesOf<'account'>, RpcAccount> = this.kit.editor('account')
  /** `deleteAccount`: deletes an account; needs its current rev. */
  readonly deleteAccount: RpcDeleter = this.kit.deleter('account')
  /** `findAccounts`: accounts matching a query, as 1-based pages. */
  readonly findAccounts: RpcFinder<RpcAccount, RpcFindParams<RpcPartyQuery>> = this.kit.finder(
    'findAccounts',
    RpcAccountSchema,
    rpcFindParamsSchema(RpcPartyQuerySchema),
  )
  /** `searchAccounts`: accounts whose name matches a string (stubs). */
  readonly searchAccounts: RpcSearcher<RpcAccount> = this.kit.searcher('searchAccounts', RpcAccountSchema)

  // Activities
  /** `getActivity`: one activity by id. */
  readonly getActivity: RpcGetter<RpcActivity> = this.kit.getter('activity')
  /** `newActivity`: creates an activity. */
  readonly newActivity: RpcCreator<RpcEntityInput<'activity'>, RpcActivity> = this.kit.creator('activity')
  /** `editActivity`: changes an activity; needs its current rev. */
  readonly editActivity: RpcEditor<RpcChangesOf<'activity'>, RpcActivity> = this.kit.editor('activity')
  /** `deleteActivity`: deletes an activity; needs its current rev. */
  readonly deleteActivity: RpcDeleter = this.kit.deleter('activity')
  /** `findActivities`: activities matching a query, as 1-based pages. */
  readonly findActivities: RpcFinder<RpcActivity, RpcFindParams<RpcActivityQuery>> = this.kit.finder(
    'findActivities',
    RpcActivitySchema,
    rpcFindParamsSchema(RpcActivityQuerySchema),
  )

  // Tasks
  /** `getTask`: one task by id. */
  readonly getTask: RpcGetter<RpcTask> = this.kit.getter('task')
  /** `newTask`: creates a task. */
  readonly newTask: RpcCreator<RpcTaskInput, RpcTask> = this.kit.creator('task')
  /** `editTask`: changes a task; needs its current rev. */
  readonly editTask: RpcEditor<RpcChangesOf<'task'>, RpcTask> = this.kit.editor('task')
  /** `deleteTask`: deletes a task; needs its current rev. */
  readonly deleteTask: RpcDeleter = this.kit.deleter('task')

  // Notes
  /** `getNote`: one note by id. */
  readonly getNote: RpcGetter<RpcNote> = this.kit.getter('note')
  /** `editNote`: changes a note (Nutshell allows it for 24 hours, by its author); needs its current rev. */
  readonly editNote: RpcEditor<RpcChangesOf<'note'>, RpcNote> = this.kit.editor('note')
  /** `deleteNote`: deletes a note; needs its current rev. */
  readonly deleteNote: RpcDeleter = this.kit.deleter('note')

  /** `newNote`: attaches a note to a lead, contact or account. */
  async newNote(parent: RpcNoteParent, note: string, options?: RpcRequestOptions): Promise<RpcNote> {
    const params = {
      entity: parseInput(RpcNoteParentSchema, parent, 'rpc.newNote', 'entity'),
      note: parseInput(RpcSearchStringSchema, note, 'rpc.newNote', 'note'),
    }
    return this.kit.record<RpcNote>('newNote', params, RpcNoteSchema, options)
  }

  // Directory
  /** `getUser`: one user by id. */
  readonly getUser: RpcGetter<RpcUser> = this.kit.getter('user')
  /** `getProduct`: one product by id. */
  readonly getProduct: RpcGetter<RpcProduct> = this.kit.getter('product')
  /** `findUsers`: the users of the instance, as pages. */
  readonly findUsers: RpcFinder<RpcUser, RpcListParams> = this.kit.finder(
    'findUsers',
    RpcUserSchema,
    RpcListParamsSchema,
  )
  /** `findSources`: lead sources, as pages. */
  readonly findSources: RpcFinder<RpcSource, RpcListParams> = this.kit.finder(
    'findSources',
    RpcSourceSchema,
    RpcListParamsSchema,
  )
  /** `findProducts`: products, as pages. */
  readonly findProducts: RpcFinder<RpcProduct, RpcListParams> = this.kit.finder(
    'findProducts',
    RpcProductSchema,
    RpcListParamsSchema,
  )
  /** `findMilestones`: pipeline stages (JSON-RPC calls them milestones), as pages. */
  readonly findMilestones: RpcFinder<RpcMilestone, RpcListParams> = this.kit.finder(
    'findMilestones',
    RpcMilestoneSchema,
    RpcListParamsSchema,
  )
  /** `findStagesets`: pipelines (JSON-RPC calls them stagesets), as pages. */
  readonly findStagesets: RpcFinder<RpcStageset, RpcListParams> = this.kit.finder(
    'findStagesets',
    RpcStagesetSchema,
    RpcListParamsSchema,
  )

  /** `findTags`: every tag name, grouped by the entity type it applies to. */
  async findTags(options?: RpcRequestOptions): Promise<RpcTags> {
    const reply = await this.caller.invoke<RpcTags>('findTags', {}, RpcTagsSchema, options)
    return reply.result ?? {}
  }

  /** `newTag`: creates a tag for leads, contacts or accounts. */
  async newTag(tag: RpcTagInput, options?: RpcRequestOptions): Promise<unknown> {
    const params = { tag: parseInput(RpcTagInputSchema, tag, 'rpc.newTag', 'tag') }
    return (await this.caller.invoke('newTag', params, undefined, options)).result
  }

  // Searches REST does not have
  /** `searchUniversal`: one search across leads, contacts and accounts, grouped by kind. */
  async searchUniversal(query: string, options?: RpcRequestOptions): Promise<RpcSearchResults> {
    const params = { string: parseInput(RpcSearchStringSchema, query, 'rpc.searchUniversal', 'query') }
    const reply = await this.caller.invoke('searchUniversal', params, RpcSearchGroupsSchema, options)
    return groupSearchResults(reply.result)
  }

  /** `searchByEmail`: the contacts, accounts and users with this email address, grouped by kind. */
  async searchByEmail(email: string, options?: RpcRequestOptions): Promise<RpcSearchResults> {
    const params = {
      emailAddressString: parseInput(RpcSearchStringSchema, email, 'rpc.searchByEmail', 'email'),
    }
    const reply = await this.caller.invoke('searchByEmail', params, RpcSearchGroupsSchema, options)
    return groupSearchResults(reply.result)
  }
}
