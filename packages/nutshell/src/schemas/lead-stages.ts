import * as z from 'zod/mini'
import { ResponseMetaSchema } from './common'
import { PipelineSchema } from './pipeline'
import { StageSchema } from './stage'

/** Time a lead spent in one stage (`meta.timeSpent`, in the order of `stages`). */
export const StageTimeSpentSchema = z.looseObject({
  formatted: z.nullish(z.string()),
  prefix: z.nullish(z.string()),
  suffix: z.nullish(z.string()),
  value: z.nullish(z.number()),
  unit: z.nullish(z.string()),
})
export type StageTimeSpent = z.infer<typeof StageTimeSpentSchema>

/** Body of `GET /leads/{id}/stages`: the lead's stages, with its pipeline and time spent under `meta`. */
export const LeadStagesResponseSchema = z.looseObject({
  meta: z.nullish(
    z.looseObject({
      ...ResponseMetaSchema.shape,
      timeSpent: z.nullish(z.array(StageTimeSpentSchema)),
      stageset: z.nullish(PipelineSchema),
    }),
  ),
  stages: z.nullish(z.array(StageSchema)),
})
export type LeadStagesResponse = z.infer<typeof LeadStagesResponseSchema>
