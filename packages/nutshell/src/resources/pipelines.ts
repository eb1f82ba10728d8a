import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type Pipeline, type PipelinesResponse, PipelinesResponseSchema } from '../schemas/pipeline'
import type { ResourceContext } from './context'
import { listRecords } from './rest'

const ListParams = listParamsSchema({ paged: false })

/** Pipelines, which the REST API calls stagesets (`GET /stagesets`). */
export class PipelinesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the pipelines leads can be assigned to (one page). */
  list(options?: RequestOptions): PagePromise<Pipeline, ResolvedListParams> {
    return listRecords<Pipeline, PipelinesResponse>({
      ctx: this.ctx,
      name: 'pipelines.list',
      path: '/stagesets',
      key: 'stagesets',
      schema: PipelinesResponseSchema,
      paramsSchema: ListParams,
      input: {},
      options,
      paged: false,
    })
  }
}
