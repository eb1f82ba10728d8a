import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { IdSchema, maybe, optionalNumber, optionalRef, optionalText, optionalTime } from './common'

/** Signal types the SDK knows; others pass through. */
export const SIGNAL_TYPES = ['buying', 'risk', 'competitor', 'timeline', 'budget'] as const
/** A signal's type: one of SIGNAL_TYPES, or a value the server added. */
export const SignalTypeSchema = openEnum(SIGNAL_TYPES)
export type SignalType = z.infer<typeof SignalTypeSchema>

/** A signal detected in a deal's meetings (fields inferred; see INFERRED-API.md). */
export const SignalSchema = z.looseObject({
  id: IdSchema,
  deal_id: optionalRef,
  meeting_id: optionalRef,
  type: maybe(SignalTypeSchema),
  text: optionalText,
  confidence: optionalNumber,
  created_at: optionalTime,
})
export type Signal = z.infer<typeof SignalSchema>
