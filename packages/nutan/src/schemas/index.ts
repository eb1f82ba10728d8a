export {
  ACTION_ITEM_STATUSES,
  type ActionItem,
  type ActionItemCreateInput,
  ActionItemCreateInputSchema,
  type ActionItemListParams,
  ActionItemListParamsSchema,
  ActionItemSchema,
  type ActionItemStatus,
  ActionItemStatusSchema,
  type ActionItemUpdateInput,
  ActionItemUpdateInputSchema,
} from './action-item'
export { type TokenResponse, TokenResponseSchema } from './auth'
export {
  IdInputSchema,
  IdSchema,
  type ListEnvelope,
  listEnvelope,
  MAX_LIST_LIMIT,
  type PagingParams,
  PagingParamsSchema,
  TimeInputSchema,
  TimestampSchema,
} from './common'
export {
  type NutanContact,
  type NutanContactCreateInput,
  NutanContactCreateInputSchema,
  type NutanContactListParams,
  NutanContactListParamsSchema,
  NutanContactSchema,
  type NutanContactUpdateInput,
  NutanContactUpdateInputSchema,
} from './contact'
export {
  DEAL_STAGES,
  DEAL_STATUSES,
  type Deal,
  type DealCreateInput,
  DealCreateInputSchema,
  type DealListParams,
  DealListParamsSchema,
  DealSchema,
  type DealStage,
  DealStageSchema,
  type DealStatus,
  DealStatusSchema,
  type DealUpdateInput,
  DealUpdateInputSchema,
} from './deal'
export {
  type Meeting,
  type MeetingCreateInput,
  MeetingCreateInputSchema,
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
  type ParticipantCreateInput,
  ParticipantCreateInputSchema,
  ParticipantSchema,
} from './participant'
export { SIGNAL_TYPES, type Signal, SignalSchema, type SignalType, SignalTypeSchema } from './signal'
export {
  type EraseInput,
  EraseInputSchema,
  type EraseResult,
  EraseResultSchema,
  SYNC_TABLES,
  type SyncBatchResult,
  SyncBatchResultSchema,
  type SyncChangeSetInput,
  SyncChangeSetInputSchema,
  type SyncRow,
  SyncRowSchema,
  type SyncTable,
  SyncTableSchema,
  type SyncTables,
} from './sync'
export { type UsageRecord, type UsageRecordInput, UsageRecordInputSchema, UsageRecordSchema } from './usage'
