import { type Effect, parseInput, type ResponseMeta } from '@x/core'
import * as z from 'zod/mini'
import {
  EraseInputSchema,
  EraseResultSchema,
  type SyncBatchResult,
  SyncBatchResultSchema,
  type SyncChangeSetInput,
  SyncChangeSetInputSchema,
} from '../schemas/sync'
import { SYNC_BATCH_LIMIT } from '../sync/plan'
import { pushChanges, type SyncPushOptions, SyncPushPromise, type SyncPushWithResponse } from '../sync/push'
import { settlesDeal } from './deals'
import { type OperationKit, operation } from './operation'

// Optional rather than z._default: the default is applied below, so bundles skip zod's default machinery.
const BatchSizeSchema = z.looseObject({
  batchSize: z.optional(
    z
      .int()
      .check(
        z.minimum(1, 'must be at least 1'),
        z.maximum(SYNC_BATCH_LIMIT, `must be at most ${SYNC_BATCH_LIMIT}`),
      ),
  ),
})

/**
 * `sync.push`: the change set (already checked against the entry's input) split into batches, each sent
 * as one `POST /v1/sync`; when a batch still fails after retries, a SyncError says which rows are pending.
 */
async function push(
  kit: OperationKit,
  changes: SyncChangeSetInput,
  given?: SyncPushOptions,
): Promise<SyncPushWithResponse> {
  const options = given ?? {}
  const batchSize =
    parseInput(BatchSizeSchema, { batchSize: options.batchSize }, 'sync.push', 'options').batchSize ??
    SYNC_BATCH_LIMIT
  const responses: ResponseMeta[] = []
  const data = await pushChanges(
    async (batch, requestOptions) => {
      const sent = kit.send({ upserts: batch.upserts, deletes: batch.deletes }, requestOptions)
      const { data, response } = await sent.withResponse()
      responses.push(response)
      return (data ?? {}) as SyncBatchResult
    },
    changes,
    { ...options, batchSize },
  )
  return { data, response: responses.at(-1), responses }
}

/** `sync.push` answers a SyncPushPromise: `await` it for the result, `.withResponse()` for the responses. */
const asPushPromise = (full: Promise<unknown>) => new SyncPushPromise(full as Promise<SyncPushWithResponse>)

/** The rows of each table of a change set's `upserts` or `deletes`. */
function rowsOf(value: unknown): unknown[][] {
  if (!value || typeof value !== 'object') return []
  return Object.values(value).map((rows) => (Array.isArray(rows) ? rows : []))
}

/** A change set creates rows when it upserts any (an upsert of a new id is a create). */
const upsertsRows = (changes: unknown) =>
  rowsOf((changes as { upserts?: unknown } | null)?.upserts).some((r) => r.length > 0)
/** True when an upserted row sets `deleted_at` (a soft delete, or with `null` a restore). */
const setsDeletedAt = (row: unknown) =>
  typeof row === 'object' &&
  row !== null &&
  Object.keys(row).some((key) => key.toLowerCase() === 'deleted_at')

/**
 * A change set deletes when any table of its `deletes` lists an id, or when an upserted row sets
 * `deleted_at` (the same soft delete, or its undo, written as a field).
 */
const deletesRows = (changes: unknown) =>
  rowsOf((changes as { deletes?: unknown } | null)?.deletes).some((r) => r.length > 0) ||
  rowsOf((changes as { upserts?: unknown } | null)?.upserts).some((rows) => rows.some(setsDeletedAt))

/**
 * The resource whose records a sync table holds, for an agent's policy: a row pushed into `deals` is a
 * deal however it travels. Tables without a REST twin (chats, knowledge, settings, any new one) answer
 * `undefined` and stay under `sync` alone. Matched case aside, as the service may be.
 */
const TABLE_RESOURCES: Readonly<Record<string, Resource>> = {
  contacts: 'contacts',
  deals: 'deals',
  signals: 'deals',
  objections: 'deals',
  meetings: 'meetings',
  participants: 'meetings',
  action_items: 'actionItems',
  actionitems: 'actionItems',
}
type Resource = 'contacts' | 'deals' | 'meetings' | 'actionItems'

const resourceOf = (table: string): Resource | undefined =>
  Object.hasOwn(TABLE_RESOURCES, table.toLowerCase()) ? TABLE_RESOURCES[table.toLowerCase()] : undefined

/** A row with its keys lower-cased (`Status` is read as `status`): rows are loose, the service may fold. */
const folded = (row: unknown) =>
  typeof row === 'object' && row !== null
    ? Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]))
    : row

/** The tables of a change set's `upserts` or `deletes`, each with its rows. */
function tablesOf(value: unknown): [string, unknown[]][] {
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).map(([table, rows]) => [table, Array.isArray(rows) ? rows : []])
}

/**
 * What a change set does to each table's records, by resource: upserted rows create or update them, a
 * deal row whose `status`/`stage` settles it closes it (as `deals.update` would), a row with `deleted_at`
 * and every listed delete deletes. An agent needs these grants on `deals` (and so on), not only on `sync`.
 */
function effectsOn(changes: unknown): { resource: string; effect: Effect }[] {
  const c = (changes ?? {}) as { upserts?: unknown; deletes?: unknown }
  const effects: { resource: string; effect: Effect }[] = []
  for (const [table, rows] of tablesOf(c.upserts)) {
    const resource = resourceOf(table)
    if (!resource || rows.length === 0) continue
    effects.push({ resource, effect: 'create' }, { resource, effect: 'update' })
    if (
      resource === 'deals' &&
      table.toLowerCase() === 'deals' &&
      rows.some((row) => settlesDeal(folded(row)))
    )
      effects.push({ resource, effect: 'close' })
    if (rows.some(setsDeletedAt)) effects.push({ resource, effect: 'delete' })
  }
  for (const [table, ids] of tablesOf(c.deletes)) {
    const resource = resourceOf(table)
    if (resource && ids.length > 0) effects.push({ resource, effect: 'delete' })
  }
  return effects
}

/** The ids of every row a change set upserts or deletes, for the audit. */
function rowIds(changes: unknown): unknown[] {
  const c = (changes ?? {}) as { upserts?: unknown; deletes?: unknown }
  const upserted = rowsOf(c.upserts).flatMap((rows) =>
    rows.map((row) => (row as { id?: unknown } | null)?.id),
  )
  return [...upserted, ...rowsOf(c.deletes).flat()]
}

/** `/v1/sync`: batched upsert/delete across tables (desktop sync) and the GDPR erasure. */
export const SYNC_OPERATIONS = {
  push: operation({
    method: 'POST',
    path: '/sync',
    input: SyncChangeSetInputSchema,
    answer: SyncBatchResultSchema,
    // Rows carry their ids, so a batch is safe to resend after any failure.
    idempotent: true,
    tier: 'strict',
    returns: { kind: 'composed', run: push, wrap: asPushPromise },
    effect: 'update',
    // Upserts create or update rows; a change set whose `deletes` lists ids deletes as well.
    effectFields: { create: upsertsRows, delete: deletesRows },
    effectsOn,
    touches: rowIds,
    description:
      'Pushes a change set of any size in batches of at most 500 rows, in order; a SyncError names the rows still pending.',
  }),
  eraseAll: operation({
    method: 'DELETE',
    path: '/sync',
    input: EraseInputSchema,
    // The confirmation guards the call on the caller's side; the API takes no parameters.
    encode: () => undefined,
    answer: EraseResultSchema,
    // Cannot be undone: never resent once it may have arrived.
    idempotent: false,
    tier: 'strict',
    returns: { kind: 'record' },
    effect: 'erase',
    description:
      'Erases everything the account synced (GDPR Article 17); requires `{ confirm: true }` and cannot be undone.',
  }),
}
