import type { PagePromise, RequestOptions } from '@x/core'
import * as z from 'zod/mini'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type Source, SourceSchema, SourcesResponseSchema } from '../schemas/source'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, recordAnswer } from './rest'

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
export const SourceListParamsSchema = listParamsSchema({ paged: false, q: true })

const SOURCES: CollectionSpec = {
  name: 'sources',
  schema: SourcesResponseSchema,
  answer: recordAnswer(SourcesResponseSchema, SourceSchema),
  listParams: SourceListParamsSchema,
  paged: false,
}

/** Lead sources: how leads found the business. */
export class SourcesResource {
  private readonly records: Collection<Source>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, SOURCES)
  }

  /** Lists the account's lead sources. */
  list(params?: SourceListParams, options?: RequestOptions): PagePromise<Source, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Creates a lead source; never resent after a server error. */
  create(input: SourceCreateInput, options?: RequestOptions): RecordPromise<Source> {
    return this.records.create(SourceCreateInputSchema, input, options)
  }

  /** Deletes a lead source (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Source | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted lead source. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Source> {
    return this.records.undelete(id, options)
  }
}
