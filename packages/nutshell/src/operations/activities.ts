import type * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema } from '../query/list-params'
import {
  ActivitiesResponseSchema,
  ActivityCreateInputSchema,
  ActivitySchema,
  type ActivityUpdateInput,
  ActivityUpdateInputSchema,
  activityBody,
} from '../schemas/activity'
import { createRecord, getRecords, recordAnswer } from './common'
import { encodeSearch, searchRepeatKeys } from './list-query'
import { operation } from './operation'

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
export const ActivityListParamsSchema = listParamsSchema({
  paged: 'limit',
  filter: true,
  q: true,
}) as unknown as z.ZodMiniType<ActivityListParams>

/** Filters `GET /activities` names without `[]` (`filter[dateMin]`); the others take `filter[key][]`. */
const SCALAR_FILTERS: readonly ActivityFilterKey[] = [
  'activityType',
  'flagged',
  'isImportant',
  'dateMin',
  'dateMax',
]

const ACTIVITY_ANSWER = recordAnswer(ActivitiesResponseSchema, ActivitySchema)

/** `/activities`: logged and scheduled calls, meetings and the like. */
export const ACTIVITY_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/activities',
    input: ActivityListParamsSchema,
    encode: encodeSearch(SCALAR_FILTERS),
    repeatQueryKeys: searchRepeatKeys(SCALAR_FILTERS),
    answer: ActivitiesResponseSchema,
    returns: { kind: 'list', key: 'activities', paging: 'link' },
    effect: 'read',
    description:
      'Lists activities (`limit` of them); `for await` also walks any page the answer links with `meta.next`.',
  }),
  get: getRecords({
    path: '/activities/{id}',
    key: 'activities',
    answer: ActivitiesResponseSchema,
    noun: 'activity',
  }),
  // Logs a past activity or schedules a coming one.
  create: createRecord({
    path: '/activities',
    key: 'activities',
    input: ActivityCreateInputSchema,
    answer: ACTIVITY_ANSWER,
    body: activityBody,
    noun: 'activity (times: a Date or unix seconds)',
  }),
  update: operation({
    method: 'PUT',
    path: '/activities/{id}',
    input: ActivityUpdateInputSchema,
    inputName: 'changes',
    // Activities take field values, not JSON Patch.
    encode: (changes: ActivityUpdateInput) => ({ activities: [activityBody(changes)] }),
    answer: ACTIVITY_ANSWER,
    returns: { kind: 'record', key: 'activities' },
    effect: 'update',
    description: 'Changes fields of an activity (the fields as values, not JSON Patch).',
  }),
}
