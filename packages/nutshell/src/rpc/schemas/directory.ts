import * as z from 'zod/mini'
import {
  RpcMoneySchema,
  RpcMultiValueSchema,
  RpcStubListSchema,
  RpcStubSchema,
  rpcEntityBase,
} from './common'

/** A user. */
export const RpcUserSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  firstName: z.nullish(z.string()),
  lastName: z.nullish(z.string()),
  emails: z.nullish(RpcMultiValueSchema),
  isEnabled: z.nullish(z.boolean()),
  isAdministrator: z.nullish(z.boolean()),
})
export type RpcUser = z.infer<typeof RpcUserSchema>

/** A lead source (where a lead came from). */
export const RpcSourceSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  channel: z.nullish(z.number()),
})
export type RpcSource = z.infer<typeof RpcSourceSchema>

/** A product. */
export const RpcProductSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  type: z.nullish(z.string()),
  sku: z.nullish(z.string()),
  unit: z.nullish(z.string()),
  prices: z.nullish(z.array(z.unknown())),
  price: z.nullish(RpcMoneySchema),
})
export type RpcProduct = z.infer<typeof RpcProductSchema>

/** A milestone (the JSON-RPC name for a pipeline stage). */
export const RpcMilestoneSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  position: z.nullish(z.number()),
  stageset: z.nullish(RpcStubSchema),
  stagesetId: z.nullish(z.number()),
})
export type RpcMilestone = z.infer<typeof RpcMilestoneSchema>

/** A stageset (the JSON-RPC name for a pipeline). */
export const RpcStagesetSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  position: z.nullish(z.number()),
  milestones: RpcStubListSchema,
})
export type RpcStageset = z.infer<typeof RpcStagesetSchema>

/** What `findTags` returns: tag names grouped by entity type (`{"Leads":["hot"],"Contacts":[...]}`), or a list of tags. */
export const RpcTagsSchema = z.union([z.record(z.string(), z.array(z.unknown())), z.array(z.unknown())])
export type RpcTags = z.infer<typeof RpcTagsSchema>

/** A new tag: its name and the entity type it applies to. */
export const RpcTagInputSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  entityType: z.enum(['Leads', 'Contacts', 'Accounts']),
})
export type RpcTagInput = z.infer<typeof RpcTagInputSchema>
