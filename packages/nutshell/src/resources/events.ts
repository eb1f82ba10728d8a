import { ApiPromise, parseInput, type RequestOptions, type Transport } from '@x/core'
import * as z from 'zod/mini'
import { EventsResponseSchema } from '../schemas/event'
import { toBatch, type WebhookBatch } from '../webhooks/parse'

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

/** The change feed (`GET /events`): the same events webhooks deliver, read by polling. */
export class EventsResource {
  private readonly ctx: { transport: Transport }

  constructor(ctx: { transport: Transport }) {
    this.ctx = ctx
  }

  /** Reads events, parsed like a webhook delivery (typed events, ids to re-fetch, `latestId` to poll from). */
  list(params: EventListParams = {}, options?: RequestOptions): ApiPromise<WebhookBatch> {
    const run = async () => {
      const p = parseInput(EventListParamsSchema, params, 'events.list')
      const { data, response } = await this.ctx.transport
        .request({
          method: 'GET',
          path: '/events',
          query: {
            since_id: p.sinceId,
            max_id: p.maxId,
            since_time: seconds(p.sinceTime),
            max_time: seconds(p.maxTime),
            entity_id: p.entityId,
            limit: p.limit,
            events: p.events,
            filters:
              p.payloadTypes || p.creators ? { payload: p.payloadTypes, creator: p.creators } : undefined,
          },
          // `events` is a form-style array (`events=comments&events=assignments`), the `filters[...][]` keys bracketed.
          repeatQueryKeys: ['events'],
          schema: EventsResponseSchema,
          options,
        })
        .withResponse()
      return { data: toBatch(data), response }
    }
    return new ApiPromise(run())
  }
}
