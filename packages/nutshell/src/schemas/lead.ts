import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { type AccountCreateInput, AccountCreateInputSchema } from './account'
import {
  type CustomFields,
  CustomFieldsSchema,
  type Declared,
  LinkIdSchema,
  LinkIdsSchema,
  type Money,
  MoneySchema,
  type NutshellId,
  NutshellIdSchema,
  type RecordBase,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  toUnixSeconds,
  typedSchema,
} from './common'
import { type ContactCreateInput, ContactCreateInputSchema } from './contact'
import { type LeadProductMapInput, LeadProductMapInputSchema } from './product'
import { collectionResponse } from './response'

/** Lead statuses the REST API reports (new values pass through). */
export const LEAD_STATUSES = ['open', 'pending', 'won', 'lost', 'canceled', 'cancelled'] as const

/** A lead's status as the REST API reports it (`"open"`, `"won"`, ...; a value the SDK does not know passes through). */
export type LeadStatus = (typeof LEAD_STATUSES)[number] | (string & {})

/** The ids a lead links to (`{"owner":"1-users","contacts":["3-contacts"],"stage":"101-stages","outcome":null}`). */
export interface LeadLinks {
  owner?: NutshellId | null
  creator?: NutshellId | null
  stage?: NutshellId | null
  stageset?: NutshellId | null
  outcome?: NutshellId | null
  assignee?: NutshellId | null
  accounts?: NutshellId[] | null
  contacts?: NutshellId[] | null
  products?: NutshellId[] | null
  productMaps?: NutshellId[] | null
  sources?: NutshellId[] | null
  tags?: NutshellId[] | null
  competitors?: NutshellId[] | null
  competitorMaps?: NutshellId[] | null
}

/**
 * A lead (a deal or sale in progress). Fields the SDK does not declare pass through at run time: read them
 * with `fieldsOf(lead)`. Times are as the service sends them (see TimeValue).
 */
export interface Lead extends RecordBase {
  links?: LeadLinks
  name?: string | null
  description?: string | null
  /** The lead's number (`1234`, shown as `"Lead-1234"`); not its id. */
  number?: number | string | null
  status?: LeadStatus | null
  value?: Money | null
  /** How confident, as a percentage, that the lead will close. */
  confidence?: number | null
  /** 1 hot, 0 not. */
  priority?: number | null
  createdTime?: TimeValue | null
  closedTime?: TimeValue | null
  dueTime?: TimeValue | null
  anticipatedClosedTime?: TimeValue | null
  lastContactedTime?: TimeValue | null
  overdueTime?: TimeValue | null
  deletedTime?: TimeValue | null
  ownerType?: string | null
  pieState?: string | null
  isOverdue?: boolean | null
  isCurrentUserWatching?: boolean | null
  avatarUrl?: string | null
  initials?: string | null
  customFields?: CustomFields | null
}

const leadObject = z.looseObject({
  ...recordBase,
  links: z.optional(
    z.looseObject({
      owner: LinkIdSchema,
      creator: LinkIdSchema,
      stage: LinkIdSchema,
      stageset: LinkIdSchema,
      outcome: LinkIdSchema,
      assignee: LinkIdSchema,
      accounts: LinkIdsSchema,
      contacts: LinkIdsSchema,
      products: LinkIdsSchema,
      productMaps: LinkIdsSchema,
      sources: LinkIdsSchema,
      tags: LinkIdsSchema,
      competitors: LinkIdsSchema,
      competitorMaps: LinkIdsSchema,
    }),
  ),
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  number: z.nullish(z.union([z.number(), z.string()])),
  status: z.nullish(openEnum(LEAD_STATUSES)),
  value: z.nullish(MoneySchema),
  confidence: z.nullish(z.number()),
  priority: z.nullish(z.number()),
  createdTime: z.nullish(TimeValueSchema),
  closedTime: z.nullish(TimeValueSchema),
  dueTime: z.nullish(TimeValueSchema),
  anticipatedClosedTime: z.nullish(TimeValueSchema),
  lastContactedTime: z.nullish(TimeValueSchema),
  overdueTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
  ownerType: z.nullish(z.string()),
  pieState: z.nullish(z.string()),
  isOverdue: z.nullish(z.boolean()),
  isCurrentUserWatching: z.nullish(z.boolean()),
  avatarUrl: z.nullish(z.string()),
  initials: z.nullish(z.string()),
  customFields: z.nullish(CustomFieldsSchema),
})
export const LeadSchema = typedSchema<Lead>()(leadObject)

/** Body of every lead endpoint: `{ meta, links, leads: [...] }` plus related arrays. */
export const LeadsResponseSchema = collectionResponse('leads', LeadSchema)
export type LeadsResponse = z.infer<typeof LeadsResponseSchema>

/**
 * The related records a new lead can carry. `accounts` and `contacts` each take ids or inline new records
 * (the document: "either be the IDs of the accounts the lead should be associated with, or an account
 * object"), each checked like its own create.
 */
export interface LeadLinksInput {
  owner?: NutshellId
  accounts?: (NutshellId | AccountCreateInput)[]
  contacts?: (NutshellId | ContactCreateInput)[]
  sources?: NutshellId[]
  tags?: NutshellId[]
  productMaps?: LeadProductMapInput[]
  competitorMaps?: string[]
}
const leadLinksInputObject = z.looseObject({
  owner: z.optional(NutshellIdSchema),
  accounts: z.optional(z.array(z.union([NutshellIdSchema, AccountCreateInputSchema]))),
  contacts: z.optional(z.array(z.union([NutshellIdSchema, ContactCreateInputSchema]))),
  sources: z.optional(z.array(NutshellIdSchema)),
  tags: z.optional(z.array(NutshellIdSchema)),
  productMaps: z.optional(z.array(LeadProductMapInputSchema)),
  competitorMaps: z.optional(z.array(z.string())),
})
export const LeadLinksInputSchema = typedSchema<LeadLinksInput>()(leadLinksInputObject)

/** A new lead; `description` is also its name. Custom fields go under `customFields`. */
export interface LeadCreateInput {
  description?: string
  /** Overrides the value calculated from the products (`"999.99"`). */
  manualValue?: string | number
  /** When the lead is due: a `Date` (sent as unix seconds), unix seconds, or a string the service parses. */
  dueTime?: Date | string | number
  /** How confident, as a percentage, that the lead will close. */
  confidence?: number
  /** 1 hot, 0 not. */
  priority?: number
  customFields?: CustomFields
  links?: LeadLinksInput
}
const leadCreateObject = z.looseObject({
  description: z.optional(z.string()),
  manualValue: z.optional(z.union([z.string(), z.number()])),
  dueTime: z.optional(z.union([z.string(), z.number(), z.date()])),
  confidence: z.optional(z.number()),
  priority: z.optional(z.number()),
  customFields: z.optional(CustomFieldsSchema),
  links: z.optional(LeadLinksInputSchema),
})
export const LeadCreateInputSchema = typedSchema<LeadCreateInput>()(leadCreateObject)

/** A new lead as sent: a `Date` `dueTime` becomes unix seconds. */
export function leadCreateBody(input: LeadCreateInput): unknown {
  return input.dueTime instanceof Date ? { ...input, dueTime: toUnixSeconds(input.dueTime) } : input
}

/** The outcome names `close()` understands, besides an explicit `{ outcomeId }`. */
export const CLOSE_OUTCOMES = ['won', 'lost', 'canceled'] as const
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number]

/** Body of `POST /leads/{id}/status`: the outcome, and optionally competitor and product maps. */
export interface LeadStatusBody extends Declared<z.infer<typeof leadStatusBodyObject>> {}
const leadStatusBodyObject = z.looseObject({
  outcomeId: NutshellIdSchema.check(z.minLength(1)),
  competitorMaps: z.optional(z.array(z.string())),
  productMaps: z.optional(z.array(LeadProductMapInputSchema)),
})
export const LeadStatusBodySchema: z.ZodMiniType<LeadStatusBody> = leadStatusBodyObject

/** How to close a lead: an outcome name looked up in `/outcomes`, or an explicit outcome id. */
export const LeadCloseInputSchema = z.union([
  z.enum(['won', 'lost', 'canceled', 'cancelled']),
  LeadStatusBodySchema,
])
export type LeadCloseInput = CloseOutcome | 'cancelled' | LeadStatusBody
