import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, RelatedListSchema } from './common'
import { CompetitorSchema } from './competitor'

/** A competitor on a lead: who the lead is contested with, and how it went. */
export interface CompetitorMap extends Declared<z.infer<typeof competitorMapObject>> {}
const competitorMapObject = z.looseObject({
  id: NutshellIdSchema,
  relationship: z.nullish(z.string()),
  name: z.nullish(z.string()),
  status: z.nullish(z.enum(['potential', 'stole', 'beat'])),
  links: z.nullish(
    z.looseObject({
      lead: z.nullish(z.string()),
      competitor: z.nullish(z.string()),
    }),
  ),
})
export const CompetitorMapSchema: z.ZodMiniType<CompetitorMap> = competitorMapObject

/** `GET /competitormaps`, `GET /competitormaps/{id}`: the maps under `competitorMaps`, leads and competitors beside. */
export const CompetitorMapsResponseSchema = z.looseObject({
  competitorMaps: z.nullish(z.array(CompetitorMapSchema)),
  leads: RelatedListSchema,
  competitors: z.nullish(z.array(CompetitorSchema)),
})
export type CompetitorMapsResponse = z.infer<typeof CompetitorMapsResponseSchema>

/** One JSON Patch operation of `PATCH /competitormaps/{id}` (`from` is what `move` and `copy` read). */
export interface CompetitorMapPatchOp extends Declared<z.infer<typeof competitorMapPatchOpObject>> {}
const competitorMapPatchOpObject = z.strictObject({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy']),
  path: z.string(),
  value: z.optional(z.unknown()),
  from: z.optional(z.string()),
})
export const CompetitorMapPatchOpSchema: z.ZodMiniType<CompetitorMapPatchOp> = competitorMapPatchOpObject

/** `PATCH /competitormaps/{id}` body: a JSON Patch document. */
export const CompetitorMapPatchInputSchema = z.array(CompetitorMapPatchOpSchema)
export type CompetitorMapPatchInput = z.infer<typeof CompetitorMapPatchInputSchema>
