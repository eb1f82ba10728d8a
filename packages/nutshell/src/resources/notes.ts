import type { PagePromise, RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type PagingInput, type ResolvedListParams } from '../query/list-params'
import {
  type Note,
  type NoteCreateInput,
  NoteCreateInputSchema,
  NoteSchema,
  NotesResponseSchema,
} from '../schemas/note'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, recordAnswer } from './rest'

/** Parameters of `notes.list()`. */
export interface NoteListParams extends PagingInput {
  filter?: Filter
}

/** The parameters `notes.list()` accepts (exported for tools and agents that describe them). */
export const NoteListParamsSchema = listParamsSchema({ filter: true })

const NOTES: CollectionSpec = {
  name: 'notes',
  schema: NotesResponseSchema,
  answer: recordAnswer(NotesResponseSchema, NoteSchema),
  listParams: NoteListParamsSchema,
}

/** Notes attached to leads, contacts and accounts. */
export class NotesResource {
  private readonly records: Collection<Note>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, NOTES)
  }

  /** Lists notes, a page at a time (`await`) or every note (`for await`). */
  list(params?: NoteListParams, options?: RequestOptions): PagePromise<Note, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one note, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Note>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Note[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Note | Note[]> {
    return this.records.get(ids, options)
  }

  /** Adds a note to a record (sent as `{"data":{"body":...,"links":{"parent":...}}}`); never resent after a server error. */
  create(input: NoteCreateInput, options?: RequestOptions): RecordPromise<Note> {
    return this.records.create(NoteCreateInputSchema, input, options, (note) => ({ data: note }))
  }

  /** Deletes a note (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Note | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted note. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Note> {
    return this.records.undelete(id, options)
  }
}
