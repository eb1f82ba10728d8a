import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'
import {
  type RpcEntity,
  type RpcStub,
  RpcStubListSchema,
  RpcStubSchema,
  type RpcTimeInput,
  RpcTimeInputSchema,
  rpcEntityBase,
} from './common'
import type { RpcEntityRef } from './lead'

/** Activity status codes: 0 scheduled, 1 logged, 2 cancelled, -1 overdue. */
export const RPC_ACTIVITY_STATUS = { scheduled: 0, logged: 1, cancelled: 2, overdue: -1 } as const

/** An activity (call, meeting, ...) as JSON-RPC returns it; times are ISO 8601 strings. */
export interface RpcActivity extends RpcEntity {
  name?: string | null
  description?: string | null
  activityType?: RpcStub | null
  /** ISO 8601. */
  startTime?: string | null
  /** ISO 8601. */
  endTime?: string | null
  isAllDay?: boolean | null
  isFlagged?: boolean | null
  /** 0 scheduled, 1 logged, 2 cancelled, -1 overdue. */
  status?: number | null
  location?: string | null
  participants?: RpcStub[] | null
  leads?: RpcStub[] | null
  creator?: RpcStub | null
}
export const RpcActivitySchema = typedSchema<RpcActivity>()(
  z.looseObject({
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
  }),
)

/** The fields `newActivity` takes; Nutshell requires a name and a time span. */
export interface RpcActivityInput {
  name: string
  description?: string
  activityTypeId?: number
  /** A `Date` (sent as ISO 8601) or an ISO 8601 string. */
  startTime?: RpcTimeInput
  /** A `Date` (sent as ISO 8601) or an ISO 8601 string. */
  endTime?: RpcTimeInput
  isAllDay?: boolean
  isFlagged?: boolean
  /** 0 scheduled, 1 logged, 2 cancelled. */
  status?: number
  location?: string
  participants?: RpcEntityRef[]
  leads?: { id: number }[]
}
const activityInputFields = {
  name: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  activityTypeId: z.optional(z.number()),
  startTime: z.optional(RpcTimeInputSchema),
  endTime: z.optional(RpcTimeInputSchema),
  isAllDay: z.optional(z.boolean()),
  isFlagged: z.optional(z.boolean()),
  status: z.optional(z.number()),
  location: z.optional(z.string()),
  participants: z.optional(z.array(z.looseObject({ entityType: z.string(), id: z.number() }))),
  leads: z.optional(z.array(z.looseObject({ id: z.number() }))),
}
export const RpcActivityInputSchema = typedSchema<RpcActivityInput>()(z.looseObject(activityInputFields))

/** The fields `editActivity` takes (every field optional). */
export type RpcActivityChanges = Partial<RpcActivityInput>
export const RpcActivityChangesSchema = typedSchema<RpcActivityChanges>()(
  z.looseObject({
    ...activityInputFields,
    name: z.optional(z.string()),
  }),
)

/** `findActivities` query keys: `status` 0 scheduled, 1 logged, 2 cancelled, -1 overdue. */
export interface RpcActivityQuery {
  leadId?: number | number[]
  contactId?: number | number[]
  accountId?: number | number[]
  status?: number | number[]
}
export const RpcActivityQuerySchema = typedSchema<RpcActivityQuery>()(
  z.looseObject({
    leadId: z.optional(z.union([z.number(), z.array(z.number())])),
    contactId: z.optional(z.union([z.number(), z.array(z.number())])),
    accountId: z.optional(z.union([z.number(), z.array(z.number())])),
    status: z.optional(z.union([z.number(), z.array(z.number())])),
  }),
)

/** A task as JSON-RPC returns it. */
export interface RpcTask extends RpcEntity {
  title?: string | null
  text?: string | null
  /** ISO 8601. */
  dueTime?: string | null
  isCompleted?: boolean | null
  assignee?: RpcStub | null
  entity?: RpcStub | null
  creator?: RpcStub | null
}
export const RpcTaskSchema = typedSchema<RpcTask>()(
  z.looseObject({
    ...rpcEntityBase,
    title: z.nullish(z.string()),
    text: z.nullish(z.string()),
    dueTime: z.nullish(z.string()),
    isCompleted: z.nullish(z.boolean()),
    assignee: z.nullish(RpcStubSchema),
    entity: z.nullish(RpcStubSchema),
    creator: z.nullish(RpcStubSchema),
  }),
)

/** The fields `newTask`/`editTask` take. */
export interface RpcTaskInput {
  title?: string
  text?: string
  /** A `Date` (sent as ISO 8601) or an ISO 8601 string. */
  dueTime?: RpcTimeInput
  assignee?: RpcEntityRef
  /** The record the task is about. */
  entity?: RpcEntityRef
}
export const RpcTaskInputSchema = typedSchema<RpcTaskInput>()(
  z.looseObject({
    title: z.optional(z.string()),
    text: z.optional(z.string()),
    dueTime: z.optional(RpcTimeInputSchema),
    assignee: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
    entity: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
  }),
)

/** A note as JSON-RPC returns it; the record it belongs to appears as a stub under `lead`, `account` or `contact`. */
export interface RpcNote extends RpcEntity {
  note?: string | null
  noteMarkup?: string | null
  noteHtml?: string | null
  /** ISO 8601. */
  date?: string | null
  user?: RpcStub | null
  creator?: RpcStub | null
  /** The record the note belongs to (some answers name it `lead`, `account` or `contact` instead). */
  parent?: RpcStub | null
  lead?: RpcStub | null
  account?: RpcStub | null
  contact?: RpcStub | null
}
export const RpcNoteSchema = typedSchema<RpcNote>()(
  z.looseObject({
    ...rpcEntityBase,
    note: z.nullish(z.string()),
    noteMarkup: z.nullish(z.string()),
    noteHtml: z.nullish(z.string()),
    date: z.nullish(z.string()),
    user: z.nullish(RpcStubSchema),
    creator: z.nullish(RpcStubSchema),
    parent: z.nullish(RpcStubSchema),
    lead: z.nullish(RpcStubSchema),
    account: z.nullish(RpcStubSchema),
    contact: z.nullish(RpcStubSchema),
  }),
)

/** The record a new note is attached to. */
export interface RpcNoteParent {
  entityType: 'Leads' | 'Contacts' | 'Accounts'
  id: number
}
export const RpcNoteParentSchema = typedSchema<RpcNoteParent>()(
  z.looseObject({
    entityType: z.enum(['Leads', 'Contacts', 'Accounts']),
    id: z.number(),
  }),
)
