import type { PagePromise, RequestOptions } from '@x/core'
import type { ResolvedListParams } from '../query/list-params'
import { type User, UsersResponseSchema } from '../schemas/user'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids } from './rest'

// `GET /users` declares no query parameters; its answer's `meta.next` is the URL of the next page.
const USERS: CollectionSpec = { name: 'users', schema: UsersResponseSchema, paging: 'link' }

/** The Nutshell users on the account (names and email addresses of the team). */
export class UsersResource {
  private readonly records: Collection<User>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, USERS)
  }

  /** Lists the team's users: `await` gives the first page, `for await` follows each `meta.next` link to the last. */
  list(options?: RequestOptions): PagePromise<User, ResolvedListParams> {
    return this.records.list({}, options)
  }

  /** Fetches one user, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<User>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<User[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<User | User[]> {
    return this.records.get(ids, options)
  }
}
