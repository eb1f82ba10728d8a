export {
  ACTION_ITEM_STATUSES,
  type ActionItem,
  type ActionItemCreateParams,
  ActionItemCreateSchema,
  type ActionItemListParams,
  ActionItemListParamsSchema,
  ActionItemSchema,
  type ActionItemStatus,
  ActionItemStatusSchema,
  type ActionItemUpdateParams,
  ActionItemUpdateSchema,
} from './action-item'
export { type TokenResponse, TokenResponseSchema } from './auth'
export {
  IdInputSchema,
  IdSchema,
  type ListEnvelope,
  listEnvelope,
  type PagingParams,
  PagingParamsSchema,
  TimeInputSchema,
  TimestampSchema,
} from './common'
export {
  type Contact,
  type ContactCreateParams,
  ContactCreateSchema,
  type ContactListParams,
  ContactListParamsSchema,
  ContactSchema,
  type ContactUpdateParams,
  ContactUpdateSchema,
} from './contact'
export {
  DEAL_STAGES,
  DEAL_STATUSES,
  type Deal,
  type DealCreateParams,
  DealCreateSchema,
  type DealListParams,
  DealListParamsSchema,
  DealSchema,
  type DealStage,
  DealStageSchema,
  type DealStatus,
  DealStatusSchema,
  type DealUpdateParams,
  DealUpdateSchema,
} from './deal'
export {
  type Meeting,
  type MeetingCreateParams,
  MeetingCreateSchema,
  type MeetingListParams,
  MeetingListParamsSchema,
  MeetingSchema,
} from './meeting'
export {
  OBJECTION_STATUSES,
  type Objection,
  ObjectionSchema,
  type ObjectionStatus,
  ObjectionStatusSchema,
} from './objection'
export {
  type Participant,
  type ParticipantCreateParams,
  ParticipantCreateSchema,
  ParticipantSchema,
} from './participant'
export { SIGNAL_TYPES, type Signal, SignalSchema, type SignalType, SignalTypeSchema } from './signal'
export {
  type EraseParams,
  EraseParamsSchema,
  type EraseResult,
  EraseResultSchema,
  SYNC_TABLES,
  type SyncBatchResult,
  SyncBatchResultSchema,
  type SyncChangeSet,
  SyncChangeSetSchema,
  type SyncRow,
  SyncRowSchema,
  type SyncTable,
  SyncTableSchema,
  type SyncTables,
} from './sync'
export { type UsageRecord, type UsageRecordParams, UsageRecordParamsSchema, UsageRecordSchema } from './usage'
