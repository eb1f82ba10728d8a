import * as z from 'zod/mini'
import {
  AddressEntrySchema,
  CustomFieldsSchema,
  EmailEntrySchema,
  NutshellIdSchema,
  PhoneEntrySchema,
  recordBase,
  TimeValueSchema,
  UrlEntrySchema,
} from './common'
import { collectionResponse } from './response'

/** Fields people and companies share. */
export const partyFields = {
  ...recordBase,
  name: z.nullish(z.union([z.string(), z.looseObject({})])),
  description: z.nullish(z.string()),
  emails: z.nullish(z.array(EmailEntrySchema)),
  phones: z.nullish(z.array(PhoneEntrySchema)),
  addresses: z.nullish(z.array(AddressEntrySchema)),
  urls: z.nullish(z.array(UrlEntrySchema)),
  createdTime: z.nullish(TimeValueSchema),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
  lastContactedTime: z.nullish(TimeValueSchema),
  avatarUrl: z.nullish(z.string()),
  initials: z.nullish(z.string()),
  customFields: z.nullish(CustomFieldsSchema),
}

/** A contact (a person). */
export const ContactSchema = z.looseObject({
  ...partyFields,
  firstName: z.nullish(z.string()),
  lastName: z.nullish(z.string()),
  jobTitle: z.nullish(z.string()),
})
export type Contact = z.infer<typeof ContactSchema>

/** Body of every contact endpoint. */
export const ContactsResponseSchema = collectionResponse('contacts', ContactSchema)
export type ContactsResponse = z.infer<typeof ContactsResponseSchema>

/** Multi-value fields a new person or company can carry. */
export const partyInputFields = {
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  emails: z.optional(z.array(EmailEntrySchema)),
  phones: z.optional(z.array(PhoneEntrySchema)),
  addresses: z.optional(z.array(AddressEntrySchema)),
  urls: z.optional(z.array(UrlEntrySchema)),
  customFields: z.optional(CustomFieldsSchema),
}

/** A new contact; the service refuses one without a name ("A name is required to create a contact."). */
export const ContactCreateInputSchema = z.looseObject({
  ...partyInputFields,
  name: z
    .string({ error: 'is required: a contact needs a name' })
    .check(z.regex(/\S/, 'is required: a contact needs a name')),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
  jobTitle: z.optional(z.string()),
  links: z.optional(
    z.looseObject({
      accounts: z.optional(z.array(NutshellIdSchema)),
      owner: z.optional(NutshellIdSchema),
      territory: z.optional(NutshellIdSchema),
      tags: z.optional(z.array(NutshellIdSchema)),
      emAudiences: z.optional(z.array(NutshellIdSchema)),
    }),
  ),
})
export type ContactCreateInput = z.infer<typeof ContactCreateInputSchema>
