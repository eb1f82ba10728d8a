import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'

// Shared by leads, contacts and accounts: the document gives the three the same `CustomField`,
// `FullCustomField` and `CustomFieldCreateInput` components.

const customFieldShape = {
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  name: z.nullish(z.string()),
  title: z.nullish(z.string()),
}

/** A custom field that can be applied to a kind of record (`GET /<type>/customfields/attributes`). */
export const CustomFieldSchema = z.looseObject(customFieldShape)
export type CustomField = z.infer<typeof CustomFieldSchema>

/** A custom field as applied to one record, with its value (`GET /<type>/{id}/customfields`). */
export const FullCustomFieldSchema = z.looseObject({
  ...customFieldShape,
  // The document types it a string but says a custom field's value can be of many types.
  value: z.nullish(z.unknown()),
})
export type FullCustomField = z.infer<typeof FullCustomFieldSchema>

/** `{ customFields: [...] }`: the answer of `GET /accounts/customfields/attributes`. */
export const CustomFieldsResponseSchema = z.looseObject({
  customFields: z.array(CustomFieldSchema),
})
export type CustomFieldsResponse = z.infer<typeof CustomFieldsResponseSchema>

/** `{ customFields: [...] }` with values: the answer of `GET /accounts/{id}/customfields`. */
export const FullCustomFieldsResponseSchema = z.looseObject({
  customFields: z.array(FullCustomFieldSchema),
})
export type FullCustomFieldsResponse = z.infer<typeof FullCustomFieldsResponseSchema>

/** Body of `POST /<type>/customfield` (the document gives `name`, `type`, `choices` and `isMultiple` no type). */
export const CustomFieldCreateInputSchema = z.strictObject({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  title: z.optional(z.string()),
  /** Email, location, phone and URL apply to leads only. */
  type: z.optional(z.string()),
  /** Enums only: the values a field can take. */
  choices: z.optional(z.array(z.string())),
  /** Enums only: whether a field holds several values. */
  isMultiple: z.optional(z.boolean()),
})
export type CustomFieldCreateInput = z.infer<typeof CustomFieldCreateInputSchema>
