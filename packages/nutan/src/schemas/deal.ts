import { openEnum, optionalFields } from '@x/core'
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
  requiredText,
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

/** A deal (fields inferred; see INFERRED-API.md). Soft-deleted deals carry `deleted_at`. */
export const DealSchema = z.looseObject({
  id: IdSchema,
  ...dealFields,
  close_date: optionalTime,
  created_at: optionalTime,
  updated_at: optionalTime,
  deleted_at: optionalTime,
})
export type Deal = z.infer<typeof DealSchema>

/** The fields of a new deal (inferred); unknown fields are sent as given. */
export const DealCreateSchema = z.looseObject({
  ...dealFields,
  name: requiredText,
  close_date: optionalTimeInput,
})
export type DealCreateParams = z.input<typeof DealCreateSchema>

/** A partial deal for `PATCH /v1/deals/:id`. */
export const DealUpdateSchema = z.looseObject(optionalFields(DealCreateSchema.shape))
export type DealUpdateParams = z.input<typeof DealUpdateSchema>

/** Filters and paging of `GET /v1/deals` (the overview names `stage` and `status`). */
export const DealListParamsSchema = z.looseObject({
  ...pagingShape,
  stage: z.optional(DealStageSchema),
  status: z.optional(DealStatusSchema),
})
export type DealListParams = z.input<typeof DealListParamsSchema>
