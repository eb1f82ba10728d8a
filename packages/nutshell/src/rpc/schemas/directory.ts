import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'
import {
  type RpcEntity,
  type RpcMoney,
  RpcMoneySchema,
  type RpcMultiValue,
  RpcMultiValueSchema,
  type RpcStub,
  RpcStubListSchema,
  RpcStubSchema,
  rpcEntityBase,
} from './common'

/** A user. */
export interface RpcUser extends RpcEntity {
  name?: string | null
  firstName?: string | null
  lastName?: string | null
  emails?: RpcMultiValue | null
  isEnabled?: boolean | null
  isAdministrator?: boolean | null
}
export const RpcUserSchema = typedSchema<RpcUser>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    firstName: z.nullish(z.string()),
    lastName: z.nullish(z.string()),
    emails: z.nullish(RpcMultiValueSchema),
    isEnabled: z.nullish(z.boolean()),
    isAdministrator: z.nullish(z.boolean()),
  }),
)

/** A lead source (where a lead came from). */
export interface RpcSource extends RpcEntity {
  name?: string | null
  channel?: number | null
}
export const RpcSourceSchema = typedSchema<RpcSource>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    channel: z.nullish(z.number()),
  }),
)

/** A product. */
export interface RpcProduct extends RpcEntity {
  name?: string | null
  type?: string | null
  sku?: string | null
  unit?: string | null
  prices?: unknown[] | null
  price?: RpcMoney | null
}
export const RpcProductSchema = typedSchema<RpcProduct>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    type: z.nullish(z.string()),
    sku: z.nullish(z.string()),
    unit: z.nullish(z.string()),
    prices: z.nullish(z.array(z.unknown())),
    price: z.nullish(RpcMoneySchema),
  }),
)

/** A milestone (the JSON-RPC name for a pipeline stage). */
export interface RpcMilestone extends RpcEntity {
  name?: string | null
  position?: number | null
  stageset?: RpcStub | null
  stagesetId?: number | null
}
export const RpcMilestoneSchema = typedSchema<RpcMilestone>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    position: z.nullish(z.number()),
    stageset: z.nullish(RpcStubSchema),
    stagesetId: z.nullish(z.number()),
  }),
)

/** A stageset (the JSON-RPC name for a pipeline). */
export interface RpcStageset extends RpcEntity {
  name?: string | null
  position?: number | null
  milestones?: RpcStub[] | null
}
export const RpcStagesetSchema = typedSchema<RpcStageset>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    position: z.nullish(z.number()),
    milestones: RpcStubListSchema,
  }),
)

/** What `findTags` returns: tag names grouped by entity type (`{"Leads":["hot"],"Contacts":[...]}`), or a list of tags. */
export const RpcTagsSchema: z.ZodMiniType<RpcTags> = z.union([
  z.record(z.string(), z.array(z.unknown())),
  z.array(z.unknown()),
])
export type RpcTags = Record<string, unknown[]> | unknown[]

/** A new tag: its name and the entity type it applies to. */
export interface RpcTagInput {
  name: string
  entityType: 'Leads' | 'Contacts' | 'Accounts'
}
export const RpcTagInputSchema = typedSchema<RpcTagInput>()(
  z.looseObject({
    name: z.string().check(z.minLength(1)),
    entityType: z.enum(['Leads', 'Contacts', 'Accounts']),
  }),
)
