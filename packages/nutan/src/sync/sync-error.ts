import { type ErrorJson, SdkError } from '@x/core'
import type { SyncAppliedRows, SyncPending } from './plan'

/** What a stopped push knows. */
export interface SyncErrorInit {
  applied: SyncAppliedRows
  pending: SyncPending
  pendingRows: number
  failedBatch: number
  batches: number
  total: number
  cause: unknown
}

/**
 * A push stopped part-way. `applied` holds the rows the server confirmed; `pending` every other row,
 * in the change-set shape `push` takes, so `push(error.pending)` resumes without losing a row. The
 * failed batch is in `pending`: the server may or may not have applied it, and resending is safe
 * because upserts and deletes by id are idempotent.
 */
export class SyncError extends SdkError {
  override name = 'SyncError'
  /** Rows the server confirmed, by table. */
  readonly applied: SyncAppliedRows
  /** Rows not confirmed, ready to pass back to `sync.push`. */
  readonly pending: SyncPending
  readonly pendingRows: number
  /** 0-based index of the batch that failed (or that was next when the push was stopped). */
  readonly failedBatch: number
  readonly batches: number
  readonly total: number

  constructor(init: SyncErrorInit) {
    const reason = init.cause instanceof Error ? init.cause.message : String(init.cause)
    super(
      `Sync stopped at batch ${init.failedBatch + 1} of ${init.batches}: ${init.applied.rows} of ${init.total} rows applied, ${init.pendingRows} pending (pass error.pending to sync.push to resume). Cause: ${reason}`,
      { cause: init.cause },
    )
    this.applied = init.applied
    this.pending = init.pending
    this.pendingRows = init.pendingRows
    this.failedBatch = init.failedBatch
    this.batches = init.batches
    this.total = init.total
  }

  /** Counts only: row contents may be personal data and never belong in logs. */
  override toJSON(): ErrorJson {
    const cause = this.cause
    return {
      name: this.name,
      message: this.message,
      failedBatch: this.failedBatch,
      batches: this.batches,
      total: this.total,
      appliedRows: this.applied.rows,
      pendingRows: this.pendingRows,
      cause: cause instanceof SdkError ? cause.toJSON() : cause instanceof Error ? cause.name : undefined,
    }
  }
}
