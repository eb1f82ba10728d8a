import { optionalFields } from '@x/core'
import * as z from 'zod/mini'
import { IdSchema, optionalText, optionalTime, pagingShape, requiredText } from './common'

const contactFields = {
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  company: optionalText,
  title: optionalText,
  notes: optionalText,
}

/** A contact (fields inferred; see INFERRED-API.md). Soft-deleted contacts carry `deleted_at`. */
export const ContactSchema = z.looseObject({
  id: IdSchema,
  ...contactFields,
  created_at: optionalTime,
  updated_at: optionalTime,
  deleted_at: optionalTime,
})
export type Contact = z.infer<typeof ContactSchema>

/** The fields of a new contact (inferred); unknown fields are sent as given. */
export const ContactCreateSchema = z.looseObject({ ...contactFields, name: requiredText })
export type ContactCreateParams = z.input<typeof ContactCreateSchema>

/** A partial contact for `PATCH /v1/contacts/:id`. */
export const ContactUpdateSchema = z.looseObject(optionalFields(ContactCreateSchema.shape))
export type ContactUpdateParams = z.input<typeof ContactUpdateSchema>

/** Filters and paging of `GET /v1/contacts` (filter names inferred; unknown filters are sent as given). */
export const ContactListParamsSchema = z.looseObject({
  ...pagingShape,
  /** Free-text search over name, email and company. */
  q: z.optional(z.string()),
  company: z.optional(z.string()),
  email: z.optional(z.string()),
})
export type ContactListParams = z.input<typeof ContactListParamsSchema>
