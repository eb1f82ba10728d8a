import { type ApiPromise, parseBody, parseInput, type RequestOptions } from '@x/core'
import * as z from 'zod/mini'
import {
  type EraseParams,
  EraseParamsSchema,
  type EraseResult,
  EraseResultSchema,
  SyncBatchResultSchema,
  type SyncChangeSet,
  SyncChangeSetSchema,
} from '../schemas/sync'
import { SYNC_BATCH_LIMIT } from '../sync/plan'
import { pushChanges, type SyncPushOptions, type SyncPushResult } from '../sync/push'
import { APIResource } from './resource'

// Optional rather than z._default: the default is applied below, so bundles skip zod's default machinery.
const BatchSizeSchema = z.optional(
  z
    .int()
    .check(
      z.minimum(1, 'must be at least 1'),
      z.maximum(SYNC_BATCH_LIMIT, `must be at most ${SYNC_BATCH_LIMIT}`),
    ),
)

/** `/v1/sync`: batched upsert/delete across tables (desktop sync) and the GDPR erasure. */
export class Sync extends APIResource {
  /**
   * Pushes a change set of any size in batches of at most 500 rows, in order, within the strict rate
   * tier. Batches are idempotent (rows carry their ids), so transient failures are retried; when a
   * batch still fails, a SyncError says exactly which rows were applied and which are pending.
   */
  async push(changes: SyncChangeSet, given?: SyncPushOptions): Promise<SyncPushResult> {
    const checked = parseBody(SyncChangeSetSchema, changes, 'sync.push') as SyncChangeSet
    const options = given ?? {}
    const batchSize =
      parseInput(BatchSizeSchema, options.batchSize, 'sync.push', 'options.batchSize') ?? SYNC_BATCH_LIMIT
    return pushChanges(
      async (batch, requestOptions) =>
        (await this.transport.request({
          method: 'POST',
          path: '/sync',
          body: { upserts: batch.upserts, deletes: batch.deletes },
          tier: 'strict',
          idempotent: true,
          schema: SyncBatchResultSchema,
          options: requestOptions,
        })) ?? {},
      checked,
      { ...options, batchSize },
    )
  }

  /**
   * Erases everything the account synced (`DELETE /v1/sync`, GDPR Article 17). Cannot be undone, so it
   * requires `{ confirm: true }` and throws before any request without it; never retried once sent.
   */
  eraseAll(params: EraseParams, options?: RequestOptions): ApiPromise<EraseResult> {
    return this.call(() => {
      parseInput(EraseParamsSchema, params, 'sync.eraseAll')
      return this.transport.request({
        method: 'DELETE',
        path: '/sync',
        tier: 'strict',
        idempotent: false,
        schema: EraseResultSchema,
        options,
      })
    })
  }
}
