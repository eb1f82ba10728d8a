import { InputValidationError } from '@x/core'
import type { SyncChangeSetInput, SyncRow } from '../schemas/sync'

/** The most rows (upserts + deletes) one `POST /v1/sync` may carry. */
export const SYNC_BATCH_LIMIT = 500

/** One request's worth of a change set. */
export interface SyncBatch {
  upserts: Record<string, SyncRow[]>
  deletes: Record<string, string[]>
  /** Upserted rows + deleted ids in this batch. */
  rows: number
}

/** A change set with both groups present (what `SyncError.pending` holds); `sync.push` takes it as is. */
export interface SyncPending {
  upserts: Record<string, SyncRow[]>
  deletes: Record<string, string[]>
}

/** Ids by table, of the rows a push applied. */
export interface SyncAppliedRows {
  upserts: Record<string, string[]>
  deletes: Record<string, string[]>
  rows: number
}

function entries<V>(group: Record<string, V[] | undefined> | undefined): [string, V[]][] {
  return Object.entries(group ?? {}).filter((e): e is [string, V[]] => Array.isArray(e[1]) && e[1].length > 0)
}

/**
 * Splits a change set into batches of at most `maxRows` rows, in order: every table's upserts in the
 * order given, then every table's deletes. A batch may span tables, so no request is sent half empty.
 * Pure: the same change set always gives the same batches.
 */
export function planSyncBatches(changes: SyncChangeSetInput, maxRows = SYNC_BATCH_LIMIT): SyncBatch[] {
  if (!Number.isInteger(maxRows) || maxRows < 1) {
    throw new InputValidationError(
      [{ path: 'maxRows', message: 'must be a whole number of rows, at least 1' }],
      'planSyncBatches',
    )
  }
  const batches: SyncBatch[] = []
  let current: SyncBatch | undefined
  const add = <K extends 'upserts' | 'deletes'>(kind: K, table: string, items: SyncBatch[K][string]) => {
    for (let start = 0; start < items.length; ) {
      if (!current || current.rows >= maxRows) {
        current = { upserts: {}, deletes: {}, rows: 0 }
        batches.push(current)
      }
      const take = Math.min(maxRows - current.rows, items.length - start)
      ;(current[kind] as Record<string, unknown[]>)[table] = items.slice(start, start + take)
      current.rows += take
      start += take
    }
  }
  for (const [table, rows] of entries(changes.upserts)) add('upserts', table, rows)
  for (const [table, ids] of entries(changes.deletes)) add('deletes', table, ids)
  return batches
}

function append<V>(target: Record<string, V[]>, table: string, items: readonly V[]): void {
  const list = target[table]
  if (list) list.push(...items)
  else target[table] = [...items]
}

/** Joins batches back into one change set, in order (what is left to push after a failure). */
export function mergeSyncBatches(batches: readonly SyncBatch[]): SyncPending {
  const upserts: Record<string, SyncRow[]> = {}
  const deletes: Record<string, string[]> = {}
  for (const batch of batches) {
    for (const [table, rows] of Object.entries(batch.upserts)) append(upserts, table, rows)
    for (const [table, ids] of Object.entries(batch.deletes)) append(deletes, table, ids)
  }
  return { upserts, deletes }
}

/** The ids, by table, that a list of applied batches carried. */
export function appliedRows(batches: readonly SyncBatch[]): SyncAppliedRows {
  const applied: SyncAppliedRows = { upserts: {}, deletes: {}, rows: 0 }
  for (const batch of batches) {
    for (const [table, rows] of Object.entries(batch.upserts))
      append(
        applied.upserts,
        table,
        rows.map((r) => r.id),
      )
    for (const [table, ids] of Object.entries(batch.deletes)) append(applied.deletes, table, ids)
    applied.rows += batch.rows
  }
  return applied
}
