import type * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput } from '../query/list-params'
import { NoteCreateInputSchema, NoteSchema, NotesResponseSchema } from '../schemas/note'
import { deleteRecord, getRecords, recordAnswer, undeleteRecord } from './common'
import { encodeSearch } from './list-query'
import { operation } from './operation'

/** Parameters of `notes.list()`. */
export interface NoteListParams extends PagingInput {
  filter?: Filter
}

/** The parameters `notes.list()` accepts (exported for tools and agents that describe them). */
export const NoteListParamsSchema = listParamsSchema({
  filter: true,
}) as unknown as z.ZodMiniType<NoteListParams>

const NOTE_ANSWER = recordAnswer(NotesResponseSchema, NoteSchema)

/** `/notes`: notes attached to leads, contacts and accounts. */
export const NOTE_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/notes',
    input: NoteListParamsSchema,
    encode: encodeSearch(),
    answer: NotesResponseSchema,
    returns: { kind: 'list', key: 'notes', paging: 'page' },
    effect: 'read',
    description: 'Lists notes: a page at a time (`await`) or every note (`for await`).',
  }),
  get: getRecords({ path: '/notes/{id}', key: 'notes', answer: NotesResponseSchema, noun: 'note' }),
  create: operation({
    method: 'POST',
    path: '/notes',
    input: NoteCreateInputSchema,
    encode: (note: unknown) => ({ data: note }),
    answer: NOTE_ANSWER,
    returns: { kind: 'record', key: 'notes' },
    effect: 'create',
    description:
      'Adds a note to a lead, contact or account (`links.parent` is its id); never resent after a server error.',
  }),
  delete: deleteRecord({ path: '/notes/{id}', key: 'notes', answer: NOTE_ANSWER, noun: 'note' }),
  undelete: undeleteRecord({ path: '/notes/{id}/undelete', key: 'notes', answer: NOTE_ANSWER, noun: 'note' }),
}
