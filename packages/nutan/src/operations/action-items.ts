import {
  ActionItemCreateInputSchema,
  ActionItemListParamsSchema,
  ActionItemSchema,
  ActionItemUpdateInputSchema,
} from '../schemas/action-item'
import { createRecord, deleteRecord, listRecords, updateRecord } from './common'

/** `/v1/action-items`: list, create, update and delete action items. */
export const ACTION_ITEM_OPERATIONS = {
  list: listRecords({
    path: '/action-items',
    input: ActionItemListParamsSchema,
    item: ActionItemSchema,
    description: 'Lists action items (`status`, `meeting_id`, `deal_id` filters).',
  }),
  create: createRecord({
    path: '/action-items',
    input: ActionItemCreateInputSchema,
    record: ActionItemSchema,
    noun: 'action item',
  }),
  update: updateRecord({
    path: '/action-items/{id}',
    input: ActionItemUpdateInputSchema,
    record: ActionItemSchema,
    noun: 'action item',
  }),
  delete: deleteRecord({ path: '/action-items/{id}', description: 'Deletes an action item.' }),
}
