import * as z from 'zod/mini'
import { type Declared, recordBase } from './common'
import { collectionResponse } from './response'

/** A pipeline (the service calls it a stageset). */
export interface Pipeline extends Declared<z.infer<typeof pipelineObject>> {}
const pipelineObject = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  default: z.nullish(z.boolean()),
  canAccess: z.nullish(z.boolean()),
  status: z.nullish(z.number()),
})
export const PipelineSchema: z.ZodMiniType<Pipeline> = pipelineObject

/** Body of `GET /stagesets`: wrapped under `stagesets`, or (as the OpenAPI document declares) a bare array. */
export const PipelinesResponseSchema = z.union([
  collectionResponse('stagesets', PipelineSchema),
  z.array(PipelineSchema),
])
export type PipelinesResponse = z.infer<typeof PipelinesResponseSchema>
