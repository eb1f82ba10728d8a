import * as z from 'zod/mini'
import { RpcStubListSchema, RpcStubSchema, rpcEntityBase } from './common'

/** Activity status codes: 0 scheduled, 1 logged, 2 cancelled, -1 overdue. */
export const RPC_ACTIVITY_STATUS = { scheduled: 0, logged: 1, cancelled: 2, overdue: -1 } as const

/** An activity (call, meeting, ...) as JSON-RPC returns it. */
export const RpcActivitySchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  activityType: z.nullish(RpcStubSchema),
  startTime: z.nullish(z.string()),
  endTime: z.nullish(z.string()),
  isAllDay: z.nullish(z.boolean()),
  isFlagged: z.nullish(z.boolean()),
  status: z.nullish(z.number()),
  location: z.nullish(z.string()),
  participants: RpcStubListSchema,
  leads: RpcStubListSchema,
  creator: z.nullish(RpcStubSchema),
})
export type RpcActivity = z.infer<typeof RpcActivitySchema>

/** The fields `newActivity` takes; Nutshell requires a name and a time span. */
export const RpcActivityInputSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  activityTypeId: z.optional(z.number()),
  startTime: z.optional(z.string()),
  endTime: z.optional(z.string()),
  isAllDay: z.optional(z.boolean()),
  isFlagged: z.optional(z.boolean()),
  status: z.optional(z.number()),
  location: z.optional(z.string()),
  participants: z.optional(z.array(z.looseObject({ entityType: z.string(), id: z.number() }))),
  leads: z.optional(z.array(z.looseObject({ id: z.number() }))),
})
export type RpcActivityInput = z.infer<typeof RpcActivityInputSchema>

/** The fields `editActivity` takes (every field optional). */
export const RpcActivityChangesSchema = z.looseObject({
  ...RpcActivityInputSchema.shape,
  name: z.optional(z.string()),
})
export type RpcActivityChanges = z.infer<typeof RpcActivityChangesSchema>

/** `findActivities` query keys: `status` 0 scheduled, 1 logged, 2 cancelled, -1 overdue. */
export const RpcActivityQuerySchema = z.looseObject({
  leadId: z.optional(z.union([z.number(), z.array(z.number())])),
  contactId: z.optional(z.union([z.number(), z.array(z.number())])),
  accountId: z.optional(z.union([z.number(), z.array(z.number())])),
  status: z.optional(z.union([z.number(), z.array(z.number())])),
})
export type RpcActivityQuery = z.infer<typeof RpcActivityQuerySchema>

/** A task as JSON-RPC returns it. */
export const RpcTaskSchema = z.looseObject({
  ...rpcEntityBase,
  title: z.nullish(z.string()),
  text: z.nullish(z.string()),
  dueTime: z.nullish(z.string()),
  isCompleted: z.nullish(z.boolean()),
  assignee: z.nullish(RpcStubSchema),
  entity: z.nullish(RpcStubSchema),
  creator: z.nullish(RpcStubSchema),
})
export type RpcTask = z.infer<typeof RpcTaskSchema>

/** The fields `newTask`/`editTask` take. */
export const RpcTaskInputSchema = z.looseObject({
  title: z.optional(z.string()),
  text: z.optional(z.string()),
  dueTime: z.optional(z.string()),
  assignee: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
  entity: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
})
export type RpcTaskInput = z.infer<typeof RpcTaskInputSchema>

/** A note as JSON-RPC returns it; the record it belongs to appears as a stub under `lead`, `account` or `contact`. */
export const RpcNoteSchema = z.looseObject({
  ...rpcEntityBase,
  note: z.nullish(z.string()),
  noteMarkup: z.nullish(z.string()),
  noteHtml: z.nullish(z.string()),
  date: z.nullish(z.string()),
  user: z.nullish(RpcStubSchema),
  creator: z.nullish(RpcStubSchema),
  /** The record the note belongs to (some answers name it `lead`, `account` or `contact` instead). */
  parent: z.nullish(RpcStubSchema),
  lead: z.nullish(RpcStubSchema),
  account: z.nullish(RpcStubSchema),
  contact: z.nullish(RpcStubSchema),
})
export type RpcNote = z.infer<typeof RpcNoteSchema>

/** The record a new note is attached to. */
export const RpcNoteParentSchema = z.looseObject({
  entityType: z.enum(['Leads', 'Contacts', 'Accounts']),
  id: z.number(),
})
export type RpcNoteParent = z.infer<typeof RpcNoteParentSchema>
