import * as z from 'zod/mini'
import {
  type AddressEntry,
  AddressEntrySchema,
  type CustomFields,
  CustomFieldsSchema,
  type EmailEntry,
  EmailEntrySchema,
  LinkIdSchema,
  LinkIdsSchema,
  type NutshellId,
  NutshellIdSchema,
  type PhoneEntry,
  PhoneEntrySchema,
  type RecordBase,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  typedSchema,
  type UrlEntry,
  UrlEntrySchema,
} from './common'
import { collectionResponse } from './response'

/** Fields people and companies share. */
export interface Party extends RecordBase {
  /** The full name. */
  name?: string | null
  description?: string | null
  emails?: EmailEntry[] | null
  phones?: PhoneEntry[] | null
  addresses?: AddressEntry[] | null
  urls?: UrlEntry[] | null
  createdTime?: TimeValue | null
  modifiedTime?: TimeValue | null
  deletedTime?: TimeValue | null
  lastContactedTime?: TimeValue | null
  avatarUrl?: string | null
  initials?: string | null
  customFields?: CustomFields | null
}

/** Links people and companies share (ids). */
export interface PartyLinks {
  owner?: NutshellId | null
  creator?: NutshellId | null
  territory?: NutshellId | null
  origin?: NutshellId | null
  mergedWith?: NutshellId | null
  tags?: NutshellId[] | null
}

const partyLinkFields = {
  owner: LinkIdSchema,
  creator: LinkIdSchema,
  territory: LinkIdSchema,
  origin: LinkIdSchema,
  mergedWith: LinkIdSchema,
  tags: LinkIdsSchema,
}

/** Fields people and companies share. */
export const partyFields = {
  ...recordBase,
  name: z.nullish(z.string()),
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

/** The ids a contact links to. */
export interface ContactLinks extends PartyLinks {
  accounts?: NutshellId[] | null
  leads?: NutshellId[] | null
}

/** A contact (a person). Fields the SDK does not declare pass through: read them with `fieldsOf(contact)`. */
export interface Contact extends Party {
  links?: ContactLinks
  firstName?: string | null
  lastName?: string | null
  jobTitle?: string | null
}
export const ContactSchema = typedSchema<Contact>()(
  z.looseObject({
    ...partyFields,
    links: z.optional(z.looseObject({ ...partyLinkFields, accounts: LinkIdsSchema, leads: LinkIdsSchema })),
    firstName: z.nullish(z.string()),
    lastName: z.nullish(z.string()),
    jobTitle: z.nullish(z.string()),
  }),
)

/** Body of every contact endpoint. */
export const ContactsResponseSchema = collectionResponse('contacts', ContactSchema)
export type ContactsResponse = z.infer<typeof ContactsResponseSchema>

/** Fields a new person or company can carry (multi-value fields are lists). */
export interface PartyCreateInput {
  name?: string
  description?: string
  emails?: EmailEntry[]
  phones?: PhoneEntry[]
  addresses?: AddressEntry[]
  urls?: UrlEntry[]
  /** Custom field values by the field's name. */
  customFields?: CustomFields
}

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
export interface ContactCreateInput extends PartyCreateInput {
  name: string
  firstName?: string
  lastName?: string
  jobTitle?: string
  links?: {
    accounts?: NutshellId[]
    owner?: NutshellId
    territory?: NutshellId
    tags?: NutshellId[]
    emAudiences?: NutshellId[]
  }
}
const contactCreateObject = z.looseObject({
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
export const ContactCreateInputSchema = typedSchema<ContactCreateInput>()(contactCreateObject)
