import * as z from 'zod/mini'
import {
  IdSchema,
  optionalCount,
  optionalNumber,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  pagingShape,
  requiredText,
} from './common'

/** A meeting record (fields inferred; see INFERRED-API.md). */
export const MeetingSchema = z.looseObject({
  id: IdSchema,
  title: optionalText,
  started_at: optionalTime,
  ended_at: optionalTime,
  duration_seconds: optionalNumber,
  summary: optionalText,
  deal_id: optionalRef,
  created_at: optionalTime,
})
export type Meeting = z.infer<typeof MeetingSchema>

/** The fields of a new meeting record (inferred); unknown fields are sent as given. */
export const MeetingCreateSchema = z.looseObject({
  title: requiredText,
  started_at: optionalTimeInput,
  ended_at: optionalTimeInput,
  duration_seconds: optionalCount,
  summary: optionalText,
  deal_id: optionalRef,
})
export type MeetingCreateParams = z.input<typeof MeetingCreateSchema>

/** Filters and paging of `GET /v1/meetings` (`deal_id` inferred). */
export const MeetingListParamsSchema = z.looseObject({
  ...pagingShape,
  deal_id: z.optional(z.string()),
})
export type MeetingListParams = z.input<typeof MeetingListParamsSchema>
