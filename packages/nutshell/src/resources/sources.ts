import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import * as z from 'zod/mini'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type Source, SourceSchema, type SourcesResponse, SourcesResponseSchema } from '../schemas/source'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { listRecords, oneId, recordAnswer, writeRecord } from './rest'

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

const ListParams = listParamsSchema({ paged: false, q: true })
const SourceAnswer = recordAnswer(SourcesResponseSchema, SourceSchema)

/** Lead sources: how leads found the business. */
export class SourcesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the account's lead sources. */
  list(params?: SourceListParams, options?: RequestOptions): PagePromise<Source, ResolvedListParams> {
    return listRecords<Source, SourcesResponse>({
      ctx: this.ctx,
      name: 'sources.list',
      path: '/sources',
      key: 'sources',
      schema: SourcesResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
      paged: false,
    })
  }

  /** Creates a lead source; never resent after a server error. */
  create(input: SourceCreateInput, options?: RequestOptions): RecordPromise<Source> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/sources',
      key: 'sources',
      body: { sources: [parseInput(SourceCreateInputSchema, input, 'sources.create')] },
      schema: SourceAnswer,
      options,
    }))
  }

  /** Deletes a lead source (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Source | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/sources/${oneId(id, 'sources.delete')}`,
      key: 'sources',
      schema: SourceAnswer,
      options,
    }))
  }

  /** Restores a deleted lead source. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Source> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/sources/${oneId(id, 'sources.undelete')}/undelete`,
      key: 'sources',
      schema: SourceAnswer,
      idempotent: true,
      options,
    }))
  }
}
