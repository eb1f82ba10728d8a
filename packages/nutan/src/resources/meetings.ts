import { type ApiPromise, type PagePromise, parseBody, type RequestOptions } from '@x/core'
import { type PagingParams, PagingParamsSchema } from '../schemas/common'
import {
  type Meeting,
  type MeetingCreateParams,
  MeetingCreateSchema,
  type MeetingListParams,
  MeetingListParamsSchema,
  MeetingSchema,
} from '../schemas/meeting'
import {
  type Participant,
  type ParticipantCreateParams,
  ParticipantCreateSchema,
  ParticipantSchema,
} from '../schemas/participant'
import { offsetList } from './offset-list'
import { APIResource, recordPath } from './resource'

/** `/v1/meetings`: list, create and delete meeting records; list and add participants. */
export class Meetings extends APIResource {
  /** Lists meetings (`deal_id` filter). */
  list(params?: MeetingListParams, options?: RequestOptions): PagePromise<Meeting, MeetingListParams> {
    return offsetList({
      transport: this.transport,
      path: '/meetings',
      item: MeetingSchema,
      params: MeetingListParamsSchema,
      input: params,
      options,
      context: 'meetings.list',
    })
  }

  /** Creates a meeting record. */
  create(params: MeetingCreateParams, options?: RequestOptions): ApiPromise<Meeting> {
    return this.call(() => {
      const body = parseBody(MeetingCreateSchema, params, 'meetings.create')
      return this.transport.request({
        method: 'POST',
        path: '/meetings',
        body,
        schema: MeetingSchema,
        options,
      })
    })
  }

  /** Deletes a meeting record. */
  delete(id: string, options?: RequestOptions): ApiPromise<void> {
    return this.call(() => {
      const path = recordPath('meetings', id, 'meetings.delete')
      return this.transport.request<void>({ method: 'DELETE', path, options })
    })
  }

  /** Lists a meeting's participants (`GET /v1/meetings/:id/participants`). */
  participants(
    id: string,
    params?: PagingParams,
    options?: RequestOptions,
  ): PagePromise<Participant, PagingParams> {
    return offsetList({
      transport: this.transport,
      path: () => recordPath('meetings', id, 'meetings.participants', 'participants'),
      item: ParticipantSchema,
      params: PagingParamsSchema,
      input: params,
      options,
      context: 'meetings.participants',
    })
  }

  /** Adds a participant to a meeting (`POST /v1/meetings/:id/participants`). */
  addParticipant(
    id: string,
    participant: ParticipantCreateParams,
    options?: RequestOptions,
  ): ApiPromise<Participant> {
    return this.call(() => {
      const path = recordPath('meetings', id, 'meetings.addParticipant', 'participants')
      const body = parseBody(ParticipantCreateSchema, participant, 'meetings.addParticipant', 'participant')
      return this.transport.request({
        method: 'POST',
        path,
        body,
        schema: ParticipantSchema,
        options,
      })
    })
  }
}
