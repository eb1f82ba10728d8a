import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { IdSchema, maybe, optionalRef, optionalText, optionalTime } from './common'

/** Objection statuses the SDK knows; others pass through. */
export const OBJECTION_STATUSES = ['open', 'addressed'] as const
/** An objection's status: one of OBJECTION_STATUSES, or a value the server added. */
export const ObjectionStatusSchema = openEnum(OBJECTION_STATUSES)
export type ObjectionStatus = z.infer<typeof ObjectionStatusSchema>

/** An objection raised in a deal's meetings (fields inferred; see INFERRED-API.md). */
export const ObjectionSchema = z.looseObject({
  id: IdSchema,
  deal_id: optionalRef,
  meeting_id: optionalRef,
  category: optionalText,
  text: optionalText,
  status: maybe(ObjectionStatusSchema),
  created_at: optionalTime,
})
export type Objection = z.infer<typeof ObjectionSchema>
