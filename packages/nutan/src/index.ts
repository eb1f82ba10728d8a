// The core's errors, hooks, paging and per-call options, the same list `@x/nutshell` re-exports (same
// bindings, so importing both packages never clashes), plus the limiter factory of the `limiter` option.
export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createRateLimiter,
  type ErrorDetail,
  type ErrorEvent,
  extraFields,
  fieldsOf,
  type Hooks,
  InputValidationError,
  type Limiter,
  type LimiterFallbackEvent,
  LimiterUnavailableError,
  NotFoundError,
  type NoticeEvent,
  Page,
  PagePromise,
  PermissionDeniedError,
  RateLimitError,
  type RateLimitSnapshot,
  type RequestEvent,
  type RequestOptions,
  type ResponseEvent,
  type ResponseMeta as HttpResponseMeta,
  ResponseValidationError,
  type RetryEvent,
  SdkError,
  ServerError,
  TimeoutError,
  type ValidationMode,
} from '@x/core'
export type { NutanAuthOptions } from './auth/options'
export { DEFAULT_TOKEN_PATH } from './auth/options'
export type { NutanTokens } from './auth/token-endpoint'
export {
  type ExchangeCodeParams,
  NUTAN_BASE_URL,
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
// Named for Nutan: `@x/nutshell` exports its own `MethodOf`, `Methods`, `Operation`, ...
export type { MethodOf as NutanMethodOf, Methods as NutanMethods } from './operations/methods'
export type { ListParams } from './operations/offset-list'
export type {
  Operation as NutanOperation,
  OperationKit as NutanOperationKit,
  Returns as NutanReturns,
} from './operations/operation'
export {
  createNutanLimiters,
  GLOBAL_REQUESTS_PER_MINUTE,
  type NutanLimiterOption,
  type NutanTierBudget,
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
export {
  type SyncProgress,
  type SyncPushOptions,
  SyncPushPromise,
  type SyncPushResult,
  type SyncPushWithResponse,
} from './sync/push'
export { SyncError, type SyncErrorInit } from './sync/sync-error'
export type { AccessTokenProvider } from './tokens'
