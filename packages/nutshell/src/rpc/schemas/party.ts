import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'
import {
  type RpcCustomFields,
  RpcCustomFieldsSchema,
  type RpcEntity,
  type RpcMultiValue,
  RpcMultiValueSchema,
  type RpcPersonName,
  RpcPersonNameSchema,
  type RpcStub,
  RpcStubListSchema,
  RpcStubSchema,
  rpcEntityBase,
} from './common'
import type { RpcEntityRef, RpcIdRef } from './lead'

/** Fields contacts and accounts share. */
export interface RpcParty extends RpcEntity {
  description?: string | null
  email?: RpcMultiValue | null
  phone?: RpcMultiValue | null
  url?: RpcMultiValue | null
  address?: RpcMultiValue | null
  owner?: RpcStub | null
  creator?: RpcStub | null
  territory?: RpcStub | null
  leads?: RpcStub[] | null
  notes?: unknown[] | null
  tags?: unknown[] | null
  /** ISO 8601. */
  lastContactedDate?: string | null
  customFields?: RpcCustomFields | null
}

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

/** A contact (person) as JSON-RPC returns it; `rev` is always there. Undeclared fields: `fieldsOf(contact)`. */
export interface RpcContact extends RpcParty {
  name?: string | RpcPersonName | null
  jobTitle?: string | null
  accounts?: RpcStub[] | null
  contactedCount?: number | null
}
export const RpcContactSchema = typedSchema<RpcContact>()(
  z.looseObject({
    ...partyFields,
    name: z.nullish(z.union([z.string(), RpcPersonNameSchema])),
    jobTitle: z.nullish(z.string()),
    accounts: RpcStubListSchema,
    contactedCount: z.nullish(z.number()),
  }),
)

/** An account (company) as JSON-RPC returns it; `rev` is always there. Undeclared fields: `fieldsOf(account)`. */
export interface RpcAccount extends RpcParty {
  name?: string | null
  contacts?: RpcStub[] | null
  accountType?: RpcStub | null
  industry?: RpcStub | null
}
export const RpcAccountSchema = typedSchema<RpcAccount>()(
  z.looseObject({
    ...partyFields,
    name: z.nullish(z.string()),
    contacts: RpcStubListSchema,
    accountType: z.nullish(RpcStubSchema),
    industry: z.nullish(RpcStubSchema),
  }),
)

/** Fields a new or edited person or company can carry (a multi-value field: one value, a list, or a labelled map). */
export interface RpcPartyInput {
  description?: string
  email?: string | RpcMultiValue
  phone?: string | RpcMultiValue
  url?: string | RpcMultiValue
  address?: RpcMultiValue
  owner?: RpcEntityRef
  tags?: string[]
  customFields?: RpcCustomFields
}

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

const idRefs = z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) })))

/** The fields `newContact` takes; a contact needs a name. */
export interface RpcContactInput extends RpcPartyInput {
  name: string | RpcPersonName
  jobTitle?: string
  accounts?: RpcIdRef[]
}
export const RpcContactInputSchema = typedSchema<RpcContactInput>()(
  z.looseObject({
    ...partyInput,
    name: z.union([z.string().check(z.minLength(1)), RpcPersonNameSchema]),
    jobTitle: z.optional(z.string()),
    accounts: idRefs,
  }),
)

/** The fields `editContact` takes (every field optional). */
export type RpcContactChanges = Partial<RpcContactInput>
export const RpcContactChangesSchema = typedSchema<RpcContactChanges>()(
  z.looseObject({
    ...partyInput,
    name: z.optional(z.union([z.string(), RpcPersonNameSchema])),
    jobTitle: z.optional(z.string()),
    accounts: idRefs,
  }),
)

/** The fields `newAccount` takes; an account needs a name. */
export interface RpcAccountInput extends RpcPartyInput {
  name: string
  contacts?: RpcIdRef[]
  accountTypeId?: number
  industryId?: number
}
export const RpcAccountInputSchema = typedSchema<RpcAccountInput>()(
  z.looseObject({
    ...partyInput,
    name: z.string().check(z.minLength(1)),
    contacts: idRefs,
    accountTypeId: z.optional(z.number()),
    industryId: z.optional(z.number()),
  }),
)

/** The fields `editAccount` takes (every field optional). */
export type RpcAccountChanges = Partial<RpcAccountInput>
export const RpcAccountChangesSchema = typedSchema<RpcAccountChanges>()(
  z.looseObject({
    ...partyInput,
    name: z.optional(z.string()),
    contacts: idRefs,
    accountTypeId: z.optional(z.number()),
    industryId: z.optional(z.number()),
  }),
)

/** `findContacts`/`findAccounts` query keys (others pass through). */
export interface RpcPartyQuery {
  accountId?: number | number[]
  contactId?: number | number[]
  leadId?: number | number[]
  owner?: unknown
}
export const RpcPartyQuerySchema = typedSchema<RpcPartyQuery>()(
  z.looseObject({
    accountId: z.optional(z.union([z.number(), z.array(z.number())])),
    contactId: z.optional(z.union([z.number(), z.array(z.number())])),
    leadId: z.optional(z.union([z.number(), z.array(z.number())])),
    owner: z.optional(z.unknown()),
  }),
)
