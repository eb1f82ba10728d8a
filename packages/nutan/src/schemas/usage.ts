import * as z from 'zod/mini'
import {
  IdSchema,
  optionalNumber,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  requiredText,
} from './common'

const tokenCount = z.int().check(z.nonnegative('must be a non-negative integer'))

/** One usage measurement for `POST /v1/tokens` (fields inferred); unknown fields are sent as given. */
export const UsageRecordParamsSchema = z.looseObject({
  /** The model that consumed the tokens. */
  model: requiredText,
  input_tokens: tokenCount,
  output_tokens: tokenCount,
  /** The product feature that used them (e.g. `summary`). */
  feature: optionalText,
  meeting_id: optionalRef,
  /** When the usage happened; the server's clock when omitted. */
  recorded_at: optionalTimeInput,
})
export type UsageRecordParams = z.input<typeof UsageRecordParamsSchema>

/** A recorded usage measurement (fields inferred; see INFERRED-API.md). */
export const UsageRecordSchema = z.looseObject({
  id: IdSchema,
  model: optionalText,
  input_tokens: optionalNumber,
  output_tokens: optionalNumber,
  feature: optionalText,
  meeting_id: optionalRef,
  recorded_at: optionalTime,
})
export type UsageRecord = z.infer<typeof UsageRecordSchema>
