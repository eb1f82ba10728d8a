export {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  type ErrorDetail,
  type ErrorEvent,
  type Hooks,
  InputValidationError,
  NotFoundError,
  type NoticeEvent,
  Page,
  PagePromise,
  PermissionDeniedError,
  RateLimitError,
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
export { DEFAULT_BASE_URL, NutshellClient, type NutshellClientOptions } from './client'
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
export {
  ACCOUNT_SORT_FIELDS,
  type AccountFilter,
  type AccountFilterKey,
  type AccountListParams,
  AccountListParamsSchema,
  type AccountSortField,
  AccountsResource,
} from './resources/accounts'
export {
  ActivitiesResource,
  type ActivityFilterKey,
  type ActivityListParams,
  ActivityListParamsSchema,
} from './resources/activities'
export {
  CONTACT_SORT_FIELDS,
  type ContactFilter,
  type ContactFilterKey,
  type ContactListParams,
  ContactListParamsSchema,
  type ContactSortField,
  ContactsResource,
} from './resources/contacts'
export type { ReadFallback, ReadRequest, ResourceContext } from './resources/context'
export { type EventListParams, EventListParamsSchema, EventsResource } from './resources/events'
export {
  LEAD_SORT_FIELDS,
  type LeadFilter,
  type LeadFilterKey,
  type LeadListParams,
  LeadListParamsSchema,
  type LeadSortField,
  LeadsResource,
} from './resources/leads'
export { type NoteListParams, NoteListParamsSchema, NotesResource } from './resources/notes'
export { OutcomesResource } from './resources/outcomes'
export { PipelinesResource } from './resources/pipelines'
export {
  PRODUCT_SORT_FIELDS,
  type ProductListParams,
  ProductListParamsSchema,
  type ProductSortField,
  ProductsResource,
} from './resources/products'
export { RecordPromise, type RecordResult } from './resources/record-promise'
export { DEFAULT_LIMIT, type Ids } from './resources/rest'
export {
  type SourceCreateInput,
  SourceCreateInputSchema,
  type SourceListParams,
  SourceListParamsSchema,
  SourcesResource,
} from './resources/sources'
export { StagesResource } from './resources/stages'
export { type TagListParams, TagListParamsSchema, TagsResource } from './resources/tags'
export {
  type TaskFilterKey,
  type TaskListParams,
  TaskListParamsSchema,
  TasksResource,
} from './resources/tasks'
export type { UpdateInput, UpdateOptions } from './resources/update'
export { UsersResource } from './resources/users'
// JSON-RPC values (RpcClient, schemas, mappers) live at '@x/nutshell/rpc' so the REST bundle stays small.
export type * from './rpc'
export * from './schemas'
export {
  parseWebhook,
  REFETCHABLE_TYPES,
  type RefetchableType,
  type WebhookBatch,
  type WebhookEvent,
} from './webhooks'
