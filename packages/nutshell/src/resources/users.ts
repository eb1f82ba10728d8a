import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import { type User, type UsersResponse, UsersResponseSchema } from '../schemas/user'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { getRecords, type Ids, listRecords } from './rest'

const ListParams = listParamsSchema({ paged: false })

/** The Nutshell users on the account (names and email addresses of the team). */
export class UsersResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the team's users (one page). */
  list(options?: RequestOptions): PagePromise<User, ResolvedListParams> {
    return listRecords<User, UsersResponse>({
      ctx: this.ctx,
      name: 'users.list',
      path: '/users',
      key: 'users',
      schema: UsersResponseSchema,
      paramsSchema: ListParams,
      input: {},
      options,
      paged: false,
    })
  }

  /** Fetches one user, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<User>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<User[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<User | User[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'users.get',
      path: '/users',
      key: 'users',
      schema: UsersResponseSchema,
      ids,
      options,
    })
  }
}
