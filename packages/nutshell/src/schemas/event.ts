import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import {
  type Declared,
  NutshellIdSchema,
  RelatedRecordSchema,
  ResponseLinksSchema,
  ResponseMetaSchema,
} from './common'

/** Actions the service is known to report; any other action is kept as its string. */
export const EVENT_ACTIONS = ['create', 'update', 'delete', 'undelete', 'merge'] as const

/** One changed attribute of an event. */
export interface EventChange extends Declared<z.infer<typeof eventChangeObject>> {}
const eventChangeObject = z.looseObject({
  attribute: z.nullish(z.string()),
  oldValue: z.optional(z.unknown()),
  newValue: z.optional(z.unknown()),
})
export const EventChangeSchema: z.ZodMiniType<EventChange> = eventChangeObject

/** A change event (a webhook delivery or an entry of `GET /events`). */
export interface NutshellEvent extends Declared<z.infer<typeof eventObject>> {}
const eventObject = z.looseObject({
  id: z.union([NutshellIdSchema, z.number()]),
  type: z.optional(z.string()),
  createdTime: z.nullish(z.union([z.number(), z.string()])),
  actorType: z.nullish(z.string()),
  payloadType: z.nullish(z.string()),
  /** Not required by the document (`ChangeLogEntry`); an event without one is treated as a change. */
  action: z.optional(openEnum(EVENT_ACTIONS)),
  changes: z.nullish(z.array(EventChangeSchema)),
  count: z.nullish(z.union([z.string(), z.number()])),
  links: z.nullish(
    z.looseObject({
      actor: z.nullish(z.union([NutshellIdSchema, z.number()])),
      payloads: z.nullish(z.array(z.union([NutshellIdSchema, z.number()]))),
      comments: z.nullish(z.array(z.union([NutshellIdSchema, z.number()]))),
    }),
  ),
})
export const EventSchema: z.ZodMiniType<NutshellEvent> = eventObject

/** A webhook body, also the body of `GET /events`: events plus the actors and payload records they name. */
export const EventsResponseSchema = z.looseObject({
  meta: z.optional(ResponseMetaSchema),
  links: z.optional(ResponseLinksSchema),
  events: z.array(EventSchema),
  actors: z.optional(z.array(RelatedRecordSchema)),
  payloads: z.optional(z.array(RelatedRecordSchema)),
})
export type EventsResponse = z.infer<typeof EventsResponseSchema>
