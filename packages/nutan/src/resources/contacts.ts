import { type ApiPromise, type PagePromise, parseBody, type RequestOptions } from '@x/core'
import {
  type Contact,
  type ContactCreateParams,
  ContactCreateSchema,
  type ContactListParams,
  ContactListParamsSchema,
  ContactSchema,
  type ContactUpdateParams,
  ContactUpdateSchema,
} from '../schemas/contact'
import { offsetList } from './offset-list'
import { APIResource, recordPath } from './resource'

/** `/v1/contacts`: list, create, update and soft-delete contacts. */
export class Contacts extends APIResource {
  /** Lists contacts (`q`, `company`, `email` filters); await for a page, `for await` for every contact. */
  list(params?: ContactListParams, options?: RequestOptions): PagePromise<Contact, ContactListParams> {
    return offsetList({
      transport: this.transport,
      path: '/contacts',
      item: ContactSchema,
      params: ContactListParamsSchema,
      input: params,
      options,
      context: 'contacts.list',
    })
  }

  /** Creates a contact. */
  create(params: ContactCreateParams, options?: RequestOptions): ApiPromise<Contact> {
    return this.call(() => {
      const body = parseBody(ContactCreateSchema, params, 'contacts.create')
      return this.transport.request({
        method: 'POST',
        path: '/contacts',
        body,
        schema: ContactSchema,
        options,
      })
    })
  }

  /** Updates the given fields of a contact. */
  update(id: string, params: ContactUpdateParams, options?: RequestOptions): ApiPromise<Contact> {
    return this.call(() => {
      const path = recordPath('contacts', id, 'contacts.update')
      const body = parseBody(ContactUpdateSchema, params, 'contacts.update')
      return this.transport.request({ method: 'PATCH', path, body, schema: ContactSchema, options })
    })
  }

  /** Soft-deletes a contact (the server keeps it with `deleted_at` set). */
  delete(id: string, options?: RequestOptions): ApiPromise<void> {
    return this.call(() => {
      const path = recordPath('contacts', id, 'contacts.delete')
      return this.transport.request<void>({ method: 'DELETE', path, options })
    })
  }
}
