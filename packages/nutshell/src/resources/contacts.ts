import type { PagePromise, RequestOptions } from '@x/core'
import type { Filter } from '../query/filter'
import { listParamsSchema, type ResolvedListParams, type SearchListInput } from '../query/list-params'
import {
  type Contact,
  type ContactCreateInput,
  ContactCreateInputSchema,
  ContactSchema,
  ContactsResponseSchema,
} from '../schemas/contact'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, oneId, recordAnswer } from './rest'
import type { UpdateInput, UpdateOptions } from './update'

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
})

const CONTACTS: CollectionSpec = {
  name: 'contacts',
  schema: ContactsResponseSchema,
  answer: recordAnswer(ContactsResponseSchema, ContactSchema),
  listParams: ContactListParamsSchema,
  fallback: 'contacts',
}

/** Contacts: the people a team sells to. */
export class ContactsResource {
  private readonly ctx: ResourceContext
  private readonly records: Collection<Contact>

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
    this.records = new Collection(ctx, CONTACTS)
  }

  /** Lists contacts, a page at a time (`await`) or every contact (`for await`). */
  list(params?: ContactListParams, options?: RequestOptions): PagePromise<Contact, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one contact, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Contact>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Contact[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Contact | Contact[]> {
    return this.records.get(ids, options)
  }

  /** Creates one contact; never resent after a server error. */
  create(input: ContactCreateInput, options?: RequestOptions): RecordPromise<Contact> {
    return this.records.create(ContactCreateInputSchema, input, options)
  }

  /** Updates a contact with JSON Patch operations or a plain partial contact (204; `returnRecord` GETs it). */
  update(
    id: string | number,
    changes: UpdateInput<Contact>,
    options: UpdateOptions & { returnRecord: true },
  ): Promise<Contact>
  update(
    id: string | number,
    changes: UpdateInput<Contact>,
    options?: UpdateOptions,
  ): Promise<Contact | undefined>
  update(
    id: string | number,
    changes: UpdateInput<Contact>,
    options?: UpdateOptions,
  ): Promise<Contact | undefined> {
    return this.records.update(id, changes, options)
  }

  /** Deletes a contact (the service answers 204; restorable for 30 days with `undelete`). */
  async delete(id: string | number, options?: RequestOptions): Promise<void> {
    await this.ctx.transport.request({
      method: 'DELETE',
      path: `/contacts/${oneId(id, 'contacts.delete')}`,
      options,
    })
  }

  /** Restores a deleted contact. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Contact> {
    return this.records.undelete(id, options)
  }
}
