import type { Schema } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  optionalNumber,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

const tokenCount = z.int().check(z.nonnegative('must be a non-negative integer'))

const usageInputShape = {
  /** The model that consumed the tokens. */
  model: requiredText,
  input_tokens: tokenCount,
  output_tokens: tokenCount,
  /** The product feature that used them (e.g. `summary`). */
  feature: optionalText,
  meeting_id: optionalRef,
  /** When the usage happened; the server's clock when omitted. */
  recorded_at: optionalTimeInput,
}
const usageInput = writeSchema(usageInputShape)
/** One usage measurement for `POST /v1/tokens` (fields inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type UsageRecordInput = z.input<typeof usageInput>
export const UsageRecordInputSchema: z.ZodMiniType<UsageRecordInput, UsageRecordInput> = usageInput

/** A recorded usage measurement (fields inferred; see INFERRED-API.md). */
export interface UsageRecord {
  id: string
  model?: string | null | undefined
  input_tokens?: number | null | undefined
  output_tokens?: number | null | undefined
  feature?: string | null | undefined
  meeting_id?: string | null | undefined
  recorded_at?: string | null | undefined
}

/** Checks a recorded usage measurement; unknown fields pass through. */
export const UsageRecordSchema: Schema<UsageRecord> = recordSchema({
  id: IdSchema,
  model: optionalText,
  input_tokens: optionalNumber,
  output_tokens: optionalNumber,
  feature: optionalText,
  meeting_id: optionalRef,
  recorded_at: optionalTime,
})
