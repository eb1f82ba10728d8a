import { type RequestOptions, SdkError } from '@x/core'
import * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type SearchListInput } from '../query/list-params'
import { RelatedRecords } from '../related'
import {
  CustomFieldCreateInputSchema,
  CustomFieldSchema,
  FullCustomFieldSchema,
} from '../schemas/custom-field'
import {
  installmentsBody,
  LeadInstallmentInputSchema,
  LeadInstallmentsResponseSchema,
} from '../schemas/installment'
import {
  type Lead,
  LeadCloseInputSchema,
  LeadCreateInputSchema,
  LeadSchema,
  LeadsResponseSchema,
  leadCreateBody,
} from '../schemas/lead'
import { LEAD_CLOSE_FIELDS } from '../schemas/lead-close-fields'
import { LeadStagesResponseSchema } from '../schemas/lead-stages'
import {
  FieldsResponseSchema,
  LEAD_LIST_SORTS,
  LEAD_SORT_FIELDS,
  LeadListViewResponseSchema,
} from '../schemas/list-view'
import type { Outcome } from '../schemas/outcome'
import { type LeadProductMap, ProductMapsResponseSchema } from '../schemas/product'
import {
  LeadReportResponseSchema,
  REPORT_FORMATS,
  REPORT_GAPS,
  REPORT_SEGMENTS,
  REPORT_TYPES,
} from '../schemas/report'
import { listAll, recordAnswer, recordCollection } from './common'
import { IdValueSchema } from './ids'
import type { IdArg } from './methods'
import { type OperationKit, operation } from './operation'
import { RecordPromise } from './record-promise'

export { LEAD_SORT_FIELDS }
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
export const LeadListParamsSchema = listParamsSchema({
  sort: LEAD_SORT_FIELDS,
  filter: true,
  q: true,
}) as unknown as z.ZodMiniType<LeadListParams>

/** The id of the first outcome with this status, from `/outcomes` (read once per client). */
async function outcomeId(kit: OperationKit, status: string): Promise<string> {
  const wanted = status === 'cancelled' ? 'canceled' : status
  const norm = (s: unknown) => (typeof s === 'string' ? s.toLowerCase().replace('cancelled', 'canceled') : '')
  const list: Outcome[] = await kit.outcomes(kit.options)
  const match =
    list.find((o) => norm(o.status) === wanted && norm(o.name) === wanted) ??
    list.find((o) => norm(o.status) === wanted)
  if (!match)
    throw new SdkError(`No lead outcome with status "${wanted}" in GET /outcomes; pass { outcomeId } instead`)
  return String(match.id)
}

function productMapIds(lead: Lead): string[] {
  const value = (lead.links as Record<string, unknown> | undefined)?.productMaps
  if (!Array.isArray(value)) return []
  return value.map((v) =>
    typeof v === 'object' && v !== null ? String((v as { id: unknown }).id) : String(v),
  )
}

/**
 * The products attached to a lead (its product maps: product, quantity, price). The service has no
 * `/leads/{id}/products`: this reads the lead's `links.productMaps`, served from the records the lead's
 * answer carries, or fetched in one `GET /productmaps/{ids}`.
 */
function leadProducts(
  kit: OperationKit,
  id: IdArg,
  options?: RequestOptions,
): RecordPromise<LeadProductMap[]> {
  return new RecordPromise(
    (async () => {
      const lead = await (kit.call('leads', 'get', id, options) as RecordPromise<Lead>).withFull()
      const ids = productMapIds(lead.data)
      const carried = ids.map((mapId) => new RelatedRecords(lead.body).get<LeadProductMap>(mapId))
      if (carried.every((m) => m !== undefined)) return { ...lead, data: carried as LeadProductMap[] }
      return (kit.call('productMaps', 'get', ids, options) as RecordPromise<LeadProductMap[]>).withFull()
    })(),
  )
}

const LEAD_ANSWER = recordAnswer(LeadsResponseSchema, LeadSchema)

/** A `filter[...]` query: values by field key (`/leads/list/fields` names the keys). */
const FilterSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const LEAD_OPERATIONS = {
  // The service takes one lead per `create`.
  ...recordCollection({
    key: 'leads',
    noun: 'lead',
    listParams: LeadListParamsSchema,
    createInput: LeadCreateInputSchema,
    createBody: leadCreateBody,
    answer: LeadsResponseSchema,
    record: LeadSchema,
    closeFields: LEAD_CLOSE_FIELDS,
  }),
  close: operation({
    method: 'POST',
    path: '/leads/{id}/status',
    input: LeadCloseInputSchema,
    inputName: 'outcome',
    encode: async (outcome: string | { outcomeId: string }, kit: OperationKit) =>
      typeof outcome === 'string' ? { outcomeId: await outcomeId(kit, outcome) } : outcome,
    answer: LEAD_ANSWER,
    returns: { kind: 'record', key: 'leads' },
    effect: 'close',
    description:
      'Closes a lead as won, lost or canceled (the outcome looked up in `/outcomes` once per client), or with an explicit `{ outcomeId }`.',
  }),
  reopen: operation({
    method: 'POST',
    path: '/leads/{id}/reopen',
    answer: LEAD_ANSWER,
    returns: { kind: 'record', key: 'leads' },
    effect: 'close',
    description: 'Reopens a closed lead.',
  }),
  products: operation({
    method: 'GET',
    path: '/leads/{id}',
    answer: ProductMapsResponseSchema,
    returns: { kind: 'composed', run: leadProducts },
    effect: 'read',
    description: 'Lists the products attached to a lead (its product maps: product, quantity, price).',
  }),
  setPipeline: operation({
    method: 'POST',
    path: '/leads/{id}/stageset',
    input: IdValueSchema,
    inputName: 'stagesetId',
    encode: (stagesetId: string | number) => ({ stageset: String(stagesetId) }),
    answer: LEAD_ANSWER,
    returns: { kind: 'record', key: 'leads' },
    effect: 'update',
    description: 'Moves a lead to another pipeline (a pipeline is a stageset).',
  }),
  customFields: listAll({
    path: '/leads/{id}/customfields',
    answer: z.array(FullCustomFieldSchema),
    description: 'Lists the custom fields set on one lead, with their values.',
  }),
  customFieldAttributes: listAll({
    path: '/leads/customfields/attributes',
    answer: z.array(CustomFieldSchema),
    description: 'Lists the custom fields any lead can carry.',
  }),
  createCustomField: operation({
    method: 'POST',
    path: '/leads/customfield',
    input: CustomFieldCreateInputSchema,
    // The document answers 200 with no body.
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'create',
    description: 'Defines a new custom field for leads.',
  }),
  listView: listAll({
    path: '/leads/list',
    input: z.strictObject({
      filter: z.optional(FilterSchema),
      q: z.optional(z.string()),
      sort: z.optional(z.enum(LEAD_LIST_SORTS)),
    }),
    answer: LeadListViewResponseSchema,
    key: 'listItems',
    description:
      'Lists leads as list items (display names plus filterable fields), filtered, searched or sorted.',
  }),
  listFields: operation({
    method: 'GET',
    path: '/leads/list/fields',
    answer: FieldsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Describes every lead field and whether a list can filter, sort or show it.',
  }),
  report: operation({
    method: 'GET',
    path: '/leads/report',
    input: z.strictObject({
      filter: z.optional(FilterSchema),
      q: z.optional(z.string()),
      sort: z.optional(z.string()),
      format: z.optional(z.enum(REPORT_FORMATS)),
      gap: z.optional(z.enum(REPORT_GAPS)),
      groupByField: z.optional(z.string()),
      pivotFacet: z.optional(z.string()),
      reportType: z.optional(z.enum(REPORT_TYPES)),
      segmentByField: z.optional(z.enum(REPORT_SEGMENTS)),
      useConfidence: z.optional(z.boolean()),
    }),
    // JSON by default; a `format` other than json answers the file as text.
    answer: z.union([LeadReportResponseSchema, z.string()]),
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Builds a lead report (sales, losses, new leads, forecast...) bucketed over time.',
  }),
  installments: listAll({
    path: '/leads/{id}/installments',
    answer: LeadInstallmentsResponseSchema,
    key: 'installments',
    description: "Lists a lead's installment schedule.",
  }),
  setInstallments: operation({
    method: 'POST',
    path: '/leads/{id}/installments',
    // The body is a JSON array: the whole new schedule.
    input: z.array(LeadInstallmentInputSchema),
    encode: installmentsBody,
    answer: LeadInstallmentsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'update',
    description: "Replaces a lead's installment schedule with the given installments.",
  }),
  stages: operation({
    method: 'GET',
    path: '/leads/{id}/stages',
    answer: LeadStagesResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description: "Lists the stages of a lead's pipeline with the time the lead spent in each.",
  }),
  watch: operation({
    method: 'POST',
    path: '/leads/{id}/watch',
    // The document gives no request body: the call toggles watching for the authenticated user.
    answer: LeadSchema,
    returns: { kind: 'record' },
    effect: 'update',
    description: 'Watches or unwatches a lead for the authenticated user (notifications about it).',
  }),
}
