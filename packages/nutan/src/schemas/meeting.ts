import type { Schema } from '@x/core'
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
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

/** A meeting record (fields inferred; see INFERRED-API.md); other fields: `extraFields(meeting, MeetingSchema)`. */
export interface Meeting {
  id: string
  title?: string | null | undefined
  started_at?: string | null | undefined
  ended_at?: string | null | undefined
  duration_seconds?: number | null | undefined
  summary?: string | null | undefined
  deal_id?: string | null | undefined
  created_at?: string | null | undefined
}

/** Checks a meeting record; unknown fields pass through. */
export const MeetingSchema: Schema<Meeting> = recordSchema({
  id: IdSchema,
  title: optionalText,
  started_at: optionalTime,
  ended_at: optionalTime,
  duration_seconds: optionalNumber,
  summary: optionalText,
  deal_id: optionalRef,
  created_at: optionalTime,
})

const meetingCreateShape = {
  title: requiredText,
  started_at: optionalTimeInput,
  ended_at: optionalTimeInput,
  duration_seconds: optionalCount,
  summary: optionalText,
  deal_id: optionalRef,
}
const meetingCreate = writeSchema(meetingCreateShape)
/** The fields of a new meeting record (inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type MeetingCreateInput = z.input<typeof meetingCreate>
export const MeetingCreateInputSchema: z.ZodMiniType<MeetingCreateInput, MeetingCreateInput> = meetingCreate

const meetingList = z.strictObject({ ...pagingShape, deal_id: z.optional(z.string()) })
/** Filters and paging of `GET /v1/meetings` (`deal_id` inferred); other keys are refused. */
export type MeetingListParams = z.input<typeof meetingList>
export const MeetingListParamsSchema: z.ZodMiniType<MeetingListParams, MeetingListParams> = meetingList
