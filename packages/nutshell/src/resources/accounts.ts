import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams, type SearchListInput } from '../query/list-params'
import {
  type Account,
  type AccountCreateInput,
  AccountCreateInputSchema,
  AccountSchema,
  type AccountsResponse,
  AccountsResponseSchema,
} from '../schemas/account'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { getRecords, type Ids, listRecords, oneId, recordAnswer, writeRecord } from './rest'
import { patchRecord, type UpdateInput, type UpdateOptions } from './update'

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

const ListParams = listParamsSchema({ sort: ACCOUNT_SORT_FIELDS, filter: true, q: true, email: true })
const AccountAnswer = recordAnswer(AccountsResponseSchema, AccountSchema)

/** Accounts: the companies a team sells to. */
export class AccountsResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists accounts, a page at a time (`await`) or every account (`for await`). */
  list(params?: AccountListParams, options?: RequestOptions): PagePromise<Account, ResolvedListParams> {
    return listRecords<Account, AccountsResponse>({
      ctx: this.ctx,
      name: 'accounts.list',
      path: '/accounts',
      key: 'accounts',
      schema: AccountsResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
      fallback: 'accounts',
    })
  }

  /**
   * Fetches one account, or several in one call when given a list of ids. The answer also carries the
   * accounts' creators, owners, origins, contacts, account types and industries (see `.withRelated()`).
   */
  get(id: string | number, options?: RequestOptions): RecordPromise<Account>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Account[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Account | Account[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'accounts.get',
      path: '/accounts',
      key: 'accounts',
      schema: AccountsResponseSchema,
      ids,
      options,
      fallback: 'accounts',
    })
  }

  /** Creates one account (the service takes one per request); never resent after a server error. */
  create(input: AccountCreateInput, options?: RequestOptions): RecordPromise<Account> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/accounts',
      key: 'accounts',
      body: { accounts: [parseInput(AccountCreateInputSchema, input, 'accounts.create')] },
      schema: AccountAnswer,
      options,
    }))
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
    return patchRecord({
      ctx: this.ctx,
      type: 'accounts',
      id,
      input: changes,
      options,
      refetch: (o) => this.get(id, o),
    })
  }

  /** Deletes an account; the service answers 200 with the account (restorable for 30 days). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Account | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/accounts/${oneId(id, 'accounts.delete')}`,
      key: 'accounts',
      schema: AccountAnswer,
      options,
    }))
  }

  /** Restores a deleted account. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Account> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/accounts/${oneId(id, 'accounts.undelete')}/undelete`,
      key: 'accounts',
      schema: AccountAnswer,
      idempotent: true,
      options,
    }))
  }
}
