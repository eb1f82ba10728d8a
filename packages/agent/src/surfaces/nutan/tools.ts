import {
  ActionItemCreateSchema,
  ActionItemListParamsSchema,
  ActionItemUpdateSchema,
  ContactCreateSchema,
  ContactListParamsSchema,
  ContactUpdateSchema,
  DealCreateSchema,
  DealListParamsSchema,
  DealUpdateSchema,
  EraseParamsSchema,
  MeetingCreateSchema,
  MeetingListParamsSchema,
  PagingParamsSchema,
  ParticipantCreateSchema,
  SyncChangeSetSchema,
  UsageRecordParamsSchema,
} from '@x/nutan'
import * as z from 'zod/mini'
import { idTool, inputTool } from '../../tools/build'
import type { ToolSpec } from '../../tools/tool-spec'

const paging = 'Returns one page (`limit` records from `offset`) and whether more follow.'
const params = z.optional(PagingParamsSchema)

/** The Nutan methods offered to an LLM as tools. */
export const nutanTools: readonly ToolSpec[] = [
  inputTool(
    'contacts',
    'list',
    `List Nutan contacts (filter by \`q\`, \`company\`, \`email\`). ${paging}`,
    ContactListParamsSchema,
  ),
  inputTool('contacts', 'create', 'Create a Nutan contact.', ContactCreateSchema),
  idTool('contacts', 'update', 'Change fields of a Nutan contact.', { changes: ContactUpdateSchema }),
  idTool('contacts', 'delete', 'Delete a Nutan contact.'),
  inputTool(
    'deals',
    'list',
    `List Nutan deals (filter by \`stage\`, \`status\`). ${paging}`,
    DealListParamsSchema,
  ),
  inputTool('deals', 'create', 'Create a Nutan deal.', DealCreateSchema),
  idTool('deals', 'update', 'Change fields of a Nutan deal (a status of won or lost closes it).', {
    changes: DealUpdateSchema,
  }),
  idTool('deals', 'delete', 'Delete a Nutan deal.'),
  idTool('deals', 'signals', `List the buying, risk and other signals detected in a Nutan deal. ${paging}`, {
    params,
  }),
  idTool('deals', 'objections', `List the objections raised in a Nutan deal. ${paging}`, { params }),
  inputTool(
    'meetings',
    'list',
    `List Nutan meetings (filter by \`deal_id\`). ${paging}`,
    MeetingListParamsSchema,
  ),
  inputTool('meetings', 'create', 'Create a Nutan meeting record.', MeetingCreateSchema),
  idTool('meetings', 'delete', 'Delete a Nutan meeting record.'),
  idTool('meetings', 'participants', `List a Nutan meeting's participants. ${paging}`, { params }),
  idTool('meetings', 'addParticipant', 'Add a participant to a Nutan meeting.', {
    participant: ParticipantCreateSchema,
  }),
  inputTool(
    'actionItems',
    'list',
    `List Nutan action items (filter by \`status\`, \`meeting_id\`, \`deal_id\`). ${paging}`,
    ActionItemListParamsSchema,
  ),
  inputTool('actionItems', 'create', 'Create a Nutan action item.', ActionItemCreateSchema),
  idTool('actionItems', 'update', 'Change fields of a Nutan action item (e.g. status "done").', {
    changes: ActionItemUpdateSchema,
  }),
  idTool('actionItems', 'delete', 'Delete a Nutan action item.'),
  inputTool(
    'sync',
    'push',
    'Upsert rows (each with its `id`) and delete ids, by table, in Nutan.',
    SyncChangeSetSchema,
  ),
  inputTool(
    'sync',
    'eraseAll',
    'Erase everything the Nutan account synced. Irreversible; needs {"confirm": true}.',
    EraseParamsSchema,
  ),
  inputTool('usage', 'record', 'Record model tokens used by a feature in Nutan.', UsageRecordParamsSchema),
]
