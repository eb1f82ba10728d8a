import { PagingParamsSchema } from '../schemas/common'
import { MeetingCreateInputSchema, MeetingListParamsSchema, MeetingSchema } from '../schemas/meeting'
import { ParticipantCreateInputSchema, ParticipantSchema } from '../schemas/participant'
import { createRecord, deleteRecord, listRecords } from './common'
import { operation } from './operation'

/** `/v1/meetings`: list, create and delete meeting records; list and add participants. */
export const MEETING_OPERATIONS = {
  list: listRecords({
    path: '/meetings',
    input: MeetingListParamsSchema,
    item: MeetingSchema,
    description: 'Lists meetings (`deal_id` filter): a page (`await`) or every meeting (`for await`).',
  }),
  create: createRecord({
    path: '/meetings',
    input: MeetingCreateInputSchema,
    record: MeetingSchema,
    noun: 'meeting record',
  }),
  delete: deleteRecord({ path: '/meetings/{id}', description: 'Deletes a meeting record.' }),
  participants: listRecords({
    path: '/meetings/{id}/participants',
    input: PagingParamsSchema,
    item: ParticipantSchema,
    description: "Lists a meeting's participants.",
  }),
  addParticipant: operation({
    method: 'POST',
    path: '/meetings/{id}/participants',
    input: ParticipantCreateInputSchema,
    inputName: 'participant',
    answer: ParticipantSchema,
    returns: { kind: 'record' },
    effect: 'create',
    description: 'Adds a participant to a meeting.',
  }),
}
