import * as z from 'zod/mini'
import {
  RpcCustomFieldsSchema,
  RpcMoneySchema,
  RpcStubListSchema,
  RpcStubSchema,
  rpcEntityBase,
} from './common'

/** JSON-RPC lead status codes. */
export const RPC_LEAD_STATUS = { open: 0, pending: 1, won: 10, lost: 11, cancelled: 12 } as const

/** A lead as JSON-RPC returns it (full, or a stub when `stubResponses` is on). */
export const RpcLeadSchema = z.looseObject({
  ...rpcEntityBase,
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  number: z.nullish(z.union([z.number(), z.string()])),
  /** 0 open, 1 pending, 10 won, 11 lost, 12 cancelled. */
  status: z.nullish(z.number()),
  completion: z.nullish(z.number()),
  value: z.nullish(RpcMoneySchema),
  confidence: z.nullish(z.number()),
  priority: z.nullish(z.number()),
  isOverdue: z.nullish(z.boolean()),
  dueTime: z.nullish(z.string()),
  closedTime: z.nullish(z.string()),
  anticipatedClosedTime: z.nullish(z.string()),
  lastContactedDate: z.nullish(z.string()),
  assignee: z.nullish(RpcStubSchema),
  owner: z.nullish(RpcStubSchema),
  creator: z.nullish(RpcStubSchema),
  primaryAccount: z.nullish(RpcStubSchema),
  primaryContact: z.nullish(RpcStubSchema),
  primaryAccountName: z.nullish(z.string()),
  primaryContactName: z.nullish(z.string()),
  accounts: RpcStubListSchema,
  contacts: RpcStubListSchema,
  products: RpcStubListSchema,
  sources: RpcStubListSchema,
  competitors: RpcStubListSchema,
  milestone: z.nullish(RpcStubSchema),
  milestoneId: z.nullish(z.number()),
  stageset: z.nullish(RpcStubSchema),
  stagesetId: z.nullish(z.number()),
  outcome: z.nullish(RpcStubSchema),
  tags: z.nullish(z.array(z.unknown())),
  customFields: z.nullish(RpcCustomFieldsSchema),
})
export type RpcLead = z.infer<typeof RpcLeadSchema>

/** The fields `newLead`/`editLead` take (the service accepts more; unknown keys pass through). */
export const RpcLeadInputSchema = z.looseObject({
  description: z.optional(z.string()),
  confidence: z.optional(z.number()),
  priority: z.optional(z.number()),
  dueTime: z.optional(z.string()),
  value: z.optional(RpcMoneySchema),
  assignee: z.optional(z.looseObject({ entityType: z.string(), id: z.number() })),
  primaryAccount: z.optional(z.looseObject({ id: z.number() })),
  accounts: z.optional(z.array(z.looseObject({ id: z.number() }))),
  contacts: z.optional(z.array(z.looseObject({ id: z.number(), relationship: z.optional(z.string()) }))),
  products: z.optional(z.array(z.looseObject({ id: z.number() }))),
  sources: z.optional(z.array(z.looseObject({ id: z.number() }))),
  tags: z.optional(z.array(z.string())),
  milestoneId: z.optional(z.number()),
  stagesetId: z.optional(z.number()),
  customFields: z.optional(RpcCustomFieldsSchema),
})
export type RpcLeadInput = z.infer<typeof RpcLeadInputSchema>

/** `findLeads` query keys (others pass through). `filter`: 0 mine, 1 my team, 2 all. */
export const RpcLeadQuerySchema = z.looseObject({
  status: z.optional(z.union([z.number(), z.array(z.number())])),
  filter: z.optional(z.number()),
  milestoneId: z.optional(z.union([z.number(), z.array(z.number())])),
  stagesetId: z.optional(z.union([z.number(), z.array(z.number())])),
  assignee: z.optional(z.unknown()),
  accountId: z.optional(z.union([z.number(), z.array(z.number())])),
  contactId: z.optional(z.union([z.number(), z.array(z.number())])),
})
export type RpcLeadQuery = z.infer<typeof RpcLeadQuerySchema>
