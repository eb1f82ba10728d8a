import type { PagePromise, RequestOptions } from '@x/core'
import type { ResolvedListParams } from '../query/list-params'
import { type Outcome, OutcomesResponseSchema } from '../schemas/outcome'
import type { ResourceContext } from './context'
import { Collection, type CollectionSpec } from './rest'

/** The outcomes collection; `leads.close()` reads it too. */
export const OUTCOMES: CollectionSpec = { name: 'outcomes', schema: OutcomesResponseSchema, paged: false }

/** Lead outcomes (won, lost, canceled and the account's own reasons); `leads.close()` looks them up here. */
export class OutcomesResource {
  private readonly records: Collection<Outcome>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, OUTCOMES)
  }

  /** Lists the account's lead outcomes (one page). */
  list(options?: RequestOptions): PagePromise<Outcome, ResolvedListParams> {
    return this.records.list({}, options)
  }
}
