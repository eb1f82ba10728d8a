import type { Filter } from '../query/filter'
import { AccountCreateInputSchema, AccountSchema, AccountsResponseSchema } from '../schemas/account'
import { CustomFieldsResponseSchema, FullCustomFieldsResponseSchema } from '../schemas/custom-field'
import {
  type DirectoryFilterKey,
  type DirectoryListParams,
  directoryListParamsSchema,
  directoryViews,
  recordCollection,
} from './common'

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
export type AccountFilterKey = DirectoryFilterKey | 'contacts' | 'accountType' | 'industry'

/** Parameters of `accounts.list()`; `email` finds the companies with that address. */
export type AccountListParams = DirectoryListParams<AccountFilterKey, AccountSortField>
export type AccountFilter = Filter<AccountFilterKey>

/** The parameters `accounts.list()` accepts (exported for tools and agents that describe them). */
export const AccountListParamsSchema = directoryListParamsSchema<AccountListParams>(ACCOUNT_SORT_FIELDS)

/** Operations on accounts beside the hand-written AccountsResource (filled from Nutshell's OpenAPI document). */
export const ACCOUNT_OPERATIONS = {
  ...recordCollection({
    key: 'accounts',
    noun: 'account',
    listParams: AccountListParamsSchema,
    createInput: AccountCreateInputSchema,
    answer: AccountsResponseSchema,
    record: AccountSchema,
  }),
  ...directoryViews({
    collection: 'accounts',
    noun: 'account',
    sorts: ACCOUNT_SORT_FIELDS,
    customFields: FullCustomFieldsResponseSchema,
    customFieldAttributes: CustomFieldsResponseSchema,
    customFieldKey: 'customFields',
  }),
}
