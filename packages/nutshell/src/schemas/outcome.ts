import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'
import { collectionResponse } from './response'

/** A lead outcome (won, lost, canceled and the account's own variants). */
export interface Outcome extends Declared<z.infer<typeof outcomeObject>> {}
const outcomeObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  name: z.nullish(z.string()),
  status: z.nullish(openEnum(['won', 'lost', 'canceled', 'cancelled'] as const)),
  href: z.nullish(z.string()),
})
export const OutcomeSchema: z.ZodMiniType<Outcome> = outcomeObject

/** Body of `GET /outcomes`: wrapped under `outcomes`, a bare array, or one object as the document declares. */
export const OutcomesResponseSchema = z.union([
  collectionResponse('outcomes', OutcomeSchema),
  z.array(OutcomeSchema),
  OutcomeSchema,
])
export type OutcomesResponse = z.infer<typeof OutcomesResponseSchema>
