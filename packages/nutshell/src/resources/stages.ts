import type { PagePromise, RequestOptions } from '@x/core'
import type { ResolvedListParams } from '../query/list-params'
import { type Stage, StagesResponseSchema } from '../schemas/stage'
import type { ResourceContext } from './context'
import { Collection, type CollectionSpec } from './rest'

const STAGES: CollectionSpec = { name: 'stages', schema: StagesResponseSchema, paged: false }

/** Stages (milestones) leads move through, across all pipelines. */
export class StagesResource {
  private readonly records: Collection<Stage>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, STAGES)
  }

  /** Lists every stage (one page). */
  list(options?: RequestOptions): PagePromise<Stage, ResolvedListParams> {
    return this.records.list({}, options)
  }
}
