import type { Schema } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalCount,
  optionalNumber,
  optionalRef,
  optionalText,
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

const optionalFlag = maybe(z.boolean())

/** A meeting participant (fields inferred; see INFERRED-API.md); other fields: `extraFields(participant, ParticipantSchema)`. */
export interface Participant {
  id: string
  meeting_id?: string | null | undefined
  name?: string | null | undefined
  email?: string | null | undefined
  role?: string | null | undefined
  is_internal?: boolean | null | undefined
  talk_time_seconds?: number | null | undefined
}

/** Checks a participant; unknown fields pass through. */
export const ParticipantSchema: Schema<Participant> = recordSchema({
  id: IdSchema,
  meeting_id: optionalRef,
  name: optionalText,
  email: optionalText,
  role: optionalText,
  is_internal: optionalFlag,
  talk_time_seconds: optionalNumber,
})

const participantCreateShape = {
  name: requiredText,
  email: optionalText,
  role: optionalText,
  is_internal: optionalFlag,
  talk_time_seconds: optionalCount,
}
const participantCreate = writeSchema(participantCreateShape)
/** The fields of a participant added to a meeting (inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type ParticipantCreateInput = z.input<typeof participantCreate>
export const ParticipantCreateInputSchema: z.ZodMiniType<ParticipantCreateInput, ParticipantCreateInput> =
  participantCreate
