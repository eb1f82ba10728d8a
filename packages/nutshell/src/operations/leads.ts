import * as z from 'zod/mini'
import {
  CustomFieldCreateInputSchema,
  CustomFieldSchema,
  FullCustomFieldSchema,
} from '../schemas/custom-field'
import { LeadInstallmentInputSchema, LeadInstallmentsResponseSchema } from '../schemas/installment'
import { LeadSchema } from '../schemas/lead'
import { LeadStagesResponseSchema } from '../schemas/lead-stages'
import { FieldsResponseSchema, LEAD_LIST_SORTS, LeadListViewResponseSchema } from '../schemas/list-view'
import {
  LeadReportResponseSchema,
  REPORT_FORMATS,
  REPORT_GAPS,
  REPORT_SEGMENTS,
  REPORT_TYPES,
} from '../schemas/report'
import { operation } from './operation'

/** A `filter[...]` query: values by field key (`/leads/list/fields` names the keys). */
const FilterSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]))

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const LEAD_OPERATIONS = {
  customFields: operation({
    method: 'GET',
    path: '/leads/{id}/customfields',
    answer: z.array(FullCustomFieldSchema),
    returns: { kind: 'list', paged: false },
    effect: 'read',
    description: 'Lists the custom fields set on one lead, with their values.',
  }),
  customFieldAttributes: operation({
    method: 'GET',
    path: '/leads/customfields/attributes',
    answer: z.array(CustomFieldSchema),
    returns: { kind: 'list', paged: false },
    effect: 'read',
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
  listView: operation({
    method: 'GET',
    path: '/leads/list',
    input: z.strictObject({
      filter: z.optional(FilterSchema),
      q: z.optional(z.string()),
      sort: z.optional(z.enum(LEAD_LIST_SORTS)),
    }),
    answer: LeadListViewResponseSchema,
    returns: { kind: 'list', key: 'listItems', paged: false },
    effect: 'read',
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
  installments: operation({
    method: 'GET',
    path: '/leads/{id}/installments',
    answer: LeadInstallmentsResponseSchema,
    returns: { kind: 'list', key: 'installments', paged: false },
    effect: 'read',
    description: "Lists a lead's installment schedule.",
  }),
  setInstallments: operation({
    method: 'POST',
    path: '/leads/{id}/installments',
    // The body is a JSON array: the whole new schedule.
    input: z.array(LeadInstallmentInputSchema),
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
