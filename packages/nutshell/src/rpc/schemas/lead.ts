import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'
import {
  type RpcCustomFields,
  RpcCustomFieldsSchema,
  type RpcEntity,
  type RpcMoney,
  RpcMoneySchema,
  type RpcStub,
  RpcStubListSchema,
  RpcStubSchema,
  type RpcTimeInput,
  RpcTimeInputSchema,
  rpcEntityBase,
} from './common'

/** JSON-RPC lead status codes. */
export const RPC_LEAD_STATUS = { open: 0, pending: 1, won: 10, lost: 11, cancelled: 12 } as const

/**
 * A lead as JSON-RPC returns it (full, or a stub when `stubResponses` is on). `rev` is always there; times
 * are ISO 8601 strings. Undeclared fields: `fieldsOf(lead)`.
 */
export interface RpcLead extends RpcEntity {
  name?: string | null
  description?: string | null
  number?: number | string | null
  /** 0 open, 1 pending, 10 won, 11 lost, 12 cancelled. */
  status?: number | null
  completion?: number | null
  value?: RpcMoney | null
  confidence?: number | null
  priority?: number | null
  isOverdue?: boolean | null
  /** ISO 8601. */
  dueTime?: string | null
  /** ISO 8601. */
  closedTime?: string | null
  /** ISO 8601. */
  anticipatedClosedTime?: string | null
  /** ISO 8601. */
  lastContactedDate?: string | null
  assignee?: RpcStub | null
  owner?: RpcStub | null
  creator?: RpcStub | null
  primaryAccount?: RpcStub | null
  primaryContact?: RpcStub | null
  primaryAccountName?: string | null
  primaryContactName?: string | null
  accounts?: RpcStub[] | null
  contacts?: RpcStub[] | null
  products?: RpcStub[] | null
  sources?: RpcStub[] | null
  competitors?: RpcStub[] | null
  milestone?: RpcStub | null
  milestoneId?: number | null
  stageset?: RpcStub | null
  stagesetId?: number | null
  outcome?: RpcStub | null
  tags?: unknown[] | null
  customFields?: RpcCustomFields | null
}
export const RpcLeadSchema = typedSchema<RpcLead>()(
  z.looseObject({
    ...rpcEntityBase,
    name: z.nullish(z.string()),
    description: z.nullish(z.string()),
    number: z.nullish(z.union([z.number(), z.string()])),
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
  }),
)

/** A reference to a user or team (`{ entityType: 'Users', id: 1 }`). */
export interface RpcEntityRef {
  entityType: string
  id: number
}

/** A reference to a record by id, with its relationship for contacts. */
export interface RpcIdRef {
  id: number
  relationship?: string
}

/** The fields `newLead`/`editLead` take (the service accepts more at run time; these are the typed ones). */
export interface RpcLeadInput {
  description?: string
  confidence?: number
  priority?: number
  /** A `Date` (sent as ISO 8601) or an ISO 8601 string. */
  dueTime?: RpcTimeInput
  value?: RpcMoney
  assignee?: RpcEntityRef
  primaryAccount?: { id: number }
  accounts?: { id: number }[]
  contacts?: RpcIdRef[]
  products?: { id: number }[]
  sources?: { id: number }[]
  tags?: string[]
  milestoneId?: number
  stagesetId?: number
  customFields?: RpcCustomFields
}
export const RpcLeadInputSchema = typedSchema<RpcLeadInput>()(
  z.looseObject({
    description: z.optional(z.string()),
    confidence: z.optional(z.number()),
    priority: z.optional(z.number()),
    dueTime: z.optional(RpcTimeInputSchema),
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
  }),
)

/** `findLeads` query keys (others pass through). `filter`: 0 mine, 1 my team, 2 all. */
export interface RpcLeadQuery {
  status?: number | number[]
  filter?: number
  milestoneId?: number | number[]
  stagesetId?: number | number[]
  assignee?: unknown
  accountId?: number | number[]
  contactId?: number | number[]
}
export const RpcLeadQuerySchema = typedSchema<RpcLeadQuery>()(
  z.looseObject({
    status: z.optional(z.union([z.number(), z.array(z.number())])),
    filter: z.optional(z.number()),
    milestoneId: z.optional(z.union([z.number(), z.array(z.number())])),
    stagesetId: z.optional(z.union([z.number(), z.array(z.number())])),
    assignee: z.optional(z.unknown()),
    accountId: z.optional(z.union([z.number(), z.array(z.number())])),
    contactId: z.optional(z.union([z.number(), z.array(z.number())])),
  }),
)
