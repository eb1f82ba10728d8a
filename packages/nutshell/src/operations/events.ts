import * as z from 'zod/mini'
import { EventsResponseSchema } from '../schemas/event'
import { toBatch } from '../webhooks/parse'
import { operation } from './operation'

const time = z.union([z.int().check(z.gte(0)), z.date()])

/** Parameters of `events.list()`. */
export const EventListParamsSchema = z.strictObject({
  /** Events after this id (poll with the previous batch's `latestId`). */
  sinceId: z.optional(z.string()),
  /** Events up to this id. */
  maxId: z.optional(z.string()),
  /** Events after this time (a Date or unix seconds). */
  sinceTime: z.optional(time),
  /** Events up to this time. */
  maxTime: z.optional(time),
  /** Only events about this record. */
  entityId: z.optional(z.string()),
  limit: z.optional(z.int().check(z.gte(1))),
  /** Only these event kinds. */
  events: z.optional(z.array(z.string())),
  /** Only events about these record types (`leads`, `contacts`, ...). */
  payloadTypes: z.optional(z.array(z.string())),
  /** Only events by these users. */
  creators: z.optional(z.array(z.string())),
})
export type EventListParams = z.input<typeof EventListParamsSchema>

function seconds(value: number | Date | undefined): number | undefined {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value
}

/** The query of `GET /events`, in the document's names. */
function eventsQuery(p: z.output<typeof EventListParamsSchema>) {
  return {
    since_id: p.sinceId,
    max_id: p.maxId,
    since_time: seconds(p.sinceTime),
    max_time: seconds(p.maxTime),
    entity_id: p.entityId,
    limit: p.limit,
    events: p.events,
    filters: p.payloadTypes || p.creators ? { payload: p.payloadTypes, creator: p.creators } : undefined,
  }
}

/** Kinds of record `GET /events/deleted` can be narrowed to. */
const DELETED_EVENT_TYPES = [
  'accounts',
  'activities',
  'assignments',
  'chats',
  'companyEnrichment',
  'constantContact',
  'contacts',
  'emails',
  'emailInteraction',
  'formSubmissions',
  'inbox_threads',
  'leadUpdates',
  'leads',
  'marketingEmails',
  'mcfxSessions',
  'notes',
  'queued',
  'ticketMessages',
  'undelivered',
  'unshared',
] as const

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const EVENT_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/events',
    input: EventListParamsSchema,
    encode: eventsQuery,
    // `events` is a form-style array (`events=comments&events=assignments`), the `filters[...][]` keys bracketed.
    repeatQueryKeys: ['events'],
    answer: EventsResponseSchema,
    returns: { kind: 'answer', map: toBatch },
    effect: 'read',
    description:
      'Reads the change feed, parsed like a webhook delivery (typed events, ids to re-fetch, `latestId` to poll from).',
  }),
  deleted: operation({
    method: 'GET',
    path: '/events/deleted',
    input: z.strictObject({
      filter: z.optional(
        z.strictObject({
          types: z.optional(z.union([z.enum(DELETED_EVENT_TYPES), z.array(z.enum(DELETED_EVENT_TYPES))])),
        }),
      ),
      sort: z.optional(z.enum(['-change_time'])),
    }),
    answer: EventsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description:
      'Reads the feed of deletions, optionally for some kinds of record only, newest first on request.',
    repeatQueryKeys: ['filter[types]'],
  }),
}
