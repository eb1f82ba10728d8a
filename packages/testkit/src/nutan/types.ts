import type { Table } from './table'

// Record shapes follow packages/nutan/INFERRED-API.md (snake_case, string ids, ISO 8601 times).

export interface NutanContact {
  id: string
  name: string
  email: string | null
  phone: string | null
  company: string | null
  title: string | null
  notes: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface NutanDeal {
  id: string
  name: string
  stage: string
  status: string
  value: number | null
  currency: string | null
  contact_id: string | null
  company: string | null
  close_date: string | null
  probability: number | null
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface NutanMeeting {
  id: string
  title: string
  started_at: string
  ended_at: string | null
  duration_seconds: number | null
  summary: string | null
  deal_id: string | null
  created_at: string
}

export interface NutanParticipant {
  id: string
  meeting_id: string
  name: string
  email: string | null
  role: string | null
  is_internal: boolean
  talk_time_seconds: number | null
}

export interface NutanActionItem {
  id: string
  title: string
  meeting_id: string | null
  deal_id: string | null
  assignee: string | null
  due_date: string | null
  status: string
  created_at: string
  updated_at: string
}

export interface NutanSignal {
  id: string
  deal_id: string
  meeting_id: string | null
  type: string
  text: string
  confidence: number
  created_at: string
}

export interface NutanObjection {
  id: string
  deal_id: string
  meeting_id: string | null
  category: string
  text: string
  status: string
  created_at: string
}

export interface NutanUsageRecord {
  id: string
  model: string
  input_tokens: number
  output_tokens: number
  feature: string | null
  meeting_id: string | null
  recorded_at: string
}

/** The REST collections with full records (list, create and, but for meetings, update). */
export type NutanCollection = 'contacts' | 'deals' | 'meetings' | 'action_items'

/**
 * Fields a newer version of the API adds to the records of a collection, as its regenerated spec
 * may at any time: every record of that collection the simulator answers with carries them.
 */
export type NutanExtraFields = Partial<Record<NutanCollection, Record<string, unknown>>>

/** The tables `POST /v1/sync` accepts. */
export const NUTAN_SYNC_TABLES = [
  'contacts',
  'deals',
  'meetings',
  'participants',
  'action_items',
  'signals',
  'objections',
  'chats',
  'knowledge',
  'settings',
] as const
export type NutanSyncTable = (typeof NUTAN_SYNC_TABLES)[number]

/** A row as the desktop app pushed it: any fields, always an `id`. */
export type NutanSyncedRow = { id: string } & Record<string, unknown>

/** How many seed records of each top-level kind a state starts with. */
export interface NutanStateSize {
  contacts?: number
  deals?: number
  meetings?: number
}

export interface NutanRefreshTokenRecord {
  subject: string
  issuedAt: number
}

export interface NutanTokenState {
  /** HMAC key that signs access tokens (HS256). */
  secret: string
  /** Authorization codes that can still be exchanged (each works once). */
  authCodes: Set<string>
  /** Codes already exchanged: a second exchange is refused. */
  usedAuthCodes: Set<string>
  /** Refresh tokens that are currently valid. */
  refreshTokens: Map<string, NutanRefreshTokenRecord>
  /** Refresh tokens rotated out by a refresh: no longer valid. */
  rotatedRefreshTokens: Set<string>
  /** How many token pairs were issued (makes every token unique). */
  issued: number
}

/** A fixed 60 s window of one rate tier. */
export interface NutanRateWindow {
  start: number
  count: number
}

/** Everything the Nutan simulator knows: records, synced rows, usage, tokens, rate windows. */
export interface NutanState {
  seed: number
  size: Required<NutanStateSize>
  contacts: Table<NutanContact>
  deals: Table<NutanDeal>
  meetings: Table<NutanMeeting>
  participants: Table<NutanParticipant>
  actionItems: Table<NutanActionItem>
  signals: Table<NutanSignal>
  objections: Table<NutanObjection>
  synced: Record<NutanSyncTable, Map<string, NutanSyncedRow>>
  usage: NutanUsageRecord[]
  tokens: NutanTokenState
  rate: { global: NutanRateWindow | null; strict: NutanRateWindow | null }
  /** Next sequence number per id prefix, and a request counter for `x-request-id`. */
  counters: { ids: Record<string, number>; requests: number }
}
