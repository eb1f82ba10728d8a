import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, ResponseMetaSchema } from './common'

/** A type an activity can have (a call, a meeting, ...); the document leaves `name` untyped. */
export interface ActivityType extends Declared<z.infer<typeof activityTypeObject>> {}
const activityTypeObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.unknown()),
  modifiedTime: z.nullish(z.number()),
  isBenchmarkable: z.nullish(z.boolean()),
})
export const ActivityTypeSchema: z.ZodMiniType<ActivityType> = activityTypeObject

/** `GET /activitytypes`: the activity types under `activityTypes`. */
export const ActivityTypesResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  activityTypes: z.nullish(z.array(ActivityTypeSchema)),
})
export type ActivityTypesResponse = z.infer<typeof ActivityTypesResponseSchema>
