import * as z from 'zod/mini'
import { recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** A lead source (how a lead found the business). */
export const SourceSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  channel: z.nullish(
    z.union([z.number(), z.looseObject({ value: z.nullish(z.number()), display: z.nullish(z.string()) })]),
  ),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export type Source = z.infer<typeof SourceSchema>

/** Body of the source endpoints. */
export const SourcesResponseSchema = collectionResponse('sources', SourceSchema)
export type SourcesResponse = z.infer<typeof SourcesResponseSchema>
