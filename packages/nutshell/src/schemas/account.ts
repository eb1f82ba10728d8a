import * as z from 'zod/mini'
import {
  LinkIdSchema,
  LinkIdsSchema,
  type Money,
  MoneySchema,
  type NutshellId,
  NutshellIdSchema,
  typedSchema,
} from './common'
import { type Party, type PartyCreateInput, type PartyLinks, partyFields, partyInputFields } from './contact'
import { collectionResponse } from './response'

/** The ids an account links to. */
export interface AccountLinks extends PartyLinks {
  contacts?: NutshellId[] | null
  leads?: NutshellId[] | null
  accountType?: NutshellId | null
  industry?: NutshellId | null
}

/** An account (a company). Fields the SDK does not declare pass through: read them with `fieldsOf(account)`. */
export interface Account extends Party {
  links?: AccountLinks
  revenue?: Money | null
  employeeCount?: number | null
}
export const AccountSchema = typedSchema<Account>()(
  z.looseObject({
    ...partyFields,
    links: z.optional(
      z.looseObject({
        owner: LinkIdSchema,
        creator: LinkIdSchema,
        territory: LinkIdSchema,
        origin: LinkIdSchema,
        mergedWith: LinkIdSchema,
        tags: LinkIdsSchema,
        contacts: LinkIdsSchema,
        leads: LinkIdsSchema,
        accountType: LinkIdSchema,
        industry: LinkIdSchema,
      }),
    ),
    revenue: z.nullish(MoneySchema),
    employeeCount: z.nullish(z.number()),
  }),
)

/** Body of every account endpoint (`GET /accounts/{id}` adds creators, owners, origins, contacts, ...). */
export const AccountsResponseSchema = collectionResponse('accounts', AccountSchema)
export type AccountsResponse = z.infer<typeof AccountsResponseSchema>

/** The fields of which a new account needs at least one (POST /accounts, in the document's words). */
export const ACCOUNT_IDENTITY_FIELDS = ['name', 'phones', 'emails', 'addresses', 'urls'] as const

function hasValue(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && /\S/.test(value)
}

/**
 * A new account. "At least one of the following fields is required: name, phone, email, address, or url"
 * (the document): a non-blank `name`, or a non-empty `phones`, `emails`, `addresses` or `urls`.
 */
export interface AccountCreateInput extends PartyCreateInput {
  links?: {
    contacts?: NutshellId[]
    owner?: NutshellId
    territory?: NutshellId
    tags?: NutshellId[]
    accountType?: NutshellId
    industry?: NutshellId
  }
}
const accountCreateObject = z
  .looseObject({
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
  .check(
    z.check((ctx) => {
      const value = ctx.value as Record<string, unknown>
      if (ACCOUNT_IDENTITY_FIELDS.some((field) => hasValue(value[field]))) return
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['name'],
        message:
          'is required, or one of phones, emails, addresses, urls: an account needs one of name, phone, email, address or url',
      })
    }),
  )
export const AccountCreateInputSchema = typedSchema<AccountCreateInput>()(accountCreateObject)
