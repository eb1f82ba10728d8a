export type { NutanAuthOptions } from './auth/options'
export { DEFAULT_TOKEN_PATH } from './auth/options'
export type { NutanTokens } from './auth/token-endpoint'
export {
  DEFAULT_BASE_URL,
  type ExchangeCodeParams,
  NutanClient,
  type NutanClientOptions,
  type NutanConnectionOptions,
} from './client'
export {
  type ActionItems,
  type Contacts,
  type Deals,
  type Meetings,
  NUTAN_OPERATION_TABLES,
  type NutanOperationTables,
  type Sync,
  type Usage,
} from './operations'
export type { MethodOf, Methods } from './operations/methods'
export type { ListParams } from './operations/offset-list'
export type { Operation, OperationKit, Returns } from './operations/operation'
export {
  createNutanLimiters,
  GLOBAL_REQUESTS_PER_MINUTE,
  type NutanRateLimits,
  STRICT_REQUESTS_PER_MINUTE,
} from './rate-limits'
export * from './schemas'
export { ExchangeCodeParamsSchema } from './schemas/auth'
export {
  appliedRows,
  mergeSyncBatches,
  planSyncBatches,
  SYNC_BATCH_LIMIT,
  type SyncAppliedRows,
  type SyncBatch,
  type SyncPending,
} from './sync/plan'
export type { SyncProgress, SyncPushOptions, SyncPushResult } from './sync/push'
export { SyncError, type SyncErrorInit } from './sync/sync-error'
export type { AccessTokenProvider } from './tokens'
