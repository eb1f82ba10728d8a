import * as z from 'zod/mini'
import { listParamsSchema } from '../query/list-params'
import { SourceSchema, SourcesResponseSchema } from '../schemas/source'
import { deleteRecord, recordAnswer, undeleteRecord } from './common'
import { operation } from './operation'

/** A new lead source; `channel` is the service's channel code (0 to 8). */
export const SourceCreateInputSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  channel: z.optional(z.int().check(z.gte(0), z.lte(8))),
})
export type SourceCreateInput = z.infer<typeof SourceCreateInputSchema>

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
  list: operation({
    method: 'GET',
    path: '/sources',
    input: SourceListParamsSchema,
    answer: SourcesResponseSchema,
    returns: { kind: 'list', key: 'sources', paging: 'none' },
    effect: 'read',
    description: "Lists the account's lead sources.",
  }),
  create: operation({
    method: 'POST',
    path: '/sources',
    input: SourceCreateInputSchema,
    encode: (source: unknown) => ({ sources: [source] }),
    answer: SOURCE_ANSWER,
    returns: { kind: 'record', key: 'sources' },
    effect: 'create',
    description: 'Creates a lead source; never resent after a server error.',
  }),
  delete: deleteRecord({ path: '/sources/{id}', key: 'sources', answer: SOURCE_ANSWER, noun: 'lead source' }),
  undelete: undeleteRecord({
    path: '/sources/{id}/undelete',
    key: 'sources',
    answer: SOURCE_ANSWER,
    noun: 'lead source',
  }),
}
