import { optionalFields } from '@x/core'
import * as z from 'zod/mini'
import {
  LinkIdSchema,
  LinkIdsSchema,
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

/** The ids an activity links to. */
export interface ActivityLinks {
  activityType?: NutshellId | null
  creator?: NutshellId | null
  participants?: NutshellId[] | null
  leads?: NutshellId[] | null
}

/**
 * An activity: a logged or scheduled call, meeting, email, ... Times are unix seconds on most answers
 * (TimeValue covers the ISO strings some answers carry). Undeclared fields: `fieldsOf(activity)`.
 */
export interface Activity extends RecordBase {
  links?: ActivityLinks
  name?: string | null
  description?: string | null
  agenda?: string | null
  note?: unknown
  location?: string | null
  transcription?: string | null
  startTime?: TimeValue | null
  endTime?: TimeValue | null
  createdTime?: TimeValue | null
  modifiedTime?: TimeValue | null
  loggedTime?: TimeValue | null
  deletedTime?: TimeValue | null
  isAllDay?: boolean | null
  isEditable?: boolean | null
  isCancelled?: boolean | null
  isFlagged?: boolean | null
  isLogged?: boolean | null
  isOverdue?: boolean | null
  isMediaLogged?: boolean | null
}

const activityObject = z.looseObject({
  ...recordBase,
  links: z.optional(
    z.looseObject({
      activityType: LinkIdSchema,
      creator: LinkIdSchema,
      participants: LinkIdsSchema,
      leads: LinkIdsSchema,
    }),
  ),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  agenda: z.nullish(z.string()),
  note: z.nullish(z.unknown()),
  location: z.nullish(z.string()),
  transcription: z.nullish(z.string()),
  startTime: z.nullish(TimeValueSchema),
  endTime: z.nullish(TimeValueSchema),
  createdTime: z.nullish(TimeValueSchema),
  modifiedTime: z.nullish(TimeValueSchema),
  loggedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
  isAllDay: z.nullish(z.boolean()),
  isEditable: z.nullish(z.boolean()),
  isCancelled: z.nullish(z.boolean()),
  isFlagged: z.nullish(z.boolean()),
  isLogged: z.nullish(z.boolean()),
  isOverdue: z.nullish(z.boolean()),
  isMediaLogged: z.nullish(z.boolean()),
})
export const ActivitySchema = typedSchema<Activity>()(activityObject)

/** Body of every activity endpoint. */
export const ActivitiesResponseSchema = collectionResponse('activities', ActivitySchema)
export type ActivitiesResponse = z.infer<typeof ActivitiesResponseSchema>

/**
 * A new activity. `startTime`/`endTime` take a `Date` or unix seconds (the service's unit, which its
 * document leaves unsaid); a `Date` is sent as whole unix seconds.
 */
export interface ActivityCreateInput {
  name: string
  description?: string
  note?: string
  location?: string
  /** An activity type id (`GET /activitytypes`), such as `"1-activityTypes"`. */
  activityType?: NutshellId
  /** When it starts: a `Date`, or unix seconds. */
  startTime?: Date | number
  /** When it ends: a `Date`, or unix seconds. */
  endTime?: Date | number
  transcription?: string
  isFlagged?: boolean
  isLogged?: boolean
  isAllDay?: boolean
  links?: { participants?: NutshellId[]; leads?: NutshellId[] }
}

/** Changes to an activity (`PUT /activities/{id}` takes the same fields as a create, each optional). */
export type ActivityUpdateInput = Partial<ActivityCreateInput>

const unixTime = z.union([z.number(), z.date()])

const activityCreateObject = z.looseObject({
  name: z.string(),
  description: z.optional(z.string()),
  note: z.optional(z.string()),
  location: z.optional(z.string()),
  activityType: z.optional(NutshellIdSchema),
  startTime: z.optional(unixTime),
  endTime: z.optional(unixTime),
  transcription: z.optional(z.string()),
  isFlagged: z.optional(z.boolean()),
  isLogged: z.optional(z.boolean()),
  isAllDay: z.optional(z.boolean()),
  links: z.optional(
    z.looseObject({
      participants: z.optional(z.array(NutshellIdSchema)),
      leads: z.optional(z.array(NutshellIdSchema)),
    }),
  ),
})
export const ActivityCreateInputSchema = typedSchema<ActivityCreateInput>()(activityCreateObject)

/** Changes to an activity (`PUT /activities/{id}` takes the same fields as a create). */
export const ActivityUpdateInputSchema = typedSchema<ActivityUpdateInput>()(
  z.looseObject(optionalFields(activityCreateObject.shape)),
)

/** An activity's fields as sent: `Date` times become unix seconds. */
export function activityBody<T extends ActivityUpdateInput>(input: T): unknown {
  const { startTime, endTime } = input
  if (!(startTime instanceof Date) && !(endTime instanceof Date)) return input
  return {
    ...input,
    ...(startTime === undefined ? {} : { startTime: toUnixSeconds(startTime) }),
    ...(endTime === undefined ? {} : { endTime: toUnixSeconds(endTime) }),
  }
}
