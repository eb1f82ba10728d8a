import { AbortError, type RequestOptions, type ResponseMeta } from '@x/core'
import type { SyncBatchResult, SyncChangeSetInput } from '../schemas/sync'
import { appliedRows, mergeSyncBatches, planSyncBatches, SYNC_BATCH_LIMIT, type SyncBatch } from './plan'
import { SyncError } from './sync-error'

/** Progress of a push, reported after each batch the server confirmed. */
export interface SyncProgress {
  /** Rows confirmed so far. */
  done: number
  /** Rows in the whole change set. */
  total: number
  /** Batches confirmed so far (1-based number of the batch just done). */
  batch: number
  batches: number
}

/** Options of `sync.push`: per-request options plus progress and batch size. */
export interface SyncPushOptions extends RequestOptions {
  /** Called after every confirmed batch; throwing stops the push with a SyncError. */
  onProgress?: (progress: SyncProgress) => void
  /** Rows per request, at most 500 (the API's limit). */
  batchSize?: number
}

/** The outcome of a complete push. */
export interface SyncPushResult {
  /** Rows sent (upserts + deletes). */
  rows: number
  /** Sums of the server's `upserted` and `deleted` counts. */
  upserted: number
  deleted: number
  batches: number
  /** The server's `synced_at` of the last batch. */
  syncedAt: string | undefined
  /** Each batch's answer, in order. */
  results: SyncBatchResult[]
}

/** Sends one batch; the resource supplies it (strict tier, idempotent). */
export type SendBatch = (batch: SyncBatch, options: RequestOptions) => Promise<SyncBatchResult>

function stopAt(batches: SyncBatch[], index: number, total: number, cause: unknown): SyncError {
  const rest = batches.slice(index)
  return new SyncError({
    applied: appliedRows(batches.slice(0, index)),
    pending: mergeSyncBatches(rest),
    pendingRows: rest.reduce((n, b) => n + b.rows, 0),
    failedBatch: index,
    batches: batches.length,
    total,
    cause,
  })
}

/** Pushes a change set batch by batch, in order, reporting progress; stops with an exact SyncError. */
export async function pushChanges(
  send: SendBatch,
  changes: SyncChangeSetInput,
  options: SyncPushOptions = {},
): Promise<SyncPushResult> {
  const { onProgress, batchSize = SYNC_BATCH_LIMIT, ...requestOptions } = options
  const batches = planSyncBatches(changes, batchSize)
  const total = batches.reduce((n, b) => n + b.rows, 0)
  const results: SyncBatchResult[] = []
  let done = 0
  for (const [index, batch] of batches.entries()) {
    try {
      if (requestOptions.signal?.aborted) throw new AbortError('The sync push was aborted')
      results.push(await send(batch, requestOptions))
    } catch (cause) {
      throw stopAt(batches, index, total, cause)
    }
    done += batch.rows
    try {
      onProgress?.({ done, total, batch: index + 1, batches: batches.length })
    } catch (cause) {
      throw stopAt(batches, index + 1, total, cause)
    }
  }
  return {
    rows: total,
    upserted: results.reduce((n, r) => n + (r.upserted ?? 0), 0),
    deleted: results.reduce((n, r) => n + (r.deleted ?? 0), 0),
    batches: batches.length,
    syncedAt: results.at(-1)?.synced_at ?? undefined,
    results,
  }
}

/**
 * `sync.push(...).withResponse()`: the push's result with the HTTP response of its last batch (`undefined`
 * when the change set was empty and nothing was sent) and every batch's response, in order. A push of
 * many batches has no single response: the last one carries the freshest rate-limit snapshot.
 */
export interface SyncPushWithResponse {
  data: SyncPushResult
  /** The last batch's response; `undefined` when nothing was sent. */
  response: ResponseMeta | undefined
  /** Every batch's response, in the order sent. */
  responses: ResponseMeta[]
}

/** What `sync.push` returns: a promise of the result that also exposes the responses (`.withResponse()`). */
export class SyncPushPromise implements PromiseLike<SyncPushResult> {
  readonly #full: Promise<SyncPushWithResponse>

  constructor(full: Promise<SyncPushWithResponse>) {
    this.#full = full
  }

  /** The result together with the last batch's response (and every batch's). */
  withResponse(): Promise<SyncPushWithResponse> {
    return this.#full
  }

  // biome-ignore lint/suspicious/noThenProperty: this class is a thenable by design
  then<A = SyncPushResult, B = never>(
    onfulfilled?: ((value: SyncPushResult) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#full.then((r) => r.data).then(onfulfilled, onrejected)
  }

  catch<B = never>(
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<SyncPushResult | B> {
    return this.then(undefined, onrejected)
  }

  finally(onfinally?: (() => void) | null): Promise<SyncPushResult> {
    return this.then().finally(onfinally)
  }

  get [Symbol.toStringTag](): string {
    return 'SyncPushPromise'
  }
}
