import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'
import { collectionResponse } from './response'

/** A stage a lead moves through (a milestone in the JSON-RPC API). */
export interface Stage extends Declared<z.infer<typeof stageObject>> {}
const stageObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  href: z.nullish(z.string()),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  position: z.nullish(z.number()),
  numSteps: z.nullish(z.number()),
  canAdvanceStage: z.nullish(z.boolean()),
  activeAvatarUrl: z.nullish(z.string()),
  completeAvatarUrl: z.nullish(z.string()),
  incompleteAvatarUrl: z.nullish(z.string()),
  overdueAvatarUrl: z.nullish(z.string()),
  // The document shows `links` as a list of `{stageset}` objects; records elsewhere use an object.
  links: z.nullish(z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))])),
})
export const StageSchema: z.ZodMiniType<Stage> = stageObject

/** Body of `GET /stages`: wrapped under `stages`, or a bare array. */
export const StagesResponseSchema = z.union([collectionResponse('stages', StageSchema), z.array(StageSchema)])
export type StagesResponse = z.infer<typeof StagesResponseSchema>
