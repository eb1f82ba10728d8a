import type * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput } from '../query/list-params'
import { TaskCreateInputSchema, TaskSchema, TasksResponseSchema, taskCreateBody } from '../schemas/task'
import { deleteRecord, getRecords, pagedList, patchRecord, recordAnswer } from './common'
import { encodeSearch, searchRepeatKeys } from './list-query'
import { operation } from './operation'

/** Filter keys `GET /tasks` documents. */
export type TaskFilterKey = 'assignee' | 'relatedEntity' | 'dateMin' | 'dateMax'

/** Parameters of `tasks.list()`. */
export interface TaskListParams extends PagingInput {
  filter?: Filter<TaskFilterKey>
  q?: string
}

/** The parameters `tasks.list()` accepts (exported for tools and agents that describe them). */
export const TaskListParamsSchema = listParamsSchema({
  filter: true,
  q: true,
}) as unknown as z.ZodMiniType<TaskListParams>

// `GET /tasks` names every filter without `[]` (`filter[assignee]`, `filter[dateMin]`, ...).
const SCALAR_FILTERS: readonly TaskFilterKey[] = ['assignee', 'relatedEntity', 'dateMin', 'dateMax']

const TASK_ANSWER = recordAnswer(TasksResponseSchema, TaskSchema)

/** `/tasks`: to-dos assigned to users. */
export const TASK_OPERATIONS = {
  list: pagedList({
    path: '/tasks',
    key: 'tasks',
    input: TaskListParamsSchema,
    encode: encodeSearch(SCALAR_FILTERS),
    repeatQueryKeys: searchRepeatKeys(SCALAR_FILTERS),
    answer: TasksResponseSchema,
    noun: 'task',
    narrowed: 'filtered or searched',
  }),
  get: getRecords({ path: '/tasks/{id}', key: 'tasks', answer: TasksResponseSchema, noun: 'task' }),
  create: operation({
    method: 'POST',
    path: '/tasks',
    // The service takes a task as a flat body.
    input: TaskCreateInputSchema,
    encode: taskCreateBody,
    answer: TASK_ANSWER,
    returns: { kind: 'record', key: 'tasks' },
    effect: 'create',
    description: 'Creates a task; never resent after a server error.',
  }),
  // Declared with `application/json` (paths `/tasks/0/...`), unlike the other collections' patches.
  update: patchRecord({
    path: '/tasks/{id}',
    type: 'tasks',
    record: TaskSchema,
    noun: 'task',
    contentType: 'application/json',
  }),
  delete: deleteRecord({
    path: '/tasks/{id}',
    key: 'tasks',
    answer: TASK_ANSWER,
    noun: 'task',
    restorable: false,
  }),
}
