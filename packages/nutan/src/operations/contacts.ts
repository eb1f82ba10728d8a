import {
  NutanContactCreateInputSchema,
  NutanContactListParamsSchema,
  NutanContactSchema,
  NutanContactUpdateInputSchema,
} from '../schemas/contact'
import { createRecord, deleteRecord, listRecords, updateRecord } from './common'

/** `/v1/contacts`: list, create, update and soft-delete contacts. */
export const CONTACT_OPERATIONS = {
  list: listRecords({
    path: '/contacts',
    input: NutanContactListParamsSchema,
    item: NutanContactSchema,
    description:
      'Lists contacts (`q`, `company`, `email` filters): a page (`await`) or every contact (`for await`).',
  }),
  create: createRecord({
    path: '/contacts',
    input: NutanContactCreateInputSchema,
    record: NutanContactSchema,
    noun: 'contact',
  }),
  update: updateRecord({
    path: '/contacts/{id}',
    input: NutanContactUpdateInputSchema,
    record: NutanContactSchema,
    noun: 'contact',
  }),
  delete: deleteRecord({
    path: '/contacts/{id}',
    description: 'Soft-deletes a contact (the server keeps it with `deleted_at` set).',
  }),
}
