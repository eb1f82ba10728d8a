import * as z from 'zod/mini'
import { typedSchema } from '../../schemas/common'
import { type RpcEntity, RpcRevSchema, rpcEntityBase } from './common'

/**
 * A named record of the account's setup, as `find*` lists it (teams, activity types, account types,
 * industries, markets, territories, competitors, origins, delays, audiences): a stub with its name. Its
 * `rev` is optional, as on every stub.
 */
export interface RpcNamed extends Omit<RpcEntity, 'rev'> {
  rev?: RpcEntity['rev']
  name?: string | null
}
export const RpcNamedSchema = typedSchema<RpcNamed>()(
  z.looseObject({ ...rpcEntityBase, rev: z.optional(RpcRevSchema), name: z.nullish(z.string()) }),
)

/** A lead outcome (`findLead_Outcomes`): `type` 10 won, 11 lost, 12 cancelled. */
export interface RpcLeadOutcome extends RpcNamed {
  description?: string | null
  type?: number | null
}
export const RpcLeadOutcomeSchema = typedSchema<RpcLeadOutcome>()(
  z.looseObject({
    ...rpcEntityBase,
    rev: z.optional(RpcRevSchema),
    name: z.nullish(z.string()),
    description: z.nullish(z.string()),
    type: z.nullish(z.number()),
  }),
)

/** A team of users. */
export interface RpcTeam extends RpcEntity {
  name?: string | null
}
export const RpcTeamSchema = typedSchema<RpcTeam>()(
  z.looseObject({ ...rpcEntityBase, name: z.nullish(z.string()) }),
)

/** An email logged in Nutshell (no public source shows more than its identity). */
export interface RpcEmail extends RpcEntity {
  subject?: string | null
}
export const RpcEmailSchema = typedSchema<RpcEmail>()(
  z.looseObject({ ...rpcEntityBase, subject: z.nullish(z.string()) }),
)

/** A step of a sales process (`editStep`: assignee, status, choice, delay). */
export interface RpcStep extends RpcEntity {
  status?: string | number | null
}
export const RpcStepSchema = typedSchema<RpcStep>()(
  z.looseObject({ ...rpcEntityBase, status: z.nullish(z.union([z.string(), z.number()])) }),
)

/** An item of the timeline (`findTimeline`): an activity, an email or a note about a record. */
export const RpcTimelineItemSchema = z.looseObject({
  id: z.optional(z.number()),
  entityType: z.optional(z.string()),
})
export type RpcTimelineItem = z.infer<typeof RpcTimelineItemSchema>

/** What a method answers where no public source shows its shape: any JSON value, unchecked. */
export const RpcAnySchema = z.unknown()

/** `getAnalyticsReport`: series of `[ms, count]` points and a summary per series. */
export const RpcAnalyticsReportSchema = z.looseObject({
  seriesData: z.optional(z.record(z.string(), z.array(z.array(z.union([z.number(), z.string()]))))),
  summaryData: z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))),
  periodDescription: z.nullish(z.string()),
  deltaPeriodDescription: z.nullish(z.string()),
})
export type RpcAnalyticsReport = z.infer<typeof RpcAnalyticsReportSchema>

/** The custom fields of each record type (`findCustomFields`): `{ Leads: [...], Accounts: [...], ... }`. */
export const RpcCustomFieldsByTypeSchema = z.record(
  z.string(),
  z.array(z.looseObject({ name: z.optional(z.string()) })),
)
export type RpcCustomFieldsByType = z.infer<typeof RpcCustomFieldsByTypeSchema>

/** `instanceData`: the authenticated instance (at least its id). */
export const RpcInstanceDataSchema = z.looseObject({ id: z.optional(z.union([z.number(), z.string()])) })
export type RpcInstanceData = z.infer<typeof RpcInstanceDataSchema>
