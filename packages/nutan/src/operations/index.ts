// Every operation table, by the client property its methods live on: the one list that the client, the
// agent's rules and tools and the table-wide tests read.
import { ACTION_ITEM_OPERATIONS } from './action-items'
import { CONTACT_OPERATIONS } from './contacts'
import { DEAL_OPERATIONS } from './deals'
import { MEETING_OPERATIONS } from './meetings'
import type { Methods } from './methods'
import type { OperationTable } from './operation'
import { SYNC_OPERATIONS } from './sync'
import { USAGE_OPERATIONS } from './usage'

/** The operation tables by client property (`nutan.deals`, `nutan.sync`, ...). */
export const NUTAN_OPERATION_TABLES = {
  contacts: CONTACT_OPERATIONS,
  deals: DEAL_OPERATIONS,
  meetings: MEETING_OPERATIONS,
  actionItems: ACTION_ITEM_OPERATIONS,
  sync: SYNC_OPERATIONS,
  usage: USAGE_OPERATIONS,
} satisfies Record<string, OperationTable>

/** The operation tables' type, by client property. */
export type NutanOperationTables = typeof NUTAN_OPERATION_TABLES

/** `nutan.contacts`: list, create, update and soft-delete contacts. */
export type Contacts = Methods<typeof CONTACT_OPERATIONS>
/** `nutan.deals`: list, create, update and soft-delete deals; a deal's signals and objections. */
export type Deals = Methods<typeof DEAL_OPERATIONS>
/** `nutan.meetings`: list, create and delete meeting records; list and add participants. */
export type Meetings = Methods<typeof MEETING_OPERATIONS>
/** `nutan.actionItems`: list, create, update and delete action items. */
export type ActionItems = Methods<typeof ACTION_ITEM_OPERATIONS>
/** `nutan.sync`: batched upsert/delete across tables, and the GDPR erasure. */
export type Sync = Methods<typeof SYNC_OPERATIONS>
/** `nutan.usage`: usage metering. */
export type Usage = Methods<typeof USAGE_OPERATIONS>
