import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, ResponseMetaSchema } from './common'

/** A Nutshell form; `links.fields` names the fields it uses. */
export interface Form extends Declared<z.infer<typeof formObject>> {}
const formObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  href: z.nullish(z.string()),
  createdTime: z.nullish(z.string()),
  links: z.nullish(z.looseObject({ fields: z.nullish(z.array(z.string())) })),
})
export const FormSchema: z.ZodMiniType<Form> = formObject

/** A field a form asks for. */
export interface FormField extends Declared<z.infer<typeof formFieldObject>> {}
const formFieldObject = z.looseObject({
  id: NutshellIdSchema,
  label: z.nullish(z.string()),
  fieldName: z.nullish(z.string()),
  fieldType: z.nullish(z.string()),
  entityName: z.nullish(z.string()),
})
export const FormFieldSchema: z.ZodMiniType<FormField> = formFieldObject

/** `GET /forms`: the forms under `wfForms`. */
export const FormsResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  links: z.nullish(z.looseObject({})),
  wfForms: z.nullish(z.array(FormSchema)),
})
export type FormsResponse = z.infer<typeof FormsResponseSchema>

/** `GET /forms/{id}`: the form under `wfForms`, its fields under `wfFields`. */
export const FormWithFieldsResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  links: z.nullish(z.looseObject({})),
  wfForms: z.nullish(z.array(FormSchema)),
  wfFields: z.nullish(z.array(FormFieldSchema)),
})
export type FormWithFieldsResponse = z.infer<typeof FormWithFieldsResponseSchema>

/** `GET /forms/{fieldId}`: the field under `wfFields`. */
export const FormFieldResponseSchema = z.looseObject({
  wfFields: z.nullish(z.array(FormFieldSchema)),
})
export type FormFieldResponse = z.infer<typeof FormFieldResponseSchema>
