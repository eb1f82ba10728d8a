import type { ReadRequest } from '../operations/fallback'
import type { RpcClient } from './client'
import { toRpcId } from './ids'
import { type RestLocation, rpcAccountToRest, rpcContactToRest, rpcLeadToRest } from './map/records'
import type { RpcLead } from './schemas/lead'
import type { RpcAccount, RpcContact } from './schemas/party'

/** A JSON-RPC read that can stand in for a failed REST read, producing REST records. */
export interface FallbackPlan {
  /** The JSON-RPC method it calls, for the notice. */
  method: string
  run: (rpc: RpcClient, location: RestLocation) => Promise<object[]>
}

/** Why a REST read cannot be served from JSON-RPC without changing its meaning. */
export interface Unsupported {
  unsupported: string
}

type Entity = ReadRequest['entity']

const LEAD_STATUS_CODES: Record<string, number> = {
  open: 0,
  pending: 1,
  won: 10,
  lost: 11,
  canceled: 12,
  cancelled: 12,
}

/** REST lead filter keys with a JSON-RPC `findLeads` query twin, and the REST type of their ids. */
const LEAD_FILTER_KEYS: Record<string, { key: string; type: string }> = {
  accounts: { key: 'accountId', type: 'accounts' },
  contacts: { key: 'contactId', type: 'contacts' },
  stageset: { key: 'stagesetId', type: 'stagesets' },
  stage: { key: 'milestoneId', type: 'stages' },
  milestone: { key: 'milestoneId', type: 'stages' },
}

const TWINS = {
  leads: {
    find: 'findLeads',
    get: 'getLead',
    search: 'searchLeads',
    map: (r: Record<string, unknown>, l: RestLocation) => rpcLeadToRest(r as unknown as RpcLead, l),
  },
  contacts: {
    find: 'findContacts',
    get: 'getContact',
    search: 'searchContacts',
    map: (r: Record<string, unknown>, l: RestLocation) => rpcContactToRest(r as unknown as RpcContact, l),
  },
  accounts: {
    find: 'findAccounts',
    get: 'getAccount',
    search: 'searchAccounts',
    map: (r: Record<string, unknown>, l: RestLocation) => rpcAccountToRest(r as unknown as RpcAccount, l),
  },
} as const

function scalars(value: unknown): (string | number)[] | undefined {
  const list = Array.isArray(value) ? value : [value]
  return list.every((v) => typeof v === 'string' || typeof v === 'number')
    ? (list as (string | number)[])
    : undefined
}

function oneOrMany<T>(list: T[]): T | T[] {
  return list.length === 1 ? list[0]! : list
}

/** The `findLeads` query for a REST lead filter, or why there is none. */
function leadQuery(filter: Record<string, unknown>): Record<string, unknown> | Unsupported {
  const query: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue
    const values = scalars(value)
    if (!values) return { unsupported: `filter[${key}] uses ranges or operators` }
    if (key === 'status') {
      const codes = values.map((v) => LEAD_STATUS_CODES[String(v).toLowerCase()])
      if (codes.some((c) => c === undefined)) return { unsupported: `filter[status] has an unknown status` }
      query.status = oneOrMany(codes as number[])
      continue
    }
    const twin = LEAD_FILTER_KEYS[key]
    if (!twin) return { unsupported: `filter[${key}] has no JSON-RPC equivalent` }
    try {
      query[twin.key] = oneOrMany(values.map((v) => toRpcId(v, twin.type, 'fallback')))
    } catch {
      return { unsupported: `filter[${key}] holds an id JSON-RPC cannot take` }
    }
  }
  return query
}

/** `orderBy`/`orderDirection` for one REST sort field, or why there is none. */
function order(sort: unknown): Record<string, unknown> | Unsupported {
  if (sort === undefined) return {}
  const fields = Array.isArray(sort) ? sort : [sort]
  if (fields.length !== 1 || typeof fields[0] !== 'string')
    return { unsupported: 'sorting by several fields' }
  const descending = fields[0].startsWith('-')
  const field = descending ? fields[0].slice(1) : fields[0]
  // REST's `age` grows as `createdTime` falls, so it sorts the other way round.
  if (field === 'age') return { orderBy: 'createdTime', orderDirection: descending ? 'ASC' : 'DESC' }
  return { orderBy: field, orderDirection: descending ? 'DESC' : 'ASC' }
}

function isUnsupported(value: object): value is Unsupported {
  return 'unsupported' in value
}

function firstPageOnly(page: unknown, run: FallbackPlan['run']): FallbackPlan['run'] {
  // Searches are not paged: their hits are the first page, and any later page is empty.
  return (rpc, location) => (Number(page ?? 0) > 0 ? Promise.resolve([]) : run(rpc, location))
}

/**
 * How a REST read of leads, contacts or accounts (`list`, `get`, `search`) is served by its JSON-RPC
 * twin: list → `find*` (page + 1, since JSON-RPC pages are 1-based), get → `get*` per id, search →
 * `search*`, a contact/account list by email → `searchByEmail`. Reads whose filters or sort JSON-RPC
 * cannot express are not served, rather than answered with different records.
 */
export function planFallback(req: ReadRequest): FallbackPlan | Unsupported {
  const twin = TWINS[req.entity as Entity]
  if (!twin) return { unsupported: `no JSON-RPC twin for ${String(req.entity)}` }
  const p = req.params
  const call = (rpc: RpcClient, method: string, params: Record<string, unknown>) =>
    rpc.call<unknown>(method, params).then((r) => (Array.isArray(r) ? (r as Record<string, unknown>[]) : []))
  const mapAll = (rows: Record<string, unknown>[], location: RestLocation) =>
    rows.map((r) => twin.map(r, location))

  if (req.op === 'get') {
    const ids = Array.isArray(p.ids) ? p.ids : [p.ids]
    let numbers: number[]
    try {
      numbers = ids.map((id) => toRpcId(id, req.entity, 'fallback'))
    } catch {
      return { unsupported: 'an id JSON-RPC cannot take' }
    }
    const idKey = `${req.entity === 'leads' ? 'lead' : req.entity === 'contacts' ? 'contact' : 'account'}Id`
    return {
      method: twin.get,
      run: async (rpc, location) => {
        const rows = await Promise.all(
          numbers.map((n) => rpc.call<Record<string, unknown>>(twin.get, { [idKey]: n })),
        )
        return mapAll(rows, location)
      },
    }
  }

  const filter = (p.filter ?? {}) as Record<string, unknown>
  const hasFilter = Object.values(filter).some((v) => v !== undefined)

  if (req.op === 'search' || typeof p.q === 'string') {
    if (hasFilter || p.sort !== undefined) return { unsupported: 'a search with filters or sorting' }
    const params = { string: String(p.q ?? ''), ...(p.limit !== undefined ? { limit: p.limit } : {}) }
    return {
      method: twin.search,
      run: firstPageOnly(p.page, async (rpc, location) =>
        mapAll(await call(rpc, twin.search, params), location),
      ),
    }
  }

  if (typeof p.email === 'string') {
    if (req.entity === 'leads' || hasFilter) return { unsupported: 'an email lookup with filters' }
    const group = req.entity
    return {
      method: 'searchByEmail',
      run: firstPageOnly(p.page, async (rpc, location) => {
        const found = await rpc.searchByEmail(p.email as string)
        return mapAll(found[group] as unknown as Record<string, unknown>[], location)
      }),
    }
  }

  const query =
    req.entity === 'leads' ? leadQuery(filter) : hasFilter ? { unsupported: `filters on ${req.entity}` } : {}
  if (isUnsupported(query)) return query
  const sorting = order(p.sort)
  if (isUnsupported(sorting)) return sorting
  const params = {
    ...sorting,
    ...(Object.keys(query).length ? { query } : {}),
    page: Number(p.page ?? 0) + 1,
    limit: p.limit ?? 50,
    stubResponses: false,
  }
  return {
    method: twin.find,
    run: async (rpc, location) => mapAll(await call(rpc, twin.find, params), location),
  }
}
