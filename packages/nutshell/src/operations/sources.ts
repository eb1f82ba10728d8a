import * as z from 'zod/mini'
import { listParamsSchema } from '../query/list-params'
import { typedSchema } from '../schemas/common'
import { SourceSchema, SourcesResponseSchema } from '../schemas/source'
import { createRecord, listAll, recordAnswer, restorable } from './common'

/** A new lead source; `channel` is the service's channel code (0 to 8). */
export interface SourceCreateInput {
  name: string
  /** The service's channel code, 0 to 8. */
  channel?: number
}
export const SourceCreateInputSchema = typedSchema<SourceCreateInput>()(
  z.looseObject({
    name: z.string().check(z.minLength(1)),
    channel: z.optional(z.int().check(z.gte(0), z.lte(8))),
  }),
)

/** Parameters of `sources.list()` (one page). */
export interface SourceListParams {
  q?: string
}

/** The parameters `sources.list()` accepts (exported for tools and agents that describe them). */
export const SourceListParamsSchema = listParamsSchema({
  paged: false,
  q: true,
}) as unknown as z.ZodMiniType<SourceListParams>

const SOURCE_ANSWER = recordAnswer(SourcesResponseSchema, SourceSchema)

/** `/sources`: how leads found the business. */
export const SOURCE_OPERATIONS = {
  list: listAll({
    path: '/sources',
    input: SourceListParamsSchema,
    answer: SourcesResponseSchema,
    key: 'sources',
    description: "Lists the account's lead sources.",
  }),
  create: createRecord({
    path: '/sources',
    key: 'sources',
    input: SourceCreateInputSchema,
    answer: SOURCE_ANSWER,
    noun: 'lead source',
  }),
  ...restorable({ key: 'sources', answer: SOURCE_ANSWER, noun: 'lead source' }),
}
