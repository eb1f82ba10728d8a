import type { PagePromise, RequestOptions } from '@x/core'
import type { ResolvedListParams } from '../query/list-params'
import { type Pipeline, PipelinesResponseSchema } from '../schemas/pipeline'
import type { ResourceContext } from './context'
import { Collection, type CollectionSpec } from './rest'

const PIPELINES: CollectionSpec = {
  name: 'pipelines',
  path: '/stagesets',
  key: 'stagesets',
  schema: PipelinesResponseSchema,
  paged: false,
}

/** Pipelines, which the REST API calls stagesets (`GET /stagesets`). */
export class PipelinesResource {
  private readonly records: Collection<Pipeline>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, PIPELINES)
  }

  /** Lists the pipelines leads can be assigned to (one page). */
  list(options?: RequestOptions): PagePromise<Pipeline, ResolvedListParams> {
    return this.records.list({}, options)
  }
}
