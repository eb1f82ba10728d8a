import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'

/** A named lookup record the CRM links to (an industry, an account type, ...): `{ id, name }`. */
export const LookupSchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
})
export type Lookup = z.infer<typeof LookupSchema>
