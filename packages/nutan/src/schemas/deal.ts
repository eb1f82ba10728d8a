import { openEnum, optionalFields, type Schema } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalNumber,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  pagingShape,
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

/** Deal stages the SDK knows; the server may add others, which pass through. */
export const DEAL_STAGES = ['discovery', 'qualification', 'proposal', 'negotiation', 'closed'] as const
/** Deal statuses the SDK knows; the server may add others, which pass through. */
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const

/** A deal's stage: one of DEAL_STAGES, or a value the server added. */
export const DealStageSchema = openEnum(DEAL_STAGES)
export type DealStage = z.infer<typeof DealStageSchema>
/** A deal's status: one of DEAL_STATUSES, or a value the server added. */
export const DealStatusSchema = openEnum(DEAL_STATUSES)
export type DealStatus = z.infer<typeof DealStatusSchema>

/**
 * A deal (fields inferred; see INFERRED-API.md). Soft-deleted deals carry `deleted_at`. Fields the
 * server adds pass through untouched: read them with `extraFields(deal, DealSchema)`.
 */
export interface Deal {
  id: string
  name?: string | null | undefined
  stage?: DealStage | null | undefined
  status?: DealStatus | null | undefined
  value?: number | null | undefined
  currency?: string | null | undefined
  contact_id?: string | null | undefined
  company?: string | null | undefined
  probability?: number | null | undefined
  close_date?: string | null | undefined
  created_at?: string | null | undefined
  updated_at?: string | null | undefined
  deleted_at?: string | null | undefined
}

const dealFields = {
  name: optionalText,
  stage: maybe(DealStageSchema),
  status: maybe(DealStatusSchema),
  value: optionalNumber,
  currency: optionalText,
  contact_id: optionalRef,
  company: optionalText,
  probability: optionalNumber,
}

/** Checks a deal; unknown fields pass through. */
export const DealSchema: Schema<Deal> = recordSchema({
  id: IdSchema,
  ...dealFields,
  close_date: optionalTime,
  created_at: optionalTime,
  updated_at: optionalTime,
  deleted_at: optionalTime,
})

const dealCreateShape = { ...dealFields, name: requiredText, close_date: optionalTimeInput }
const dealCreate = writeSchema(dealCreateShape)
/** The fields of a new deal (inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type DealCreateInput = z.input<typeof dealCreate>
export const DealCreateInputSchema: z.ZodMiniType<DealCreateInput, DealCreateInput> = dealCreate

const dealUpdateShape = optionalFields(dealCreateShape)
const dealUpdate = writeSchema(dealUpdateShape)
/** The changes of `deals.update(id, changes)`: at least one field; `id` and other read-only fields are refused. */
export type DealUpdateInput = z.input<typeof dealUpdate>
export const DealUpdateInputSchema: z.ZodMiniType<DealUpdateInput, DealUpdateInput> = dealUpdate

const dealList = z.strictObject({
  ...pagingShape,
  stage: z.optional(DealStageSchema),
  status: z.optional(DealStatusSchema),
})
/** Filters and paging of `GET /v1/deals` (the overview names `stage` and `status`); other keys are refused. */
export type DealListParams = z.input<typeof dealList>
export const DealListParamsSchema: z.ZodMiniType<DealListParams, DealListParams> = dealList
