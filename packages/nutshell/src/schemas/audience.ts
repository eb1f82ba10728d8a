import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'

/** An email marketing audience. */
export interface Audience extends Declared<z.infer<typeof audienceObject>> {}
const audienceObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.nullish(z.string()),
  name: z.nullish(z.string()),
  isWebFX: z.nullish(z.boolean()),
})
export const AudienceSchema: z.ZodMiniType<Audience> = audienceObject

/** `POST /audiences` body: the audiences to create, by name. */
export interface AudienceCreateInput extends Declared<z.infer<typeof audienceCreateInputObject>> {}
const audienceCreateInputObject = z.strictObject({
  emAudiences: z.array(z.strictObject({ name: z.string() })),
})
export const AudienceCreateInputSchema: z.ZodMiniType<AudienceCreateInput> = audienceCreateInputObject

/** `POST /audiences` answer: the created audiences under `emAudiences`. */
export const AudienceCreateResponseSchema = z.looseObject({
  emAudiences: z.nullish(z.array(AudienceSchema)),
})
export type AudienceCreateResponse = z.infer<typeof AudienceCreateResponseSchema>
