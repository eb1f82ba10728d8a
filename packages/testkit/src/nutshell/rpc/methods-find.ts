import { amountOf } from '../money'
import { parseTime } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import type { RpcContext, RpcMethod } from './context'
import { entity, leadStatusCode, listStub, stub } from './entities'
import { invalidParams } from './errors'
import { refId } from './inputs'

type Query = Record<string, unknown>
type Predicate = (record: NutshellRecord, ctx: RpcContext) => boolean

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

function links(record: NutshellRecord, key: string): string[] {
  const value = record.links?.[key]
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
}

function linkedTo(key: string, type: NutshellType, raw: unknown): Predicate {
  const ids = list(raw).map((item) => refId(item, type))
  return (record) => links(record, key).some((id) => ids.includes(id))
}

function activityStatus(record: NutshellRecord, now: number): number {
  if (record.isCancelled) return 2
  if (record.isLogged) return 1
  return (record.endTime as number) * 1000 < now ? -1 : 0
}

/** `findLeads`/`findActivities`/... query keys, each turned into a predicate. */
const QUERY_KEYS: Partial<Record<NutshellType, Record<string, (value: unknown) => Predicate>>> = {
  leads: {
    status: (value) => (record) => list(value).map(Number).includes(leadStatusCode(record.status)),
    filter: (value) => (record, ctx) => Number(value) !== 0 || record.links?.owner === ctx.user.userId,
    milestoneId: (value) => linkedTo('stage', 'stages', value),
    stagesetId: (value) => linkedTo('stageset', 'stagesets', value),
    assignee: (value) => linkedTo('owner', 'users', value),
    accountId: (value) => linkedTo('accounts', 'accounts', value),
    contactId: (value) => linkedTo('contacts', 'contacts', value),
    sourceId: (value) => linkedTo('sources', 'sources', value),
    tagId: (value) => linkedTo('tags', 'tags', value),
  },
  contacts: {
    accountId: (value) => linkedTo('accounts', 'accounts', value),
    owner: (value) => linkedTo('owner', 'users', value),
  },
  accounts: {
    owner: (value) => linkedTo('owner', 'users', value),
    contactId: (value) => (record, ctx) => {
      const contact = ctx.db.live(refId(value, 'contacts'))
      return Boolean(contact && links(contact, 'accounts').includes(record.id))
    },
  },
  activities: {
    leadId: (value) => linkedTo('leads', 'leads', value),
    contactId: (value) => linkedTo('participants', 'contacts', value),
    accountId: (value) => linkedTo('participants', 'accounts', value),
    activityTypeId: (value) => linkedTo('activityType', 'activityTypes', value),
    status: (value) => (record, ctx) => list(value).map(Number).includes(activityStatus(record, ctx.now)),
  },
  stages: { stagesetId: (value) => linkedTo('stageset', 'stagesets', value) },
  tasks: {
    entity: (value) => linkedTo('relatedEntity', 'contacts', value),
    assignee: (value) => linkedTo('assignee', 'users', value),
    isCompleted: (value) => (record) => Boolean(record.isCompleted) === Boolean(value),
  },
}

function nameQuery(value: unknown): Predicate {
  const needle = String(value).toLowerCase()
  return (record) =>
    String(record.name ?? record.title ?? '')
      .toLowerCase()
      .includes(needle)
}

function compilePredicates(type: NutshellType, query: unknown): Predicate[] {
  if (query === undefined || query === null) return []
  if (typeof query !== 'object' || Array.isArray(query)) throw invalidParams('query must be an object')
  const keys = QUERY_KEYS[type] ?? {}
  return Object.entries(query as Query).map(([key, value]) => {
    if (key === 'name') return nameQuery(value)
    const compile = keys[key]
    if (!compile) throw invalidParams(`unknown query key ${key}`)
    return compile(value)
  })
}

/** Sort keys `orderBy` accepts, read from the stored record. */
function orderValue(key: string, record: NutshellRecord, ctx: RpcContext): unknown {
  switch (key) {
    case 'id':
      return Number.parseInt(record.id, 10)
    case 'createdTime':
      return ctx.db.createdMs(record.id)
    case 'modifiedTime':
      return ctx.db.modifiedMs(record.id)
    case 'value':
      return amountOf(record.value)
    case 'dueTime':
    case 'closedTime':
    case 'startTime':
      return parseTime(record[key]) ?? null
    case 'time':
      return parseTime(record.startTime ?? record.sentTime) ?? ctx.db.createdMs(record.id)
    case 'last_name':
    case 'first_name':
      return key === 'last_name' ? record.lastName : record.firstName
    case 'description':
      return record.description ?? record.name
    default:
      return record[key]
  }
}

const ORDERABLE = new Set([
  'id',
  'name',
  'description',
  'createdTime',
  'modifiedTime',
  'value',
  'confidence',
  'dueTime',
  'closedTime',
  'startTime',
  'position',
  'number',
  'title',
  'time',
  'last_name',
  'first_name',
  'lastName',
  'firstName',
  'note',
])

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' })
}

function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw invalidParams(`${name} must be a positive integer`)
  return n
}

/** How a paged finder reads its records and orders them by default. */
interface FinderSpec {
  records: (params: Record<string, unknown>, ctx: RpcContext) => NutshellRecord[]
  orderBy: string
  stubs: boolean
}

/** A paged `find*`: 1-based `page`, `limit` (default 50), `orderBy`, `orderDirection`, `stubResponses`. */
export function pagedFinder({ records, orderBy: defaultOrder, stubs }: FinderSpec): RpcMethod {
  return (params, ctx) => {
    const page = positiveInt(params.page, 'page', 1)
    const limit = positiveInt(params.limit, 'limit', 50)
    const orderBy =
      params.orderBy === undefined || params.orderBy === null ? defaultOrder : String(params.orderBy)
    if (!ORDERABLE.has(orderBy)) throw invalidParams(`cannot order by ${orderBy}`)
    const direction = String(params.orderDirection ?? 'ASC').toUpperCase() === 'DESC' ? -1 : 1
    const asStubs = params.stubResponses === undefined ? stubs : Boolean(params.stubResponses)
    return records(params, ctx)
      .sort((a, b) => direction * compare(orderValue(orderBy, a, ctx), orderValue(orderBy, b, ctx)))
      .slice((page - 1) * limit, page * limit)
      .map((record) => (asStubs ? listStub(ctx.db, record) : entity(ctx.db, record)))
  }
}

/** `findLeads`/`findContacts`/...: a paged finder over one type, filtered by `query`. */
function findMethod(type: NutshellType, orderBy: string): RpcMethod {
  return pagedFinder({
    orderBy,
    stubs: true,
    records: (params, ctx) => {
      const predicates = compilePredicates(type, params.query)
      return ctx.db.list(type).filter((record) => predicates.every((test) => test(record, ctx)))
    },
  })
}

function searchText(record: NutshellRecord): string {
  const emails = ((record.emails as ({ value: string } | string)[] | undefined) ?? []).map((email) =>
    typeof email === 'string' ? email : email.value,
  )
  return [record.name, record.description, record.sku, ...emails].filter(Boolean).join(' ').toLowerCase()
}

/** `search*`: `{ string, limit? }` over one or more types, answering stubs. */
function searchMethod(...types: NutshellType[]): RpcMethod {
  return (params, ctx) => {
    if (typeof params.string !== 'string') throw invalidParams('string is required')
    const needle = params.string.toLowerCase()
    const limit = positiveInt(params.limit, 'limit', 50)
    return types
      .flatMap((type) => ctx.db.list(type))
      .filter((record) => searchText(record).includes(needle))
      .slice(0, limit)
      .map((record) => stub(ctx.db, record))
  }
}

function byEmail(ctx: RpcContext, type: NutshellType, email: string): Record<string, unknown>[] {
  return ctx.db
    .list(type)
    .filter((record) => {
      const values =
        type === 'users'
          ? (record.emails as string[])
          : (record.emails as { value: string }[]).map((item) => item.value)
      return values.some((value) => value.toLowerCase() === email)
    })
    .map((record) => stub(ctx.db, record))
}

/** Paged finders: method, type, default `orderBy` (records with a query, setup lookups without). */
const FINDS: [string, NutshellType, string][] = [
  ['findLeads', 'leads', 'id'],
  ['findContacts', 'contacts', 'id'],
  ['findAccounts', 'accounts', 'id'],
  ['findActivities', 'activities', 'id'],
  ['findTasks', 'tasks', 'id'],
  ['findUsers', 'users', 'last_name'],
  ['findSources', 'sources', 'name'],
  ['findProducts', 'products', 'name'],
  ['findMilestones', 'stages', 'id'],
  ['findStagesets', 'stagesets', 'id'],
  ['findTeams', 'teams', 'name'],
  ['findActivityTypes', 'activityTypes', 'name'],
  ['findLead_Outcomes', 'outcomes', 'description'],
  ['findAccountTypes', 'accountTypes', 'name'],
  ['findIndustries', 'industries', 'name'],
  ['findMarkets', 'markets', 'name'],
  ['findTerritories', 'territories', 'name'],
  ['findCompetitors', 'competitors', 'name'],
  ['findOrigins', 'origins', 'name'],
  ['findSettings', 'settings', 'name'],
  ['findDelays', 'delays', 'name'],
  ['findAudiences', 'emAudiences', 'name'],
]

/** Searchers: method and the types it looks through. */
const SEARCHES: [string, NutshellType[]][] = [
  ['searchLeads', ['leads']],
  ['searchContacts', ['contacts']],
  ['searchAccounts', ['accounts']],
  ['searchProducts', ['products']],
  ['searchSources', ['sources']],
  ['searchUsers', ['users']],
  ['searchCompetitors', ['competitors']],
  ['searchActivityParticipants', ['contacts', 'accounts', 'users']],
  ['searchContactsAndUsers', ['contacts', 'users']],
  ['searchUsersAndTeams', ['users', 'teams']],
]

/** find*, search*, findTags, searchUniversal and searchByEmail. */
export const findMethods: Record<string, RpcMethod> = {
  findTags: (_params, ctx) => {
    const names = (tagType: string) =>
      ctx.db
        .list('tags')
        .filter((tag) => tag.tagType === tagType)
        .map((tag) => tag.name)
    return { Leads: names('leads'), Contacts: names('contacts'), Accounts: names('accounts') }
  },
  searchUniversal: (params, ctx) => ({
    leads: findMethods.searchLeads!(params, ctx),
    contacts: findMethods.searchContacts!(params, ctx),
    accounts: findMethods.searchAccounts!(params, ctx),
  }),
  searchByEmail: (params, ctx) => {
    if (typeof params.emailAddressString !== 'string') throw invalidParams('emailAddressString is required')
    const email = params.emailAddressString.toLowerCase()
    return {
      contacts: byEmail(ctx, 'contacts', email),
      accounts: byEmail(ctx, 'accounts', email),
      users: byEmail(ctx, 'users', email),
    }
  },
}
for (const [name, type, orderBy] of FINDS) findMethods[name] = findMethod(type, orderBy)
for (const [name, types] of SEARCHES) findMethods[name] = searchMethod(...types)
