import { type PagePromise, parseInput, type RequestOptions, SdkError } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams, type SearchListInput } from '../query/list-params'
import { RelatedRecords } from '../related'
import type { Lead, LeadCloseInput, LeadCreateInput, LeadsResponse } from '../schemas/lead'
import { LeadCloseInputSchema, LeadCreateInputSchema, LeadSchema, LeadsResponseSchema } from '../schemas/lead'
import type { Outcome } from '../schemas/outcome'
import { OutcomesResponseSchema } from '../schemas/outcome'
import type { LeadProductMap } from '../schemas/product'
import { ProductMapsResponseSchema } from '../schemas/product'
import type { ResourceContext } from './context'
import { RecordPromise } from './record-promise'
import {
  fetchRecords,
  getRecords,
  type Ids,
  listRecords,
  oneId,
  recordAnswer,
  sendWrite,
  writeRecord,
} from './rest'
import { patchRecord, type UpdateInput, type UpdateOptions } from './update'

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

const ListParams = listParamsSchema({ sort: LEAD_SORT_FIELDS, filter: true, q: true })
const LeadAnswer = recordAnswer(LeadsResponseSchema, LeadSchema)

/** Leads: Nutshell's deals or sales in progress. */
export class LeadsResource {
  private readonly ctx: ResourceContext
  private outcomes: Promise<Outcome[]> | undefined

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists leads, a page at a time (`await`) or every lead (`for await`). */
  list(params?: LeadListParams, options?: RequestOptions): PagePromise<Lead, ResolvedListParams> {
    return listRecords<Lead, LeadsResponse>({
      ctx: this.ctx,
      name: 'leads.list',
      path: '/leads',
      key: 'leads',
      schema: LeadsResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
      fallback: 'leads',
    })
  }

  /** Fetches one lead, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Lead>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Lead[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Lead | Lead[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'leads.get',
      path: '/leads',
      key: 'leads',
      schema: LeadsResponseSchema,
      ids,
      options,
      fallback: 'leads',
    })
  }

  /** Creates one lead (the service takes one per request); never resent after a server error. */
  create(input: LeadCreateInput, options?: RequestOptions): RecordPromise<Lead> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/leads',
      key: 'leads',
      body: { leads: [parseInput(LeadCreateInputSchema, input, 'leads.create')] },
      schema: LeadAnswer,
      options,
    }))
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
    return patchRecord({
      ctx: this.ctx,
      type: 'leads',
      id,
      input: changes,
      options,
      refetch: (o) => this.get(id, o),
    })
  }

  /**
   * Closes a lead as won, lost or canceled (`POST /leads/{id}/status` with the outcome id, looked up
   * from `/outcomes` once and cached), or with an explicit `{ outcomeId }`.
   */
  close(id: string | number, outcome: LeadCloseInput, options?: RequestOptions): RecordPromise<Lead> {
    return new RecordPromise(
      (async () => {
        const path = `/leads/${oneId(id, 'leads.close')}/status`
        const parsed = parseInput(LeadCloseInputSchema, outcome, 'leads.close', 'outcome')
        const body =
          typeof parsed === 'string' ? { outcomeId: await this.outcomeId(parsed, options) } : parsed
        return sendWrite<Lead>({
          ctx: this.ctx,
          method: 'POST',
          path,
          key: 'leads',
          body,
          schema: LeadAnswer,
          options,
        })
      })(),
    )
  }

  /** Reopens a closed lead. */
  reopen(id: string | number, options?: RequestOptions): RecordPromise<Lead> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/leads/${oneId(id, 'leads.reopen')}/reopen`,
      key: 'leads',
      schema: LeadAnswer,
      options,
    }))
  }

  /** Deletes a lead (restorable for 30 days with `undelete`); the service answers with the lead. */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Lead | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/leads/${oneId(id, 'leads.delete')}`,
      key: 'leads',
      schema: LeadAnswer,
      options,
    }))
  }

  /** Restores a deleted lead. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Lead> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/leads/${oneId(id, 'leads.undelete')}/undelete`,
      key: 'leads',
      schema: LeadAnswer,
      idempotent: true,
      options,
    }))
  }

  /**
   * The products attached to a lead (its product maps: product, quantity, price). The service has no
   * `/leads/{id}/products`: this reads the lead's `links.productMaps` and fetches those maps in one call.
   */
  products(id: string | number, options?: RequestOptions): RecordPromise<LeadProductMap[]> {
    return new RecordPromise(
      (async () => {
        const lead = await fetchRecords<Lead>({
          ctx: this.ctx,
          name: 'leads.products',
          path: '/leads',
          key: 'leads',
          schema: LeadsResponseSchema,
          ids: id,
          options,
          fallback: 'leads',
        })
        const ids = productMapIds(lead.data)
        const carried = ids.map((mapId) => new RelatedRecords(lead.body).get<LeadProductMap>(mapId))
        if (carried.every((m) => m !== undefined)) return { ...lead, data: carried as LeadProductMap[] }
        return fetchRecords<LeadProductMap[]>({
          ctx: this.ctx,
          name: 'leads.products',
          path: '/productmaps',
          key: 'productMaps',
          schema: ProductMapsResponseSchema,
          ids,
          options,
        })
      })(),
    )
  }

  /** Moves a lead to another pipeline (`POST /leads/{id}/stageset`; a pipeline is a stageset). */
  setPipeline(id: string | number, stagesetId: string, options?: RequestOptions): RecordPromise<Lead> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/leads/${oneId(id, 'leads.setPipeline')}/stageset`,
      key: 'leads',
      body: { stageset: oneId(stagesetId, 'leads.setPipeline') },
      schema: LeadAnswer,
      options,
    }))
  }

  /** The id of the first outcome with this status, from `/outcomes` (fetched once per client). */
  private async outcomeId(status: string, options: RequestOptions | undefined): Promise<string> {
    const wanted = status === 'cancelled' ? 'canceled' : status
    this.outcomes ??= Promise.resolve(
      this.ctx.transport.request({
        method: 'GET',
        path: '/outcomes',
        schema: OutcomesResponseSchema,
        options,
      }),
    ).then(outcomeList)
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

function outcomeList(body: unknown): Outcome[] {
  if (Array.isArray(body)) return body as Outcome[]
  const wrapped = (body as { outcomes?: unknown } | undefined)?.outcomes
  if (Array.isArray(wrapped)) return wrapped as Outcome[]
  return body && typeof body === 'object' && 'id' in body ? [body as Outcome] : []
}

function productMapIds(lead: Lead): string[] {
  const value = (lead.links as Record<string, unknown> | undefined)?.productMaps
  if (!Array.isArray(value)) return []
  return value.map((v) =>
    typeof v === 'object' && v !== null ? String((v as { id: unknown }).id) : String(v),
  )
}
