import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput, type ResolvedListParams } from '../query/list-params'
import {
  type ActivitiesResponse,
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
import { getRecords, type Ids, listRecords, oneId, recordAnswer, writeRecord } from './rest'

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

/** Parameters of `activities.list()` (the service does not sort activities). */
export interface ActivityListParams extends PagingInput {
  filter?: Filter<ActivityFilterKey>
  q?: string
}

const ListParams = listParamsSchema({ filter: true, q: true })
const ActivityAnswer = recordAnswer(ActivitiesResponseSchema, ActivitySchema)

/** Activities: logged and scheduled calls, meetings and the like. */
export class ActivitiesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists activities, a page at a time (`await`) or every activity (`for await`). */
  list(params?: ActivityListParams, options?: RequestOptions): PagePromise<Activity, ResolvedListParams> {
    return listRecords<Activity, ActivitiesResponse>({
      ctx: this.ctx,
      name: 'activities.list',
      path: '/activities',
      key: 'activities',
      schema: ActivitiesResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
    })
  }

  /** Fetches one activity, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Activity>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Activity[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Activity | Activity[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'activities.get',
      path: '/activities',
      key: 'activities',
      schema: ActivitiesResponseSchema,
      ids,
      options,
    })
  }

  /** Creates one activity; never resent after a server error. */
  create(input: ActivityCreateInput, options?: RequestOptions): RecordPromise<Activity> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/activities',
      key: 'activities',
      body: { activities: [parseInput(ActivityCreateInputSchema, input, 'activities.create')] },
      schema: ActivityAnswer,
      options,
    }))
  }

  /** Updates an activity (`PUT /activities/{id}`: activities take field values, not JSON Patch). */
  update(
    id: string | number,
    changes: ActivityUpdateInput,
    options?: RequestOptions,
  ): RecordPromise<Activity> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'PUT',
      path: `/activities/${oneId(id, 'activities.update')}`,
      key: 'activities',
      body: { activities: [parseInput(ActivityUpdateInputSchema, changes, 'activities.update')] },
      schema: ActivityAnswer,
      options,
    }))
  }
}
