import * as z from 'zod/mini'
import {
  LinkIdSchema,
  type NutshellId,
  NutshellIdSchema,
  type RecordBase,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  typedSchema,
} from './common'
import { collectionResponse } from './response'

/** The ids a note links to. */
export interface NoteLinks {
  /** The lead, contact or account the note is on. */
  parent?: NutshellId | null
  creator?: NutshellId | null
}

/** A note attached to a lead, contact or account. Undeclared fields: `fieldsOf(note)`. */
export interface Note extends RecordBase {
  links?: NoteLinks
  body?: string | null
  bodyHtml?: string | null
  bodyMarkup?: string | null
  /** `"leads"`, `"contacts"` or `"accounts"`. */
  parentType?: string | null
  isEditable?: boolean | null
  createdTime?: TimeValue | null
  deletedTime?: TimeValue | null
}
const noteObject = z.looseObject({
  ...recordBase,
  links: z.optional(z.looseObject({ parent: LinkIdSchema, creator: LinkIdSchema })),
  body: z.nullish(z.string()),
  bodyHtml: z.nullish(z.string()),
  bodyMarkup: z.nullish(z.string()),
  parentType: z.nullish(z.string()),
  isEditable: z.nullish(z.boolean()),
  createdTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export const NoteSchema = typedSchema<Note>()(noteObject)

/** Body of every note endpoint. */
export const NotesResponseSchema = collectionResponse('notes', NoteSchema)
export type NotesResponse = z.infer<typeof NotesResponseSchema>

/** A new note: its text and the record it belongs to (sent as `{"data":{...}}`). */
export interface NoteCreateInput {
  body: string
  links: {
    /** The lead, contact or account the note goes on. */
    parent: NutshellId
  }
}
const noteCreateInputObject = z.looseObject({
  body: z.string().check(z.minLength(1)),
  links: z.looseObject({ parent: NutshellIdSchema }),
})
export const NoteCreateInputSchema = typedSchema<NoteCreateInput>()(noteCreateInputObject)
