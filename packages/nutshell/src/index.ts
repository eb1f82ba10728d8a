// The core's errors, hooks, paging and per-call options, the same list `@x/nutan` re-exports (same
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
export { NUTSHELL_BASE_URL, NutshellClient, type NutshellClientOptions } from './client'
export { OPERATION_TABLES, type OperationTables } from './operations'
export {
  ACCOUNT_SORT_FIELDS,
  type AccountFilter,
  type AccountFilterKey,
  type AccountListParams,
  AccountListParamsSchema,
  type AccountSortField,
} from './operations/accounts'
export {
  type ActivityFilterKey,
  type ActivityListParams,
  ActivityListParamsSchema,
} from './operations/activities'
export { DEFAULT_LIMIT, type OperationContext, type UpdateOptions } from './operations/bind'
export type { UpdateInput } from './operations/common'
export {
  CONTACT_SORT_FIELDS,
  type ContactFilter,
  type ContactFilterKey,
  type ContactListParams,
  ContactListParamsSchema,
  type ContactSortField,
} from './operations/contacts'
export { type EventListParams, EventListParamsSchema } from './operations/events'
export type { ReadFallback, ReadRequest } from './operations/fallback'
export type { Ids } from './operations/ids'
export {
  LEAD_SORT_FIELDS,
  type LeadFilter,
  type LeadFilterKey,
  type LeadListParams,
  LeadListParamsSchema,
  type LeadSortField,
} from './operations/leads'
export type { GetMethod, IdArg, MethodOf, Methods, PatchMethod } from './operations/methods'
export { type NoteListParams, NoteListParamsSchema } from './operations/notes'
export type { Operation, OperationKit, OperationTable, Paging, Returns } from './operations/operation'
export {
  PRODUCT_SORT_FIELDS,
  type ProductListParams,
  ProductListParamsSchema,
  type ProductSortField,
} from './operations/products'
export { RecordPromise, type RecordResult } from './operations/record-promise'
export {
  type SourceCreateInput,
  SourceCreateInputSchema,
  type SourceListParams,
  SourceListParamsSchema,
} from './operations/sources'
export { type TagListParams, TagListParamsSchema } from './operations/tags'
export {
  type TaskFilterKey,
  type TaskListParams,
  TaskListParamsSchema,
} from './operations/tasks'
export {
  type DiffPatchOptions,
  diffPatch,
  type LinkChange,
  normalizeOperations,
  type PatchOperation,
  patchFromChanges,
  type RecordChanges,
  recordPath,
} from './patch'
export * from './query'
export type { RefetchResult } from './refetch'
export { RelatedRecords, related } from './related'
// JSON-RPC values (RpcClient, schemas, mappers) live at '@x/nutshell/rpc' so the REST bundle stays small.
export type * from './rpc'
export * from './schemas'
export { LEAD_CLOSE_FIELDS } from './schemas/lead-close-fields'
export {
  parseWebhook,
  REFETCHABLE_TYPES,
  type RefetchableType,
  type WebhookBatch,
  type WebhookEvent,
} from './webhooks'
