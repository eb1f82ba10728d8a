import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type Stage, type StagesResponse, StagesResponseSchema } from '../schemas/stage'
import type { ResourceContext } from './context'
import { listRecords } from './rest'

const ListParams = listParamsSchema({ paged: false })

/** Stages (milestones) leads move through, across all pipelines. */
export class StagesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists every stage (one page). */
  list(options?: RequestOptions): PagePromise<Stage, ResolvedListParams> {
    return listRecords<Stage, StagesResponse>({
      ctx: this.ctx,
      name: 'stages.list',
      path: '/stages',
      key: 'stages',
      schema: StagesResponseSchema,
      paramsSchema: ListParams,
      input: {},
      options,
      paged: false,
    })
  }
}
