import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type Outcome, type OutcomesResponse, OutcomesResponseSchema } from '../schemas/outcome'
import type { ResourceContext } from './context'
import { listRecords } from './rest'

const ListParams = listParamsSchema({ paged: false })

/** Lead outcomes (won, lost, canceled and the account's own reasons); `leads.close()` looks them up here. */
export class OutcomesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the account's lead outcomes (one page). */
  list(options?: RequestOptions): PagePromise<Outcome, ResolvedListParams> {
    return listRecords<Outcome, OutcomesResponse>({
      ctx: this.ctx,
      name: 'outcomes.list',
      path: '/outcomes',
      key: 'outcomes',
      schema: OutcomesResponseSchema,
      paramsSchema: ListParams,
      input: {},
      options,
      paged: false,
    })
  }
}
