import * as z from 'zod/mini'
import { NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** A note attached to a lead, contact or account. */
export const NoteSchema = z.looseObject({
  ...recordBase,
  body: z.nullish(z.string()),
  bodyHtml: z.nullish(z.string()),
  bodyMarkup: z.nullish(z.string()),
  parentType: z.nullish(z.string()),
  isEditable: z.nullish(z.boolean()),
  createdTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export type Note = z.infer<typeof NoteSchema>

/** Body of every note endpoint. */
export const NotesResponseSchema = collectionResponse('notes', NoteSchema)
export type NotesResponse = z.infer<typeof NotesResponseSchema>

/** A new note: its text and the record it belongs to (sent as `{"data":{...}}`). */
export const NoteCreateInputSchema = z.looseObject({
  body: z.string().check(z.minLength(1)),
  links: z.looseObject({ parent: NutshellIdSchema }),
})
export type NoteCreateInput = z.infer<typeof NoteCreateInputSchema>
