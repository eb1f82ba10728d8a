import { openEnum, type Schema } from '@x/core'
import type * as z from 'zod/mini'
import { IdSchema, maybe, optionalRef, optionalText, optionalTime, recordSchema } from './common'

/** Objection statuses the SDK knows; others pass through. */
export const OBJECTION_STATUSES = ['open', 'addressed'] as const
/** An objection's status: one of OBJECTION_STATUSES, or a value the server added. */
export const ObjectionStatusSchema = openEnum(OBJECTION_STATUSES)
export type ObjectionStatus = z.infer<typeof ObjectionStatusSchema>

/** An objection raised in a deal's meetings (fields inferred; see INFERRED-API.md). */
export interface Objection {
  id: string
  deal_id?: string | null | undefined
  meeting_id?: string | null | undefined
  category?: string | null | undefined
  text?: string | null | undefined
  status?: ObjectionStatus | null | undefined
  created_at?: string | null | undefined
}

/** Checks an objection; unknown fields pass through. */
export const ObjectionSchema: Schema<Objection> = recordSchema({
  id: IdSchema,
  deal_id: optionalRef,
  meeting_id: optionalRef,
  category: optionalText,
  text: optionalText,
  status: maybe(ObjectionStatusSchema),
  created_at: optionalTime,
})
