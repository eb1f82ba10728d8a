import { optionalFields } from '@x/core'
import * as z from 'zod/mini'
import { NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** An activity: a logged or scheduled call, meeting, email, ... */
export const ActivitySchema = z.looseObject({
  ...recordBase,
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
export type Activity = z.infer<typeof ActivitySchema>

/** Body of every activity endpoint. */
export const ActivitiesResponseSchema = collectionResponse('activities', ActivitySchema)
export type ActivitiesResponse = z.infer<typeof ActivitiesResponseSchema>

/** A new activity; times are unix seconds. */
export const ActivityCreateInputSchema = z.looseObject({
  name: z.string(),
  description: z.optional(z.string()),
  note: z.optional(z.string()),
  location: z.optional(z.string()),
  activityType: z.optional(NutshellIdSchema),
  startTime: z.optional(z.number()),
  endTime: z.optional(z.number()),
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
export type ActivityCreateInput = z.infer<typeof ActivityCreateInputSchema>

/** Changes to an activity (`PUT /activities/{id}` takes the same fields as a create). */
export const ActivityUpdateInputSchema = z.looseObject(optionalFields(ActivityCreateInputSchema.shape))
export type ActivityUpdateInput = z.infer<typeof ActivityUpdateInputSchema>
