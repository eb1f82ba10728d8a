import type * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput } from '../query/list-params'
import { NoteCreateInputSchema, NoteSchema, NotesResponseSchema } from '../schemas/note'
import { getRecords, pagedList, recordAnswer, restorable } from './common'
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
  list: pagedList({
    path: '/notes',
    key: 'notes',
    input: NoteListParamsSchema,
    encode: encodeSearch(),
    answer: NotesResponseSchema,
    noun: 'note',
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
  ...restorable({ key: 'notes', answer: NOTE_ANSWER, noun: 'note' }),
}
