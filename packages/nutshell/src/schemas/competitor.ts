import * as z from 'zod/mini'
import { NutshellIdSchema, ResponseMetaSchema } from './common'

/** A competitor leads can be won or lost against. */
export const CompetitorSchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
})
export type Competitor = z.infer<typeof CompetitorSchema>

/** `GET /competitors`, `GET /competitors/{id}`: the competitors under `competitors`. */
export const CompetitorsResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  competitors: z.nullish(z.array(CompetitorSchema)),
})
export type CompetitorsResponse = z.infer<typeof CompetitorsResponseSchema>

/** `GET /competitors` query. */
export const CompetitorListInputSchema = z.strictObject({
  /** Text searched for in the competitor's name. */
  q: z.optional(z.string()),
})
export type CompetitorListInput = z.infer<typeof CompetitorListInputSchema>
