import * as z from 'zod/mini'
import {
  CustomFieldCreateInputSchema,
  CustomFieldsResponseSchema,
  FullCustomFieldsResponseSchema,
} from '../schemas/custom-field'
import { ListFilterSchema, ListItemsResponseSchema } from '../schemas/list-items'
import { FieldsResponseSchema } from '../schemas/list-view'
import { operation } from './operation'

/** Fields `GET /accounts/list` sorts by (prefix `-` for descending), as the document lists them. */
export const ACCOUNT_LIST_SORT_FIELDS = [
  '-accountType',
  '-createdTime',
  '-industry',
  '-lastContactedTime',
  '-name',
  '-numberOfContacts',
  '-owner',
  '-phone',
  '-postalCode',
  '-territory',
  'accountType',
  'createdTime',
  'industry',
  'lastContactedTime',
  'name',
  'numberOfContacts',
  'owner',
  'phone',
  'postalCode',
  'territory',
] as const

/** The query of `GET /accounts/list`. */
const AccountListViewInputSchema = z.strictObject({
  /** `filter[key]=value`; the keys are the filterable fields of `listFields()`. */
  filter: z.optional(ListFilterSchema),
  /** Search every related field for this term. */
  q: z.optional(z.string()),
  sort: z.optional(z.array(z.enum(ACCOUNT_LIST_SORT_FIELDS))),
})

/** Operations on accounts beside the hand-written AccountsResource (filled from Nutshell's OpenAPI document). */
export const ACCOUNT_OPERATIONS = {
  customFields: operation({
    method: 'GET',
    path: '/accounts/{id}/customfields',
    answer: FullCustomFieldsResponseSchema,
    returns: { kind: 'list', key: 'customFields', paged: false },
    effect: 'read',
    description: "Lists an account's custom fields with their values.",
  }),
  customFieldAttributes: operation({
    method: 'GET',
    path: '/accounts/customfields/attributes',
    answer: CustomFieldsResponseSchema,
    returns: { kind: 'list', key: 'customFields', paged: false },
    effect: 'read',
    description: 'Lists the custom fields any account can have.',
  }),
  createCustomField: operation({
    method: 'POST',
    path: '/accounts/customfield',
    input: CustomFieldCreateInputSchema,
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'create',
    description: 'Creates a custom field for accounts.',
  }),
  listView: operation({
    method: 'GET',
    path: '/accounts/list',
    input: AccountListViewInputSchema,
    answer: ListItemsResponseSchema,
    returns: { kind: 'list', key: 'listItems', paged: false },
    effect: 'read',
    description: 'Lists accounts as list items (display and filter fields), filtered, searched and sorted.',
    repeatQueryKeys: ['sort'],
  }),
  listFields: operation({
    method: 'GET',
    path: '/accounts/list/fields',
    answer: FieldsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Lists the fields accounts can be shown, filtered and sorted by.',
  }),
}
