import * as z from 'zod/mini'
import { type Declared, responseMetaObject } from './common'
import { PipelineSchema } from './pipeline'
import { StageSchema } from './stage'

/** Time a lead spent in one stage (`meta.timeSpent`, in the order of `stages`). */
export interface StageTimeSpent extends Declared<z.infer<typeof stageTimeSpentObject>> {}
const stageTimeSpentObject = z.looseObject({
  formatted: z.nullish(z.string()),
  prefix: z.nullish(z.string()),
  suffix: z.nullish(z.string()),
  value: z.nullish(z.number()),
  unit: z.nullish(z.string()),
})
export const StageTimeSpentSchema: z.ZodMiniType<StageTimeSpent> = stageTimeSpentObject

/** Body of `GET /leads/{id}/stages`: the lead's stages, with its pipeline and time spent under `meta`. */
export const LeadStagesResponseSchema = z.looseObject({
  meta: z.nullish(
    z.looseObject({
      ...responseMetaObject.shape,
      timeSpent: z.nullish(z.array(StageTimeSpentSchema)),
      stageset: z.nullish(PipelineSchema),
    }),
  ),
  stages: z.nullish(z.array(StageSchema)),
})
export type LeadStagesResponse = z.infer<typeof LeadStagesResponseSchema>
