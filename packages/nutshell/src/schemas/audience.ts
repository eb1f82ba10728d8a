import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'

/** An email marketing audience. */
export const AudienceSchema = z.looseObject({
  id: NutshellIdSchema,
  type: z.nullish(z.string()),
  name: z.nullish(z.string()),
  isWebFX: z.nullish(z.boolean()),
})
export type Audience = z.infer<typeof AudienceSchema>

/** `POST /audiences` body: the audiences to create, by name. */
export const AudienceCreateInputSchema = z.strictObject({
  emAudiences: z.array(z.strictObject({ name: z.string() })),
})
export type AudienceCreateInput = z.infer<typeof AudienceCreateInputSchema>

/** `POST /audiences` answer: the created audiences under `emAudiences`. */
export const AudienceCreateResponseSchema = z.looseObject({
  emAudiences: z.nullish(z.array(AudienceSchema)),
})
export type AudienceCreateResponse = z.infer<typeof AudienceCreateResponseSchema>
