import * as z from 'zod/mini'
import { type Declared, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** A lead source (how a lead found the business). */
export interface Source extends Declared<z.infer<typeof sourceObject>> {}
const sourceObject = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  channel: z.nullish(
    z.union([z.number(), z.looseObject({ value: z.nullish(z.number()), display: z.nullish(z.string()) })]),
  ),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export const SourceSchema: z.ZodMiniType<Source> = sourceObject

/** Body of the source endpoints. */
export const SourcesResponseSchema = collectionResponse('sources', SourceSchema)
export type SourcesResponse = z.infer<typeof SourcesResponseSchema>
