import { type PagePromise, parseBody, type RequestOptions, SdkError } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams, type SearchListInput } from '../query/list-params'
import { RelatedRecords } from '../related'
import type { Lead, LeadCloseInput, LeadCreateInput } from '../schemas/lead'
import { LeadCloseInputSchema, LeadCreateInputSchema, LeadSchema, LeadsResponseSchema } from '../schemas/lead'
import type { Outcome } from '../schemas/outcome'
import type { LeadProductMap } from '../schemas/product'
import { ProductMapsResponseSchema } from '../schemas/product'
import type { ResourceContext } from './context'
import { OUTCOMES } from './outcomes'
import { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, checkedId, type Ids, oneId, recordAnswer } from './rest'
import type { UpdateInput, UpdateOptions } from './update'

/** Fields `GET /leads` sorts by (prefix `-` for descending). */
export const LEAD_SORT_FIELDS = [
  'age',
  'value',
  'milestone',
  'confidence',
  'name',
  'closedTime',
  'owner',
  'sources',
] as const
export type LeadSortField = (typeof LEAD_SORT_FIELDS)[number]

/** Filter keys commonly used on leads (`GET /leads/list/fields` lists every valid key). */
export type LeadFilterKey =
  | 'status'
  | 'owner'
  | 'assignee'
  | 'tags'
  | 'sources'
  | 'stageset'
  | 'milestone'
  | 'stage'
  | 'outcome'
  | 'accounts'
  | 'contacts'
  | 'products'
  | 'competitors'
  | 'territory'
  | 'priority'
  | 'confidence'
  | 'value'
  | 'number'
  | 'createdTime'
  | 'closedTime'
  | 'dueTime'
  | 'lastContactedTime'

/** Parameters of `leads.list()`. */
export type LeadListParams = SearchListInput<LeadFilterKey, LeadSortField>
export type LeadFilter = Filter<LeadFilterKey>

/** The parameters `leads.list()` accepts (exported for tools and agents that describe them). */
export const LeadListParamsSchema = listParamsSchema({ sort: LEAD_SORT_FIELDS, filter: true, q: true })

const LEADS: CollectionSpec = {
  name: 'leads',
  schema: LeadsResponseSchema,
  answer: recordAnswer(LeadsResponseSchema, LeadSchema),
  listParams: LeadListParamsSchema,
  fallback: 'leads',
}
const PRODUCT_MAPS: CollectionSpec = {
  name: 'productMaps',
  path: '/productmaps',
  schema: ProductMapsResponseSchema,
}

/** Leads: Nutshell's deals or sales in progress. */
export class LeadsResource {
  private readonly records: Collection<Lead>
  private readonly productMaps: Collection<LeadProductMap>
  private readonly outcomeRecords: Collection<Outcome>
  private outcomes: Promise<Outcome[]> | undefined

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, LEADS)
    this.productMaps = new Collection(ctx, PRODUCT_MAPS)
    this.outcomeRecords = new Collection(ctx, OUTCOMES)
  }

  /** Lists leads, a page at a time (`await`) or every lead (`for await`). */
  list(params?: LeadListParams, options?: RequestOptions): PagePromise<Lead, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one lead, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Lead>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Lead[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Lead | Lead[]> {
    return this.records.get(ids, options)
  }

  /** Creates one lead (the service takes one per request); never resent after a server error. */
  create(input: LeadCreateInput, options?: RequestOptions): RecordPromise<Lead> {
    return this.records.create(LeadCreateInputSchema, input, options)
  }

  /**
   * Updates a lead with JSON Patch (`application/json-patch+json`): pass operations, or a plain
   * partial lead to turn into them. The service answers 204; `{ returnRecord: true }` GETs the lead.
   */
  update(
    id: string | number,
    changes: UpdateInput<Lead>,
    options: UpdateOptions & { returnRecord: true },
  ): Promise<Lead>
  update(id: string | number, changes: UpdateInput<Lead>, options?: UpdateOptions): Promise<Lead | undefined>
  update(
    id: string | number,
    changes: UpdateInput<Lead>,
    options?: UpdateOptions,
  ): Promise<Lead | undefined> {
    return this.records.update(id, changes, options)
  }

  /**
   * Closes a lead as won, lost or canceled (`POST /leads/{id}/status` with the outcome id, looked up
   * from `/outcomes` once and cached), or with an explicit `{ outcomeId }`.
   */
  close(id: string | number, outcome: LeadCloseInput, options?: RequestOptions): RecordPromise<Lead> {
    return new RecordPromise(
      (async () => {
        const context = 'leads.close'
        const path = `/leads/${oneId(id, context)}/status`
        const parsed = parseBody(LeadCloseInputSchema, outcome, context, 'outcome')
        const body =
          typeof parsed === 'string' ? { outcomeId: await this.outcomeId(parsed, options) } : parsed
        return this.records.write<Lead>({ method: 'POST', path, options, body, context })
      })(),
    )
  }

  /** Reopens a closed lead. */
  reopen(id: string | number, options?: RequestOptions): RecordPromise<Lead> {
    return this.records.send('POST', id, 'reopen', options, { suffix: '/reopen' })
  }

  /** Deletes a lead (restorable for 30 days with `undelete`); the service answers with the lead. */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Lead | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted lead. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Lead> {
    return this.records.undelete(id, options)
  }

  /**
   * The products attached to a lead (its product maps: product, quantity, price). The service has no
   * `/leads/{id}/products`: this reads the lead's `links.productMaps` and fetches those maps in one call.
   */
  products(id: string | number, options?: RequestOptions): RecordPromise<LeadProductMap[]> {
    return new RecordPromise(
      (async () => {
        const lead = await this.records.fetch<Lead>(id, options, 'leads.products')
        const ids = productMapIds(lead.data)
        const carried = ids.map((mapId) => new RelatedRecords(lead.body).get<LeadProductMap>(mapId))
        if (carried.every((m) => m !== undefined)) return { ...lead, data: carried as LeadProductMap[] }
        return this.productMaps.fetch<LeadProductMap[]>(ids, options, 'leads.products')
      })(),
    )
  }

  /** Moves a lead to another pipeline (`POST /leads/{id}/stageset`; a pipeline is a stageset). */
  setPipeline(id: string | number, stagesetId: string, options?: RequestOptions): RecordPromise<Lead> {
    return this.records.send('POST', id, 'setPipeline', options, {
      suffix: '/stageset',
      body: () => ({ stageset: checkedId(stagesetId, 'leads.setPipeline', 'stagesetId') }),
    })
  }

  /** The id of the first outcome with this status, from `/outcomes` (fetched once per client). */
  private async outcomeId(status: string, options: RequestOptions | undefined): Promise<string> {
    const wanted = status === 'cancelled' ? 'canceled' : status
    this.outcomes ??= Promise.resolve(this.outcomeRecords.list({}, options)).then((page) => page.items)
    let list: Outcome[]
    try {
      list = await this.outcomes
    } catch (error) {
      this.outcomes = undefined
      throw error
    }
    const norm = (s: unknown) =>
      typeof s === 'string' ? s.toLowerCase().replace('cancelled', 'canceled') : ''
    const match =
      list.find((o) => norm(o.status) === wanted && norm(o.name) === wanted) ??
      list.find((o) => norm(o.status) === wanted)
    if (!match)
      throw new SdkError(
        `No lead outcome with status "${wanted}" in GET /outcomes; pass { outcomeId } instead`,
      )
    return String(match.id)
  }
}

function productMapIds(lead: Lead): string[] {
  const value = (lead.links as Record<string, unknown> | undefined)?.productMaps
  if (!Array.isArray(value)) return []
  return value.map((v) =>
    typeof v === 'object' && v !== null ? String((v as { id: unknown }).id) : String(v),
  )
}
