import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import {
  LinkIdSchema,
  type NutshellId,
  NutshellIdSchema,
  type RecordBase,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  toUnixSeconds,
  typedSchema,
} from './common'
import { collectionResponse } from './response'

/** How a task repeats. */
export interface RecurrenceRule {
  id?: string | null
  /** An iCalendar RRULE (`"FREQ=WEEKLY"`). */
  rule?: string | null
  mode?: 'dueDate' | 'completion' | (string & {}) | null
  htmlUrl?: string | null
  htmlUrlPath?: string | null
}
const recurrenceRuleObject = z.looseObject({
  id: z.nullish(z.string()),
  rule: z.nullish(z.string()),
  mode: z.nullish(openEnum(['dueDate', 'completion'] as const)),
  htmlUrl: z.nullish(z.string()),
  htmlUrlPath: z.nullish(z.string()),
})
export const RecurrenceRuleSchema = typedSchema<RecurrenceRule>()(recurrenceRuleObject)

/** The ids a task links to. */
export interface TaskLinks {
  assignee?: NutshellId | null
  creator?: NutshellId | null
  /** The lead, contact or account the task is about. */
  relatedEntity?: NutshellId | null
}

/** A to-do assigned to a user, optionally about a record. Undeclared fields: `fieldsOf(task)`. */
export interface Task extends RecordBase {
  links?: TaskLinks
  title?: string | null
  description?: string | null
  dueTime?: TimeValue | null
  completedTime?: TimeValue | null
  createdTime?: TimeValue | null
  modifiedTime?: TimeValue | null
  deletedTime?: TimeValue | null
  isCompleted?: boolean | null
  isOverdue?: boolean | null
  recurrenceRule?: RecurrenceRule | null
}
const taskObject = z.looseObject({
  ...recordBase,
  links: z.optional(
    z.looseObject({ assignee: LinkIdSchema, creator: LinkIdSchema, relatedEntity: LinkIdSchema }),
  ),
  title: z.nullish(z.string()),
  description: z.nullish(z.string()),
  dueTime: z.nullish(TimeValueSchema),
  completedTime: z.nullish(TimeValueSchema),
  createdTime: z.nullish(TimeValueSchema),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
  isCompleted: z.nullish(z.boolean()),
  isOverdue: z.nullish(z.boolean()),
  recurrenceRule: z.nullish(RecurrenceRuleSchema),
})
export const TaskSchema = typedSchema<Task>()(taskObject)

/** Body of every task endpoint. */
export const TasksResponseSchema = collectionResponse('tasks', TaskSchema)
export type TasksResponse = z.infer<typeof TasksResponseSchema>

/** A new task; the service takes it as a flat body, not wrapped under `tasks`. */
export interface TaskCreateInput {
  title: string
  description?: string
  /**
   * When the task is due: a `Date`, sent as unix seconds in a string (the document: "Formatted as a Unix
   * timestamp", typed string), or that string itself.
   */
  dueTime?: Date | string
  recurrenceRule?: { rule: string; mode?: string }
  links?: {
    /** The lead, contact or account the task is about. */
    relatedEntity?: NutshellId
    assignee?: NutshellId
  }
}
const taskCreateObject = z.looseObject({
  title: z.string(),
  description: z.optional(z.string()),
  dueTime: z.optional(z.union([z.string(), z.date()])),
  recurrenceRule: z.optional(z.looseObject({ rule: z.string(), mode: z.optional(z.string()) })),
  links: z.optional(
    z.looseObject({
      relatedEntity: z.optional(NutshellIdSchema),
      assignee: z.optional(NutshellIdSchema),
    }),
  ),
})
export const TaskCreateInputSchema = typedSchema<TaskCreateInput>()(taskCreateObject)

/** A new task as sent: a `Date` `dueTime` becomes unix seconds, as a string. */
export function taskCreateBody(input: TaskCreateInput): unknown {
  return input.dueTime instanceof Date ? { ...input, dueTime: String(toUnixSeconds(input.dueTime)) } : input
}
