import * as z from 'zod/mini'

/** A record's `rev`: a string on the live service (some stubs carry a number); edits and deletes must send the current one. */
export const RpcRevSchema = z.union([z.string(), z.number()])
export type RpcRev = z.infer<typeof RpcRevSchema>

/** A person's name as JSON-RPC contacts carry it. */
export const RpcPersonNameSchema = z.looseObject({
  givenName: z.nullish(z.string()),
  familyName: z.nullish(z.string()),
  salutation: z.nullish(z.string()),
  displayName: z.nullish(z.string()),
})
export type RpcPersonName = z.infer<typeof RpcPersonNameSchema>

/** Fields every JSON-RPC entity and stub carries: an integer id, its `entityType` and its `rev`. */
export const rpcEntityBase = {
  id: z.number(),
  entityType: z.string(),
  rev: z.optional(RpcRevSchema),
  stub: z.optional(z.boolean()),
  modifiedTime: z.nullish(z.string()),
  createdTime: z.nullish(z.string()),
  htmlUrl: z.nullish(z.string()),
}

/** A reference to another entity (`"stub": true`), or any entity when only its identity matters. */
export const RpcStubSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.union([z.string(), RpcPersonNameSchema])),
})
export type RpcStub = z.infer<typeof RpcStubSchema>

/** A list of related stubs. */
export const RpcStubListSchema = z.nullish(z.array(RpcStubSchema))

/** A money value (`amount` is a number or a numeric string). */
export const RpcMoneySchema = z.looseObject({
  currency: z.nullish(z.string()),
  amount: z.nullish(z.union([z.number(), z.string()])),
})
export type RpcMoney = z.infer<typeof RpcMoneySchema>

/**
 * A multi-value field (email, phone, url, address): an object keyed by label or position, with the
 * primary value repeated under `"--primary"` (`{"0":"a@x.com","--primary":"a@x.com"}`), or a plain list.
 */
export const RpcMultiValueSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
export type RpcMultiValue = z.infer<typeof RpcMultiValueSchema>

/** One postal address. */
export const RpcAddressSchema = z.looseObject({
  address_1: z.nullish(z.string()),
  address_2: z.nullish(z.string()),
  address_3: z.nullish(z.string()),
  city: z.nullish(z.string()),
  state: z.nullish(z.string()),
  postalCode: z.nullish(z.string()),
  country: z.nullish(z.string()),
})
export type RpcAddress = z.infer<typeof RpcAddressSchema>

/** Custom field values by field name. */
export const RpcCustomFieldsSchema = z.record(z.string(), z.unknown())
