import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, ResponseMetaSchema } from './common'

/** A competitor leads can be won or lost against. */
export interface Competitor extends Declared<z.infer<typeof competitorObject>> {}
const competitorObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
})
export const CompetitorSchema: z.ZodMiniType<Competitor> = competitorObject

/** `GET /competitors`, `GET /competitors/{id}`: the competitors under `competitors`. */
export const CompetitorsResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  competitors: z.nullish(z.array(CompetitorSchema)),
})
export type CompetitorsResponse = z.infer<typeof CompetitorsResponseSchema>

/** `GET /competitors` query. */
export interface CompetitorListInput extends Declared<z.infer<typeof competitorListInputObject>> {}
const competitorListInputObject = z.strictObject({
  /** Text searched for in the competitor's name. */
  q: z.optional(z.string()),
})
export const CompetitorListInputSchema: z.ZodMiniType<CompetitorListInput> = competitorListInputObject
