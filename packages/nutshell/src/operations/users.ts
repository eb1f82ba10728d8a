import { UsersResponseSchema } from '../schemas/user'
import { getRecords } from './common'
import { operation } from './operation'

/** `/users`: the team (names and email addresses). */
export const USER_OPERATIONS = {
  // `GET /users` declares no query parameters; its answer's `meta.next` is the URL of the next page.
  list: operation({
    method: 'GET',
    path: '/users',
    answer: UsersResponseSchema,
    returns: { kind: 'list', key: 'users', paging: 'link' },
    effect: 'read',
    description:
      "Lists the team's users: `await` gives the first page, `for await` follows each `meta.next` link.",
  }),
  get: getRecords({ path: '/users/{id}', key: 'users', answer: UsersResponseSchema, noun: 'user' }),
}
