import * as z from 'zod/mini'
import { recordBase, TimeValueSchema } from './common'

/** Where a contact or account came from (a web form, an import, ...), side-loaded as `origins`. */
export const OriginSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  originType: z.nullish(z.string()),
  modifiedTime: z.nullish(TimeValueSchema),
  lastseenTime: z.nullish(TimeValueSchema),
})
export type Origin = z.infer<typeof OriginSchema>

/** A company type, side-loaded as `accountTypes`. */
export const AccountTypeSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(TimeValueSchema),
})
export type AccountType = z.infer<typeof AccountTypeSchema>

/** An industry, side-loaded as `industries`. */
export const IndustrySchema = AccountTypeSchema
export type Industry = z.infer<typeof IndustrySchema>

/** A sales territory. */
export const TerritorySchema = AccountTypeSchema
export type Territory = z.infer<typeof TerritorySchema>
