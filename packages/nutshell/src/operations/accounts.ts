import * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { listParamsSchema, type SearchListInput } from '../query/list-params'
import { AccountCreateInputSchema, AccountSchema, AccountsResponseSchema } from '../schemas/account'
import {
  CustomFieldCreateInputSchema,
  CustomFieldsResponseSchema,
  FullCustomFieldsResponseSchema,
} from '../schemas/custom-field'
import { ListFilterSchema, ListItemsResponseSchema } from '../schemas/list-items'
import { FieldsResponseSchema } from '../schemas/list-view'
import { deleteRecord, getRecords, patchRecord, recordAnswer, undeleteRecord } from './common'
import { encodeSearch } from './list-query'
import { operation } from './operation'

/** Fields `GET /accounts` sorts by (prefix `-` for descending). */
export const ACCOUNT_SORT_FIELDS = [
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
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number]

/** Filter keys commonly used on accounts (`GET /accounts/list/fields` lists every valid key). */
export type AccountFilterKey =
  | 'owner'
  | 'tags'
  | 'contacts'
  | 'territory'
  | 'accountType'
  | 'industry'
  | 'address'
  | 'name'
  | 'email'
  | 'phone'
  | 'createdTime'
  | 'lastContactedTime'

/** Parameters of `accounts.list()`; `email` finds the companies with that address. */
export type AccountListParams = SearchListInput<AccountFilterKey, AccountSortField> & { email?: string }
export type AccountFilter = Filter<AccountFilterKey>

/** The parameters `accounts.list()` accepts (exported for tools and agents that describe them). */
export const AccountListParamsSchema = listParamsSchema({
  sort: ACCOUNT_SORT_FIELDS,
  filter: true,
  q: true,
  email: true,
}) as unknown as z.ZodMiniType<AccountListParams>

const ACCOUNT_ANSWER = recordAnswer(AccountsResponseSchema, AccountSchema)

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
  list: operation({
    method: 'GET',
    path: '/accounts',
    input: AccountListParamsSchema,
    encode: encodeSearch(),
    answer: AccountsResponseSchema,
    returns: { kind: 'list', key: 'accounts', paging: 'page', fallback: 'accounts' },
    effect: 'read',
    description:
      'Lists accounts, filtered, searched or sorted: a page at a time (`await`) or every account (`for await`).',
  }),
  get: getRecords({
    path: '/accounts/{id}',
    key: 'accounts',
    answer: AccountsResponseSchema,
    noun: 'account',
    fallback: 'accounts',
  }),
  create: operation({
    method: 'POST',
    path: '/accounts',
    input: AccountCreateInputSchema,
    encode: (record: unknown) => ({ accounts: [record] }),
    answer: ACCOUNT_ANSWER,
    returns: { kind: 'record', key: 'accounts' },
    effect: 'create',
    description: 'Creates one account; never resent after a server error.',
  }),
  update: patchRecord({ path: '/accounts/{id}', type: 'accounts', record: AccountSchema, noun: 'account' }),
  delete: deleteRecord({ path: '/accounts/{id}', key: 'accounts', answer: ACCOUNT_ANSWER, noun: 'account' }),
  undelete: undeleteRecord({
    path: '/accounts/{id}/undelete',
    key: 'accounts',
    answer: ACCOUNT_ANSWER,
    noun: 'account',
  }),
  customFields: operation({
    method: 'GET',
    path: '/accounts/{id}/customfields',
    answer: FullCustomFieldsResponseSchema,
    returns: { kind: 'list', key: 'customFields', paging: 'none' },
    effect: 'read',
    description: "Lists an account's custom fields with their values.",
  }),
  customFieldAttributes: operation({
    method: 'GET',
    path: '/accounts/customfields/attributes',
    answer: CustomFieldsResponseSchema,
    returns: { kind: 'list', key: 'customFields', paging: 'none' },
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
    returns: { kind: 'list', key: 'listItems', paging: 'none' },
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
