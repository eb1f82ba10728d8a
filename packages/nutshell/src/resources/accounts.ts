import type { PagePromise, RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams, type SearchListInput } from '../query/list-params'
import {
  type Account,
  type AccountCreateInput,
  AccountCreateInputSchema,
  AccountSchema,
  AccountsResponseSchema,
} from '../schemas/account'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, recordAnswer } from './rest'
import type { UpdateInput, UpdateOptions } from './update'

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
})

const ACCOUNTS: CollectionSpec = {
  name: 'accounts',
  schema: AccountsResponseSchema,
  answer: recordAnswer(AccountsResponseSchema, AccountSchema),
  listParams: AccountListParamsSchema,
  fallback: 'accounts',
}

/** Accounts: the companies a team sells to. */
export class AccountsResource {
  private readonly records: Collection<Account>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, ACCOUNTS)
  }

  /** Lists accounts, a page at a time (`await`) or every account (`for await`). */
  list(params?: AccountListParams, options?: RequestOptions): PagePromise<Account, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /**
   * Fetches one account, or several in one call when given a list of ids. The answer also carries the
   * accounts' creators, owners, origins, contacts, account types and industries (see `.withRelated()`).
   */
  get(id: string | number, options?: RequestOptions): RecordPromise<Account>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Account[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Account | Account[]> {
    return this.records.get(ids, options)
  }

  /** Creates one account (the service takes one per request); never resent after a server error. */
  create(input: AccountCreateInput, options?: RequestOptions): RecordPromise<Account> {
    return this.records.create(AccountCreateInputSchema, input, options)
  }

  /** Updates an account with JSON Patch operations or a plain partial account (204; `returnRecord` GETs it). */
  update(
    id: string | number,
    changes: UpdateInput<Account>,
    options: UpdateOptions & { returnRecord: true },
  ): Promise<Account>
  update(
    id: string | number,
    changes: UpdateInput<Account>,
    options?: UpdateOptions,
  ): Promise<Account | undefined>
  update(
    id: string | number,
    changes: UpdateInput<Account>,
    options?: UpdateOptions,
  ): Promise<Account | undefined> {
    return this.records.update(id, changes, options)
  }

  /** Deletes an account; the service answers 200 with the account (restorable for 30 days). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Account | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted account. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Account> {
    return this.records.undelete(id, options)
  }
}
