import * as z from 'zod/mini'
import { recordBase } from './common'
import { collectionResponse } from './response'

/** A pipeline (the service calls it a stageset). */
export const PipelineSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  default: z.nullish(z.boolean()),
  canAccess: z.nullish(z.boolean()),
  status: z.nullish(z.number()),
})
export type Pipeline = z.infer<typeof PipelineSchema>

/** Body of `GET /stagesets`: wrapped under `stagesets`, or (as the OpenAPI document declares) a bare array. */
export const PipelinesResponseSchema = z.union([
  collectionResponse('stagesets', PipelineSchema),
  z.array(PipelineSchema),
])
export type PipelinesResponse = z.infer<typeof PipelinesResponseSchema>
