import * as z from 'zod/mini'
import {
  RpcCustomFieldsSchema,
  RpcMultiValueSchema,
  RpcPersonNameSchema,
  RpcStubListSchema,
  RpcStubSchema,
  rpcEntityBase,
} from './common'

/** Fields contacts and accounts share. */
const partyFields = {
  ...rpcEntityBase,
  description: z.nullish(z.string()),
  email: z.nullish(RpcMultiValueSchema),
  phone: z.nullish(RpcMultiValueSchema),
  url: z.nullish(RpcMultiValueSchema),
  address: z.nullish(RpcMultiValueSchema),
  owner: z.nullish(RpcStubSchema),
  creator: z.nullish(RpcStubSchema),
  territory: z.nullish(RpcStubSchema),
  leads: RpcStubListSchema,
  notes: z.nullish(z.array(z.unknown())),
  tags: z.nullish(z.array(z.unknown())),
  lastContactedDate: z.nullish(z.string()),
  customFields: z.nullish(RpcCustomFieldsSchema),
}

/** A contact (person) as JSON-RPC returns it. */
export const RpcContactSchema = z.looseObject({
  ...partyFields,
  name: z.nullish(z.union([z.string(), RpcPersonNameSchema])),
  jobTitle: z.nullish(z.string()),
  accounts: RpcStubListSchema,
  contactedCount: z.nullish(z.number()),
})
export type RpcContact = z.infer<typeof RpcContactSchema>

/** An account (company) as JSON-RPC returns it. */
export const RpcAccountSchema = z.looseObject({
  ...partyFields,
  name: z.nullish(z.string()),
  contacts: RpcStubListSchema,
  accountType: z.nullish(RpcStubSchema),
  industry: z.nullish(RpcStubSchema),
})
export type RpcAccount = z.infer<typeof RpcAccountSchema>

/** Multi-value fields a new or edited person or company can carry (a single value, a list, or a labelled map). */
const partyInput = {
  description: z.optional(z.string()),
  email: z.optional(z.union([z.string(), RpcMultiValueSchema])),
  phone: z.optional(z.union([z.string(), RpcMultiValueSchema])),
  url: z.optional(z.union([z.string(), RpcMultiValueSchema])),
  address: z.optional(RpcMultiValueSchema),
  owner: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
  tags: z.optional(z.array(z.string())),
  customFields: z.optional(RpcCustomFieldsSchema),
}

/** The fields `newContact` takes; a contact needs a name. */
export const RpcContactInputSchema = z.looseObject({
  ...partyInput,
  name: z.union([z.string().check(z.minLength(1)), RpcPersonNameSchema]),
  jobTitle: z.optional(z.string()),
  accounts: z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) }))),
})
export type RpcContactInput = z.infer<typeof RpcContactInputSchema>

/** The fields `editContact` takes (every field optional). */
export const RpcContactChangesSchema = z.looseObject({
  ...partyInput,
  name: z.optional(z.union([z.string(), RpcPersonNameSchema])),
  jobTitle: z.optional(z.string()),
  accounts: z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) }))),
})
export type RpcContactChanges = z.infer<typeof RpcContactChangesSchema>

/** The fields `newAccount` takes; an account needs a name. */
export const RpcAccountInputSchema = z.looseObject({
  ...partyInput,
  name: z.string().check(z.minLength(1)),
  contacts: z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) }))),
  accountTypeId: z.optional(z.number()),
  industryId: z.optional(z.number()),
})
export type RpcAccountInput = z.infer<typeof RpcAccountInputSchema>

/** The fields `editAccount` takes (every field optional). */
export const RpcAccountChangesSchema = z.looseObject({
  ...partyInput,
  name: z.optional(z.string()),
  contacts: z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) }))),
  accountTypeId: z.optional(z.number()),
  industryId: z.optional(z.number()),
})
export type RpcAccountChanges = z.infer<typeof RpcAccountChangesSchema>

/** `findContacts`/`findAccounts` query keys (others pass through). */
export const RpcPartyQuerySchema = z.looseObject({
  accountId: z.optional(z.union([z.number(), z.array(z.number())])),
  contactId: z.optional(z.union([z.number(), z.array(z.number())])),
  leadId: z.optional(z.union([z.number(), z.array(z.number())])),
  owner: z.optional(z.unknown()),
})
export type RpcPartyQuery = z.infer<typeof RpcPartyQuerySchema>
