import { openEnum, type Schema } from '@x/core'
import * as z from 'zod/mini'
import { IdInputSchema, maybe, recordSchema, TimestampSchema } from './common'

/** The tables `POST /v1/sync` is known to accept (from the product pages); others are sent as given. */
export const SYNC_TABLES = [
  'contacts',
  'deals',
  'meetings',
  'participants',
  'action_items',
  'signals',
  'objections',
  'chats',
  'knowledge',
  'settings',
] as const

/** A sync table name: one of SYNC_TABLES, or one the server added. */
export const SyncTableSchema = openEnum(SYNC_TABLES)
export type SyncTable = z.infer<typeof SyncTableSchema>

/** A row to upsert: any fields, always its `id` (which makes an upsert idempotent). */
export const SyncRowSchema = z.looseObject({ id: IdInputSchema })
export type SyncRow = z.infer<typeof SyncRowSchema>

/** Values keyed by sync table name, known names typed for autocompletion. */
export type SyncTables<V> = { [K in (typeof SYNC_TABLES)[number]]?: V } & { [table: string]: V | undefined }

/** A change set (`sync.push`'s input): rows to upsert and ids to delete, by table. Any size: `sync.push` splits it. */
export interface SyncChangeSetInput {
  upserts?: SyncTables<SyncRow[]>
  deletes?: SyncTables<string[]>
}

// Strict at the top level: a mistyped `upsert` must fail loudly, not sync nothing.
/** Validates a change set (rows need a non-empty `id`, deletes are non-empty ids). */
export const SyncChangeSetInputSchema = z.strictObject({
  upserts: z.optional(z.record(z.string(), z.array(SyncRowSchema))),
  deletes: z.optional(z.record(z.string(), z.array(IdInputSchema))),
})

/** The answer to one `POST /v1/sync` batch (inferred); other fields: `fieldsOf(result)`. */
export interface SyncBatchResult {
  upserted?: number | null | undefined
  deleted?: number | null | undefined
  synced_at?: string | null | undefined
}
export const SyncBatchResultSchema: Schema<SyncBatchResult> = recordSchema({
  upserted: maybe(z.number()),
  deleted: maybe(z.number()),
  synced_at: maybe(TimestampSchema),
})

/** The answer to `DELETE /v1/sync` (inferred); other fields: `fieldsOf(result)`. */
export interface EraseResult {
  erased?: boolean | null | undefined
  rows?: number | null | undefined
}
export const EraseResultSchema: Schema<EraseResult> = recordSchema({
  erased: maybe(z.boolean()),
  rows: maybe(z.number()),
})

/** `sync.eraseAll` input: the explicit confirmation. */
export const EraseInputSchema = z.strictObject({
  confirm: z.literal(true, {
    error: 'must be true: eraseAll deletes everything the account synced and cannot be undone',
  }),
})
export type EraseInput = z.input<typeof EraseInputSchema>
