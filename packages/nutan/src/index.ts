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
  createNutanLimiters,
  GLOBAL_REQUESTS_PER_MINUTE,
  type NutanRateLimits,
  STRICT_REQUESTS_PER_MINUTE,
} from './rate-limits'
export type { ActionItems } from './resources/action-items'
export type { Contacts } from './resources/contacts'
export type { Deals } from './resources/deals'
export type { Meetings } from './resources/meetings'
export type { ListParams } from './resources/offset-list'
export type { Sync } from './resources/sync'
export type { Usage } from './resources/usage'
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
