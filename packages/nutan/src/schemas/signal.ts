import { openEnum, type Schema } from '@x/core'
import type * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalNumber,
  optionalRef,
  optionalText,
  optionalTime,
  recordSchema,
} from './common'

/** Signal types the SDK knows; others pass through. */
export const SIGNAL_TYPES = ['buying', 'risk', 'competitor', 'timeline', 'budget'] as const
/** A signal's type: one of SIGNAL_TYPES, or a value the server added. */
export const SignalTypeSchema = openEnum(SIGNAL_TYPES)
export type SignalType = z.infer<typeof SignalTypeSchema>

/** A signal detected in a deal's meetings (fields inferred; see INFERRED-API.md). */
export interface Signal {
  id: string
  deal_id?: string | null | undefined
  meeting_id?: string | null | undefined
  type?: SignalType | null | undefined
  text?: string | null | undefined
  confidence?: number | null | undefined
  created_at?: string | null | undefined
}

/** Checks a signal; unknown fields pass through. */
export const SignalSchema: Schema<Signal> = recordSchema({
  id: IdSchema,
  deal_id: optionalRef,
  meeting_id: optionalRef,
  type: maybe(SignalTypeSchema),
  text: optionalText,
  confidence: optionalNumber,
  created_at: optionalTime,
})
