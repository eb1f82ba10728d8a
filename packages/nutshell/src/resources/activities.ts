import { type PagePromise, parseBody, type RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import {
  ActivitiesResponseSchema,
  type Activity,
  type ActivityCreateInput,
  ActivityCreateInputSchema,
  ActivitySchema,
  type ActivityUpdateInput,
  ActivityUpdateInputSchema,
} from '../schemas/activity'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, recordAnswer } from './rest'

/** Filter keys `GET /activities` documents. */
export type ActivityFilterKey =
  | 'participant'
  | 'status'
  | 'leadPriority'
  | 'activityType'
  | 'flagged'
  | 'isImportant'
  | 'dateMin'
  | 'dateMax'

/**
 * Parameters of `activities.list()` (the service does not sort activities). `GET /activities` has no
 * page index: `limit` is how many activities to return.
 */
export interface ActivityListParams {
  /** How many activities to return (the service's default when omitted). */
  limit?: number
  filter?: Filter<ActivityFilterKey>
  q?: string
}

/** The parameters `activities.list()` accepts (exported for tools and agents that describe them). */
export const ActivityListParamsSchema = listParamsSchema({ paged: 'limit', filter: true, q: true })

/** Filters `GET /activities` names without `[]` (`filter[dateMin]`); the others take `filter[key][]`. */
const ACTIVITY_SCALAR_FILTERS: readonly ActivityFilterKey[] = [
  'activityType',
  'flagged',
  'isImportant',
  'dateMin',
  'dateMax',
]

const ACTIVITIES: CollectionSpec = {
  name: 'activities',
  schema: ActivitiesResponseSchema,
  answer: recordAnswer(ActivitiesResponseSchema, ActivitySchema),
  listParams: ActivityListParamsSchema,
  paging: 'link',
  scalarFilters: ACTIVITY_SCALAR_FILTERS,
}

/** Activities: logged and scheduled calls, meetings and the like. */
export class ActivitiesResource {
  private readonly records: Collection<Activity>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, ACTIVITIES)
  }

  /**
   * Lists activities (`GET /activities?limit=`): `await` gives the answer, `for await` walks it and any
   * page the service links with `meta.next` (the document declares no page index).
   */
  list(params?: ActivityListParams, options?: RequestOptions): PagePromise<Activity, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one activity, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Activity>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Activity[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Activity | Activity[]> {
    return this.records.get(ids, options)
  }

  /** Creates one activity; never resent after a server error. */
  create(input: ActivityCreateInput, options?: RequestOptions): RecordPromise<Activity> {
    return this.records.create(ActivityCreateInputSchema, input, options)
  }

  /** Updates an activity (`PUT /activities/{id}`: activities take field values, not JSON Patch). */
  update(
    id: string | number,
    changes: ActivityUpdateInput,
    options?: RequestOptions,
  ): RecordPromise<Activity> {
    return this.records.send('PUT', id, 'update', options, {
      body: () => ({ activities: [parseBody(ActivityUpdateInputSchema, changes, 'activities.update')] }),
    })
  }
}
