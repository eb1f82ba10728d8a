import type { PagePromise, RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput, type ResolvedListParams } from '../query/list-params'
import {
  type Task,
  type TaskCreateInput,
  TaskCreateInputSchema,
  TaskSchema,
  TasksResponseSchema,
} from '../schemas/task'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, recordAnswer } from './rest'
import type { UpdateInput, UpdateOptions } from './update'

/** Filter keys `GET /tasks` documents. */
export type TaskFilterKey = 'assignee' | 'relatedEntity' | 'dateMin' | 'dateMax'

/** Parameters of `tasks.list()`. */
export interface TaskListParams extends PagingInput {
  filter?: Filter<TaskFilterKey>
  q?: string
}

/** The parameters `tasks.list()` accepts (exported for tools and agents that describe them). */
export const TaskListParamsSchema = listParamsSchema({ filter: true, q: true })

const TASKS: CollectionSpec = {
  name: 'tasks',
  schema: TasksResponseSchema,
  answer: recordAnswer(TasksResponseSchema, TaskSchema),
  listParams: TaskListParamsSchema,
  // `GET /tasks` names every filter without `[]` (`filter[assignee]`, `filter[dateMin]`, ...).
  scalarFilters: ['assignee', 'relatedEntity', 'dateMin', 'dateMax'] satisfies TaskFilterKey[],
}

/** Tasks: to-dos assigned to users. */
export class TasksResource {
  private readonly records: Collection<Task>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, TASKS)
  }

  /** Lists tasks, a page at a time (`await`) or every task (`for await`). */
  list(params?: TaskListParams, options?: RequestOptions): PagePromise<Task, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one task, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Task>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Task[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Task | Task[]> {
    return this.records.get(ids, options)
  }

  /** Creates a task (the service takes it as a flat body); never resent after a server error. */
  create(input: TaskCreateInput, options?: RequestOptions): RecordPromise<Task> {
    return this.records.create(TaskCreateInputSchema, input, options, (task) => task)
  }

  /**
   * Updates a task with JSON Patch operations or a plain partial task (paths `/tasks/0/...`, sent as
   * `application/json` as the service declares for tasks). 204; `returnRecord` GETs the task.
   */
  update(
    id: string | number,
    changes: UpdateInput<Task>,
    options: UpdateOptions & { returnRecord: true },
  ): Promise<Task>
  update(id: string | number, changes: UpdateInput<Task>, options?: UpdateOptions): Promise<Task | undefined>
  update(
    id: string | number,
    changes: UpdateInput<Task>,
    options?: UpdateOptions,
  ): Promise<Task | undefined> {
    return this.records.update(id, changes, options, 'application/json')
  }

  /** Deletes a task. */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Task | undefined> {
    return this.records.delete(id, options)
  }
}
