import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'

/** A record's `rev`: a string on the live service (some stubs carry a number); edits and deletes must send the current one. */
export const RpcRevSchema: z.ZodMiniType<RpcRev> = z.union([z.string(), z.number()])
export type RpcRev = string | number

/** A person's name as JSON-RPC contacts carry it. */
export interface RpcPersonName {
  givenName?: string | null
  familyName?: string | null
  salutation?: string | null
  displayName?: string | null
}
export const RpcPersonNameSchema = typedSchema<RpcPersonName>()(
  z.looseObject({
    givenName: z.nullish(z.string()),
    familyName: z.nullish(z.string()),
    salutation: z.nullish(z.string()),
    displayName: z.nullish(z.string()),
  }),
)

/**
 * Fields every JSON-RPC entity and stub carries: an integer id, its `entityType` and its `rev` (always sent:
 * "every entity has a rev string"; `edit*`/`delete*` need it). Times are ISO 8601 strings.
 */
export interface RpcEntity {
  id: number
  /** `"Leads"`, `"Contacts"`, `"Accounts"`, `"Users"`, `"Activities"`, ... */
  entityType: string
  rev: RpcRev
  /** True on a stub (a reference with only a few fields). */
  stub?: boolean
  /** ISO 8601. */
  modifiedTime?: string | null
  /** ISO 8601. */
  createdTime?: string | null
  htmlUrl?: string | null
}

/** Fields every JSON-RPC entity and stub carries: an integer id, its `entityType` and its `rev`. */
export const rpcEntityBase = {
  id: z.number(),
  entityType: z.string(),
  rev: RpcRevSchema,
  stub: z.optional(z.boolean()),
  modifiedTime: z.nullish(z.string()),
  createdTime: z.nullish(z.string()),
  htmlUrl: z.nullish(z.string()),
}

/**
 * A reference to another entity (`"stub": true`) nested in a record (`lead.accounts`), or any entity when
 * only its identity matters. Its `rev` is optional: nested references do not always carry one.
 */
export interface RpcStub extends Omit<RpcEntity, 'rev'> {
  rev?: RpcRev
  name?: string | RpcPersonName | null
  /** How a contact relates to the record that lists it (`lead.contacts`). */
  relationship?: string | null
}
export const RpcStubSchema = typedSchema<RpcStub>()(
  z.looseObject({
    ...rpcEntityBase,
    rev: z.optional(RpcRevSchema),
    name: z.nullish(z.union([z.string(), RpcPersonNameSchema])),
    relationship: z.nullish(z.string()),
  }),
)

/** A list of related stubs. */
export const RpcStubListSchema = z.nullish(z.array(RpcStubSchema))

/** A money value (`amount` is a number or a numeric string). */
export interface RpcMoney {
  currency?: string | null
  amount?: number | string | null
}
export const RpcMoneySchema = typedSchema<RpcMoney>()(
  z.looseObject({
    currency: z.nullish(z.string()),
    amount: z.nullish(z.union([z.number(), z.string()])),
  }),
)

/**
 * A multi-value field (email, phone, url, address): an object keyed by label or position, with the
 * primary value repeated under `"--primary"` (`{"0":"a@x.com","--primary":"a@x.com"}`), or a plain list.
 */
export const RpcMultiValueSchema: z.ZodMiniType<RpcMultiValue> = z.union([
  z.record(z.string(), z.unknown()),
  z.array(z.unknown()),
])
export type RpcMultiValue = Record<string, unknown> | unknown[]

/** One postal address. */
export interface RpcAddress {
  address_1?: string | null
  address_2?: string | null
  address_3?: string | null
  city?: string | null
  state?: string | null
  postalCode?: string | null
  country?: string | null
}
const rpcAddressObject = z.looseObject({
  address_1: z.nullish(z.string()),
  address_2: z.nullish(z.string()),
  address_3: z.nullish(z.string()),
  city: z.nullish(z.string()),
  state: z.nullish(z.string()),
  postalCode: z.nullish(z.string()),
  country: z.nullish(z.string()),
})
export const RpcAddressSchema = typedSchema<RpcAddress>()(rpcAddressObject)

/** Custom field values by field name. */
export const RpcCustomFieldsSchema: z.ZodMiniType<RpcCustomFields> = z.record(z.string(), z.unknown())
/** Custom field values by field name. */
export type RpcCustomFields = Record<string, unknown>

/** A time a JSON-RPC write takes: a `Date` (sent as its ISO 8601 string) or an ISO 8601 string. */
export type RpcTimeInput = Date | string

/** A JSON-RPC time input's schema (a Date or a string). */
export const RpcTimeInputSchema: z.ZodMiniType<RpcTimeInput> = z.union([z.string(), z.date()])

/** A payload as sent: each top-level `Date` becomes its ISO 8601 string (JSON-RPC times are ISO 8601). */
export function rpcTimesToIso<T>(payload: T): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload
  const entries = Object.entries(payload)
  if (!entries.some(([, v]) => v instanceof Date)) return payload
  return Object.fromEntries(entries.map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])) as T
}
