import * as z from 'zod/mini'
import { NutshellIdSchema, ResponseMetaSchema } from './common'

/** A type an activity can have (a call, a meeting, ...); the document leaves `name` untyped. */
export const ActivityTypeSchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.unknown()),
  modifiedTime: z.nullish(z.number()),
  isBenchmarkable: z.nullish(z.boolean()),
})
export type ActivityType = z.infer<typeof ActivityTypeSchema>

/** `GET /activitytypes`: the activity types under `activityTypes`. */
export const ActivityTypesResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  activityTypes: z.nullish(z.array(ActivityTypeSchema)),
})
export type ActivityTypesResponse = z.infer<typeof ActivityTypesResponseSchema>
