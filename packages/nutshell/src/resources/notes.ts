import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput, type ResolvedListParams } from '../query/list-params'
import {
  type Note,
  type NoteCreateInput,
  NoteCreateInputSchema,
  NoteSchema,
  type NotesResponse,
  NotesResponseSchema,
} from '../schemas/note'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { getRecords, type Ids, listRecords, oneId, recordAnswer, writeRecord } from './rest'

/** Parameters of `notes.list()`. */
export interface NoteListParams extends PagingInput {
  filter?: Filter
}

const ListParams = listParamsSchema({ filter: true })
const NoteAnswer = recordAnswer(NotesResponseSchema, NoteSchema)

/** Notes attached to leads, contacts and accounts. */
export class NotesResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists notes, a page at a time (`await`) or every note (`for await`). */
  list(params?: NoteListParams, options?: RequestOptions): PagePromise<Note, ResolvedListParams> {
    return listRecords<Note, NotesResponse>({
      ctx: this.ctx,
      name: 'notes.list',
      path: '/notes',
      key: 'notes',
      schema: NotesResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
    })
  }

  /** Fetches one note, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Note>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Note[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Note | Note[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'notes.get',
      path: '/notes',
      key: 'notes',
      schema: NotesResponseSchema,
      ids,
      options,
    })
  }

  /** Adds a note to a record (sent as `{"data":{"body":...,"links":{"parent":...}}}`); never resent after a server error. */
  create(input: NoteCreateInput, options?: RequestOptions): RecordPromise<Note> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/notes',
      key: 'notes',
      body: { data: parseInput(NoteCreateInputSchema, input, 'notes.create') },
      schema: NoteAnswer,
      options,
    }))
  }

  /** Deletes a note (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Note | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/notes/${oneId(id, 'notes.delete')}`,
      key: 'notes',
      schema: NoteAnswer,
      options,
    }))
  }

  /** Restores a deleted note. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Note> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/notes/${oneId(id, 'notes.undelete')}/undelete`,
      key: 'notes',
      schema: NoteAnswer,
      idempotent: true,
      options,
    }))
  }
}
