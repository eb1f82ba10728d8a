import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'

/** A named lookup record the CRM links to (an industry, an account type, ...): `{ id, name }`. */
export interface Lookup extends Declared<z.infer<typeof lookupObject>> {}
const lookupObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
})
export const LookupSchema: z.ZodMiniType<Lookup> = lookupObject
