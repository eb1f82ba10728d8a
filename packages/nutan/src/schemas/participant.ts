import * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalCount,
  optionalNumber,
  optionalRef,
  optionalText,
  requiredText,
} from './common'

const optionalFlag = maybe(z.boolean())

/** A meeting participant (fields inferred; see INFERRED-API.md). */
export const ParticipantSchema = z.looseObject({
  id: IdSchema,
  meeting_id: optionalRef,
  name: optionalText,
  email: optionalText,
  role: optionalText,
  is_internal: optionalFlag,
  talk_time_seconds: optionalNumber,
})
export type Participant = z.infer<typeof ParticipantSchema>

/** The fields of a participant added to a meeting (inferred); unknown fields are sent as given. */
export const ParticipantCreateSchema = z.looseObject({
  name: requiredText,
  email: optionalText,
  role: optionalText,
  is_internal: optionalFlag,
  talk_time_seconds: optionalCount,
})
export type ParticipantCreateParams = z.input<typeof ParticipantCreateSchema>
