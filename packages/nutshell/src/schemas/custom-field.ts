import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'

// Shared by leads, contacts and accounts: the document gives the three the same `CustomField`,
// `FullCustomField` and `CustomFieldCreateInput` components.

const customFieldShape = {
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  name: z.nullish(z.string()),
  title: z.nullish(z.string()),
}

/** A custom field that can be applied to a kind of record (`GET /<type>/customfields/attributes`). */
export interface CustomField extends Declared<z.infer<typeof customFieldObject>> {}
const customFieldObject = z.looseObject(customFieldShape)
export const CustomFieldSchema: z.ZodMiniType<CustomField> = customFieldObject

/** A custom field as applied to one record, with its value (`GET /<type>/{id}/customfields`). */
export interface FullCustomField extends Declared<z.infer<typeof fullCustomFieldObject>> {}
const fullCustomFieldObject = z.looseObject({
  ...customFieldShape,
  // The document types it a string but says a custom field's value can be of many types.
  value: z.nullish(z.unknown()),
})
export const FullCustomFieldSchema: z.ZodMiniType<FullCustomField> = fullCustomFieldObject

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
export interface CustomFieldCreateInput extends Declared<z.infer<typeof customFieldCreateInputObject>> {}
const customFieldCreateInputObject = z.strictObject({
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
export const CustomFieldCreateInputSchema: z.ZodMiniType<CustomFieldCreateInput> =
  customFieldCreateInputObject
