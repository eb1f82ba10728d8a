import * as z from 'zod/mini'
import { type Declared, recordBase, TimeValueSchema } from './common'

/** Where a contact or account came from (a web form, an import, ...), side-loaded as `origins`. */
export interface Origin extends Declared<z.infer<typeof originObject>> {}
const originObject = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  originType: z.nullish(z.string()),
  modifiedTime: z.nullish(TimeValueSchema),
  lastseenTime: z.nullish(TimeValueSchema),
})
export const OriginSchema: z.ZodMiniType<Origin> = originObject

/** A company type, side-loaded as `accountTypes`. */
export interface AccountType extends Declared<z.infer<typeof accountTypeObject>> {}
const accountTypeObject = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(TimeValueSchema),
})
export const AccountTypeSchema: z.ZodMiniType<AccountType> = accountTypeObject

/** An industry, side-loaded as `industries`. */
export const IndustrySchema: z.ZodMiniType<Industry> = AccountTypeSchema
export interface Industry extends AccountType {}

/** A sales territory. */
export const TerritorySchema: z.ZodMiniType<Territory> = AccountTypeSchema
export interface Territory extends AccountType {}
