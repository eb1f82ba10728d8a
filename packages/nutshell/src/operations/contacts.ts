import * as z from 'zod/mini'
import type { Filter } from '../query/filter'
import { ContactCreateInputSchema, ContactSchema, ContactsResponseSchema } from '../schemas/contact'
import { CustomFieldSchema } from '../schemas/custom-field'
import {
  type DirectoryFilterKey,
  type DirectoryListParams,
  directoryListParamsSchema,
  directoryViews,
  recordCollection,
} from './common'

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
export type ContactFilterKey = DirectoryFilterKey | 'accounts'

/** Parameters of `contacts.list()`; `email` finds the people with that address. */
export type ContactListParams = DirectoryListParams<ContactFilterKey, ContactSortField>
export type ContactFilter = Filter<ContactFilterKey>

/** The parameters `contacts.list()` accepts (exported for tools and agents that describe them). */
export const ContactListParamsSchema = directoryListParamsSchema<ContactListParams>(CONTACT_SORT_FIELDS)

/** Operations on contacts beside the hand-written ContactsResource (filled from Nutshell's OpenAPI document). */
export const CONTACT_OPERATIONS = {
  ...recordCollection({
    key: 'contacts',
    noun: 'contact',
    listParams: ContactListParamsSchema,
    createInput: ContactCreateInputSchema,
    answer: ContactsResponseSchema,
    record: ContactSchema,
  }),
  ...directoryViews({
    collection: 'contacts',
    noun: 'contact',
    // `GET /contacts/list` sorts by these (not by name or email), each way.
    sorts: [
      'accountType',
      'accounts',
      'createdTime',
      'industry',
      'lastContactedTime',
      'owner',
      'phone',
      'postalCode',
      'territory',
    ],
    customFields: z.array(CustomFieldSchema),
    customFieldAttributes: z.array(CustomFieldSchema),
  }),
}
