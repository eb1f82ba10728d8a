import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { AccountCreateInputSchema } from './account'
import { CustomFieldsSchema, MoneySchema, NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { ContactCreateInputSchema } from './contact'
import { LeadProductMapInputSchema } from './product'
import { collectionResponse } from './response'

/** Lead statuses the REST API reports (new values pass through). */
export const LEAD_STATUSES = ['open', 'pending', 'won', 'lost', 'canceled', 'cancelled'] as const

/** A lead (a deal or sale in progress). */
export const LeadSchema = z.looseObject({
  ...recordBase,
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
export type Lead = z.infer<typeof LeadSchema>

/** Body of every lead endpoint: `{ meta, links, leads: [...] }` plus related arrays. */
export const LeadsResponseSchema = collectionResponse('leads', LeadSchema)
export type LeadsResponse = z.infer<typeof LeadsResponseSchema>

/**
 * The related records a new lead can carry. `accounts` and `contacts` each take ids or inline new records
 * (the document: "either be the IDs of the accounts the lead should be associated with, or an account
 * object"), each checked like its own create.
 */
export const LeadLinksInputSchema = z.looseObject({
  owner: z.optional(NutshellIdSchema),
  accounts: z.optional(z.array(z.union([NutshellIdSchema, AccountCreateInputSchema]))),
  contacts: z.optional(z.array(z.union([NutshellIdSchema, ContactCreateInputSchema]))),
  sources: z.optional(z.array(NutshellIdSchema)),
  tags: z.optional(z.array(NutshellIdSchema)),
  productMaps: z.optional(z.array(LeadProductMapInputSchema)),
  competitorMaps: z.optional(z.array(z.string())),
})

/** A new lead; `description` is also its name. */
export const LeadCreateInputSchema = z.looseObject({
  description: z.optional(z.string()),
  manualValue: z.optional(z.union([z.string(), z.number()])),
  dueTime: z.optional(z.union([z.string(), z.number()])),
  confidence: z.optional(z.number()),
  priority: z.optional(z.number()),
  customFields: z.optional(CustomFieldsSchema),
  links: z.optional(LeadLinksInputSchema),
})
export type LeadCreateInput = z.infer<typeof LeadCreateInputSchema>

/** The outcome names `close()` understands, besides an explicit `{ outcomeId }`. */
export const CLOSE_OUTCOMES = ['won', 'lost', 'canceled'] as const
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number]

/** Body of `POST /leads/{id}/status`: the outcome, and optionally competitor and product maps. */
export const LeadStatusBodySchema = z.looseObject({
  outcomeId: NutshellIdSchema.check(z.minLength(1)),
  competitorMaps: z.optional(z.array(z.string())),
  productMaps: z.optional(z.array(LeadProductMapInputSchema)),
})
export type LeadStatusBody = z.infer<typeof LeadStatusBodySchema>

/** How to close a lead: an outcome name looked up in `/outcomes`, or an explicit outcome id. */
export const LeadCloseInputSchema = z.union([
  z.enum(['won', 'lost', 'canceled', 'cancelled']),
  LeadStatusBodySchema,
])
export type LeadCloseInput = CloseOutcome | 'cancelled' | LeadStatusBody
