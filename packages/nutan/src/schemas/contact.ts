import { optionalFields, type Schema } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  optionalText,
  optionalTime,
  pagingShape,
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

/**
 * A Nutan contact (fields inferred; see INFERRED-API.md). Soft-deleted contacts carry `deleted_at`.
 * Named `NutanContact` so it never clashes with `@x/nutshell`'s `Contact`. Fields the server adds pass
 * through untouched: read them with `extraFields(contact, NutanContactSchema)`.
 */
export interface NutanContact {
  id: string
  name?: string | null | undefined
  email?: string | null | undefined
  phone?: string | null | undefined
  company?: string | null | undefined
  title?: string | null | undefined
  notes?: string | null | undefined
  created_at?: string | null | undefined
  updated_at?: string | null | undefined
  deleted_at?: string | null | undefined
}

const contactFields = {
  name: optionalText,
  email: optionalText,
  phone: optionalText,
  company: optionalText,
  title: optionalText,
  notes: optionalText,
}

/** Checks a Nutan contact; unknown fields pass through. */
export const NutanContactSchema: Schema<NutanContact> = recordSchema({
  id: IdSchema,
  ...contactFields,
  created_at: optionalTime,
  updated_at: optionalTime,
  deleted_at: optionalTime,
})

const contactCreateShape = { ...contactFields, name: requiredText }
const contactCreate = writeSchema(contactCreateShape)
/** The fields of a new contact (inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type NutanContactCreateInput = z.input<typeof contactCreate>
export const NutanContactCreateInputSchema: z.ZodMiniType<NutanContactCreateInput, NutanContactCreateInput> =
  contactCreate

const contactUpdateShape = optionalFields(contactCreateShape)
const contactUpdate = writeSchema(contactUpdateShape)
/** The changes of `contacts.update(id, changes)`: at least one field; `id` and other read-only fields are refused. */
export type NutanContactUpdateInput = z.input<typeof contactUpdate>
export const NutanContactUpdateInputSchema: z.ZodMiniType<NutanContactUpdateInput, NutanContactUpdateInput> =
  contactUpdate

const contactList = z.strictObject({
  ...pagingShape,
  /** Free-text search over name, email and company. */
  q: z.optional(z.string()),
  company: z.optional(z.string()),
  email: z.optional(z.string()),
})
/** Filters and paging of `GET /v1/contacts` (filter names inferred); other keys are refused. */
export type NutanContactListParams = z.input<typeof contactList>
export const NutanContactListParamsSchema: z.ZodMiniType<NutanContactListParams, NutanContactListParams> =
  contactList
