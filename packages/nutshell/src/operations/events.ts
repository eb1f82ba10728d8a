import * as z from 'zod/mini'
import { EventsResponseSchema } from '../schemas/event'
import { operation } from './operation'

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
