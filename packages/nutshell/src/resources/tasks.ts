import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput, type ResolvedListParams } from '../query/list-params'
import {
  type Task,
  type TaskCreateInput,
  TaskCreateInputSchema,
  TaskSchema,
  type TasksResponse,
  TasksResponseSchema,
} from '../schemas/task'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { getRecords, type Ids, listRecords, oneId, recordAnswer, writeRecord } from './rest'
import { patchRecord, type UpdateInput, type UpdateOptions } from './update'

/** Filter keys `GET /tasks` documents. */
export type TaskFilterKey = 'assignee' | 'relatedEntity' | 'dateMin' | 'dateMax'

/** Parameters of `tasks.list()`. */
export interface TaskListParams extends PagingInput {
  filter?: Filter<TaskFilterKey>
  q?: string
}

const ListParams = listParamsSchema({ filter: true, q: true })
const TaskAnswer = recordAnswer(TasksResponseSchema, TaskSchema)

/** Tasks: to-dos assigned to users. */
export class TasksResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists tasks, a page at a time (`await`) or every task (`for await`). */
  list(params?: TaskListParams, options?: RequestOptions): PagePromise<Task, ResolvedListParams> {
    return listRecords<Task, TasksResponse>({
      ctx: this.ctx,
      name: 'tasks.list',
      path: '/tasks',
      key: 'tasks',
      schema: TasksResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
    })
  }

  /** Fetches one task, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Task>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Task[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Task | Task[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'tasks.get',
      path: '/tasks',
      key: 'tasks',
      schema: TasksResponseSchema,
      ids,
      options,
    })
  }

  /** Creates a task (the service takes it as a flat body); never resent after a server error. */
  create(input: TaskCreateInput, options?: RequestOptions): RecordPromise<Task> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/tasks',
      key: 'tasks',
      body: parseInput(TaskCreateInputSchema, input, 'tasks.create'),
      schema: TaskAnswer,
      options,
    }))
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
    return patchRecord({
      ctx: this.ctx,
      type: 'tasks',
      id,
      input: changes,
      options,
      contentType: 'application/json',
      refetch: (o) => this.get(id, o),
    })
  }

  /** Deletes a task. */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Task | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/tasks/${oneId(id, 'tasks.delete')}`,
      key: 'tasks',
      schema: TaskAnswer,
      options,
    }))
  }
}
