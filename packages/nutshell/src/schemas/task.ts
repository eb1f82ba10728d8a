import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** How a task repeats. */
export const RecurrenceRuleSchema = z.looseObject({
  id: z.nullish(z.string()),
  rule: z.nullish(z.string()),
  mode: z.nullish(openEnum(['dueDate', 'completion'] as const)),
  htmlUrl: z.nullish(z.string()),
  htmlUrlPath: z.nullish(z.string()),
})
export type RecurrenceRule = z.infer<typeof RecurrenceRuleSchema>

/** A to-do assigned to a user, optionally about a record. */
export const TaskSchema = z.looseObject({
  ...recordBase,
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
export type Task = z.infer<typeof TaskSchema>

/** Body of every task endpoint. */
export const TasksResponseSchema = collectionResponse('tasks', TaskSchema)
export type TasksResponse = z.infer<typeof TasksResponseSchema>

/** A new task; the service takes it as a flat body, not wrapped under `tasks`. */
export const TaskCreateInputSchema = z.looseObject({
  title: z.string(),
  description: z.optional(z.string()),
  dueTime: z.optional(z.string()),
  recurrenceRule: z.optional(z.looseObject({ rule: z.string(), mode: z.optional(z.string()) })),
  links: z.optional(
    z.looseObject({
      relatedEntity: z.optional(NutshellIdSchema),
      assignee: z.optional(NutshellIdSchema),
    }),
  ),
})
export type TaskCreateInput = z.infer<typeof TaskCreateInputSchema>
