import * as z from 'zod/mini'
import { CustomFieldCreateInputSchema, CustomFieldSchema } from '../schemas/custom-field'
import { ListFilterSchema, ListItemsResponseSchema } from '../schemas/list-items'
import { FieldsResponseSchema } from '../schemas/list-view'
import { operation } from './operation'

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
  customFields: operation({
    method: 'GET',
    path: '/contacts/{id}/customfields',
    answer: z.array(CustomFieldSchema),
    returns: { kind: 'list', paged: false },
    effect: 'read',
    description: "Lists a contact's custom fields.",
  }),
  customFieldAttributes: operation({
    method: 'GET',
    path: '/contacts/customfields/attributes',
    answer: z.array(CustomFieldSchema),
    returns: { kind: 'list', paged: false },
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
    returns: { kind: 'list', key: 'listItems', paged: false },
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
