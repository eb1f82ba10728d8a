import * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type SearchListInput } from '../query/list-params'
import { ContactCreateInputSchema, ContactSchema, ContactsResponseSchema } from '../schemas/contact'
import { CustomFieldCreateInputSchema, CustomFieldSchema } from '../schemas/custom-field'
import { ListFilterSchema, ListItemsResponseSchema } from '../schemas/list-items'
import { FieldsResponseSchema } from '../schemas/list-view'
import { deleteRecord, getRecords, patchRecord, recordAnswer, undeleteRecord } from './common'
import { encodeSearch } from './list-query'
import { operation } from './operation'

/** Fields `GET /contacts` sorts by (prefix `-` for descending). */
export const CONTACT_SORT_FIELDS = [
  'accountType',
  'accounts',
  'createdTime',
  'email',
  'industry',
  'lastContactedTime',
  'name',
  'owner',
  'phone',
  'postalCode',
  'territory',
] as const
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number]

/** Filter keys commonly used on contacts (`GET /contacts/list/fields` lists every valid key). */
export type ContactFilterKey =
  | 'owner'
  | 'tags'
  | 'accounts'
  | 'territory'
  | 'address'
  | 'name'
  | 'email'
  | 'phone'
  | 'createdTime'
  | 'lastContactedTime'

/** Parameters of `contacts.list()`; `email` finds the people with that address. */
export type ContactListParams = SearchListInput<ContactFilterKey, ContactSortField> & { email?: string }
export type ContactFilter = Filter<ContactFilterKey>

/** The parameters `contacts.list()` accepts (exported for tools and agents that describe them). */
export const ContactListParamsSchema = listParamsSchema({
  sort: CONTACT_SORT_FIELDS,
  filter: true,
  q: true,
  email: true,
}) as unknown as z.ZodMiniType<ContactListParams>

const CONTACT_ANSWER = recordAnswer(ContactsResponseSchema, ContactSchema)

/** Fields `GET /contacts/list` sorts by (prefix `-` for descending), as the document lists them. */
export const CONTACT_LIST_SORT_FIELDS = [
  '-accountType',
  '-accounts',
  '-createdTime',
  '-industry',
  '-lastContactedTime',
  '-owner',
  '-phone',
  '-postalCode',
  '-territory',
  'accountType',
  'accounts',
  'createdTime',
  'industry',
  'lastContactedTime',
  'owner',
  'phone',
  'postalCode',
  'territory',
] as const

/** The query of `GET /contacts/list`. */
const ContactListViewInputSchema = z.strictObject({
  /** `filter[key]=value`; the keys are the filterable fields of `listFields()`. */
  filter: z.optional(ListFilterSchema),
  /** Search every related field for this term. */
  q: z.optional(z.string()),
  sort: z.optional(z.array(z.enum(CONTACT_LIST_SORT_FIELDS))),
})

/** Operations on contacts beside the hand-written ContactsResource (filled from Nutshell's OpenAPI document). */
export const CONTACT_OPERATIONS = {
  list: operation({
    method: 'GET',
    path: '/contacts',
    input: ContactListParamsSchema,
    encode: encodeSearch(),
    answer: ContactsResponseSchema,
    returns: { kind: 'list', key: 'contacts', paging: 'page', fallback: 'contacts' },
    effect: 'read',
    description:
      'Lists contacts, filtered, searched or sorted: a page at a time (`await`) or every contact (`for await`).',
  }),
  get: getRecords({
    path: '/contacts/{id}',
    key: 'contacts',
    answer: ContactsResponseSchema,
    noun: 'contact',
    fallback: 'contacts',
  }),
  create: operation({
    method: 'POST',
    path: '/contacts',
    input: ContactCreateInputSchema,
    encode: (record: unknown) => ({ contacts: [record] }),
    answer: CONTACT_ANSWER,
    returns: { kind: 'record', key: 'contacts' },
    effect: 'create',
    description: 'Creates one contact; never resent after a server error.',
  }),
  update: patchRecord({ path: '/contacts/{id}', type: 'contacts', record: ContactSchema, noun: 'contact' }),
  delete: deleteRecord({ path: '/contacts/{id}', key: 'contacts', answer: CONTACT_ANSWER, noun: 'contact' }),
  undelete: undeleteRecord({
    path: '/contacts/{id}/undelete',
    key: 'contacts',
    answer: CONTACT_ANSWER,
    noun: 'contact',
  }),
  customFields: operation({
    method: 'GET',
    path: '/contacts/{id}/customfields',
    answer: z.array(CustomFieldSchema),
    returns: { kind: 'list', paging: 'none' },
    effect: 'read',
    description: "Lists a contact's custom fields.",
  }),
  customFieldAttributes: operation({
    method: 'GET',
    path: '/contacts/customfields/attributes',
    answer: z.array(CustomFieldSchema),
    returns: { kind: 'list', paging: 'none' },
    effect: 'read',
    description: 'Lists the custom fields any contact can have.',
  }),
  createCustomField: operation({
    method: 'POST',
    path: '/contacts/customfield',
    input: CustomFieldCreateInputSchema,
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'create',
    description: 'Creates a custom field for contacts.',
  }),
  listView: operation({
    method: 'GET',
    path: '/contacts/list',
    input: ContactListViewInputSchema,
    answer: ListItemsResponseSchema,
    returns: { kind: 'list', key: 'listItems', paging: 'none' },
    effect: 'read',
    description: 'Lists contacts as list items (display and filter fields), filtered, searched and sorted.',
    repeatQueryKeys: ['sort'],
  }),
  listFields: operation({
    method: 'GET',
    path: '/contacts/list/fields',
    answer: FieldsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Lists the fields contacts can be shown, filtered and sorted by.',
  }),
}
