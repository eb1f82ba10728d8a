import * as z from 'zod/mini'
import { MoneySchema, NutshellIdSchema } from './common'
import { partyFields, partyInputFields } from './contact'
import { collectionResponse } from './response'

/** An account (a company). */
export const AccountSchema = z.looseObject({
  ...partyFields,
  revenue: z.nullish(MoneySchema),
  employeeCount: z.nullish(z.number()),
})
export type Account = z.infer<typeof AccountSchema>

/** Body of every account endpoint (`GET /accounts/{id}` adds creators, owners, origins, contacts, ...). */
export const AccountsResponseSchema = collectionResponse('accounts', AccountSchema)
export type AccountsResponse = z.infer<typeof AccountsResponseSchema>

/** A new account. */
export const AccountCreateInputSchema = z.looseObject({
  ...partyInputFields,
  links: z.optional(
    z.looseObject({
      contacts: z.optional(z.array(NutshellIdSchema)),
      owner: z.optional(NutshellIdSchema),
      territory: z.optional(NutshellIdSchema),
      tags: z.optional(z.array(NutshellIdSchema)),
      accountType: z.optional(NutshellIdSchema),
      industry: z.optional(NutshellIdSchema),
    }),
  ),
})
export type AccountCreateInput = z.infer<typeof AccountCreateInputSchema>
