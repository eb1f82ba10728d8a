import * as z from 'zod/mini'

/** A Nutshell REST id, `"<n>-<type>"` such as `"1003-leads"` (plain numbers are accepted by the service too). */
export const NutshellIdSchema = z.string()
export type NutshellId = z.infer<typeof NutshellIdSchema>

/** A time as the service sends it: unix seconds, an ISO string, or a formatted object. */
export const TimeValueSchema = z.union([
  z.number(),
  z.string(),
  z.looseObject({
    absoluteLocalizedString: z.nullish(z.string()),
    timestamp: z.nullish(z.union([z.number(), z.string()])),
    value: z.nullish(z.union([z.string(), z.number()])),
  }),
])
export type TimeValue = z.infer<typeof TimeValueSchema>

/** A money amount (`amount` arrives as a string or a number depending on the endpoint). */
export const MoneySchema = z.looseObject({
  amount: z.nullish(z.union([z.string(), z.number()])),
  currency: z.nullish(z.string()),
  formatted: z.nullish(z.string()),
  currencySymbol: z.nullish(z.string()),
})
export type Money = z.infer<typeof MoneySchema>

/**
 * The `links` of a record: related ids by relation name, a single id, a list of ids, or null
 * (`{"owner":"1-users","contacts":["3-contacts"],"outcome":null}`).
 */
export const RecordLinksSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.null(), z.array(z.union([z.string(), z.number()])), z.looseObject({})]),
)
export type RecordLinks = z.infer<typeof RecordLinksSchema>

/** Fields every REST record carries. */
export const recordBase = {
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  href: z.nullish(z.string()),
  htmlUrl: z.nullish(z.string()),
  htmlUrlPath: z.nullish(z.string()),
  links: z.optional(RecordLinksSchema),
}

/** One entry of a multi-value email or url field. */
export const EmailEntrySchema = z.looseObject({
  value: z.nullish(z.string()),
  name: z.nullish(z.string()),
  isPrimary: z.nullish(z.boolean()),
})
export type EmailEntry = z.infer<typeof EmailEntrySchema>

/** One entry of a multi-value url field. */
export const UrlEntrySchema = EmailEntrySchema
export type UrlEntry = z.infer<typeof UrlEntrySchema>

/** One phone number; `value` is a structured number on reads and may be a plain string on writes. */
export const PhoneEntrySchema = z.looseObject({
  value: z.nullish(
    z.union([
      z.string(),
      z.looseObject({
        countryCode: z.nullish(z.string()),
        number: z.nullish(z.string()),
        extension: z.nullish(z.string()),
        numberFormatted: z.nullish(z.string()),
        E164: z.nullish(z.string()),
        countryCodeAndNumber: z.nullish(z.string()),
      }),
    ]),
  ),
  name: z.nullish(z.string()),
  isPrimary: z.nullish(z.boolean()),
  isOptedOut: z.nullish(z.boolean()),
})
export type PhoneEntry = z.infer<typeof PhoneEntrySchema>

/** One postal address. */
export const AddressEntrySchema = z.looseObject({
  name: z.nullish(z.string()),
  isPrimary: z.nullish(z.boolean()),
  address_1: z.nullish(z.string()),
  address_2: z.nullish(z.string()),
  address_3: z.nullish(z.string()),
  city: z.nullish(z.string()),
  state: z.nullish(z.string()),
  postalCode: z.nullish(z.string()),
  country: z.nullish(z.string()),
  timezone: z.nullish(z.string()),
  locationAccuracy: z.nullish(z.string()),
  value: z.nullish(z.looseObject({})),
})
export type AddressEntry = z.infer<typeof AddressEntrySchema>

/** Custom field values by field name. */
export const CustomFieldsSchema = z.record(z.string(), z.unknown())
export type CustomFields = z.infer<typeof CustomFieldsSchema>

/** Top-level `meta` of a response; `total` is the record count across all pages. */
export const ResponseMetaSchema = z.looseObject({
  count: z.nullish(z.number()),
  countFormatted: z.nullish(z.string()),
  total: z.nullish(z.number()),
  totalFormatted: z.nullish(z.string()),
  facets: z.nullish(z.unknown()),
  instanceId: z.nullish(z.union([z.string(), z.number()])),
  siteId: z.nullish(z.union([z.string(), z.number()])),
  next: z.nullish(z.string()),
  previous: z.nullish(z.string()),
})
export type ResponseMeta = z.infer<typeof ResponseMetaSchema>

/** Top-level `links`: URL templates for related records (`"leads.contacts": {href, type}`). */
export const ResponseLinksSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
export type ResponseLinks = z.infer<typeof ResponseLinksSchema>

/** One entry of a 400 answer's `errors` array. */
export const RestErrorSchema = z.looseObject({
  id: z.nullish(z.string()),
  type: z.nullish(z.string()),
  code: z.nullish(z.union([z.string(), z.number()])),
  detail: z.nullish(z.string()),
  href: z.nullish(z.string()),
  status: z.nullish(z.union([z.string(), z.number()])),
  title: z.nullish(z.string()),
  field: z.nullish(z.string()),
})
export type RestError = z.infer<typeof RestErrorSchema>

/** Any record the service returns beside the main array (owners, creators, contacts, ...). */
export const RelatedRecordSchema = z.looseObject({ id: NutshellIdSchema, type: z.optional(z.string()) })
export type RelatedRecord = z.infer<typeof RelatedRecordSchema>

/** An array of side-loaded related records. */
export const RelatedListSchema = z.optional(z.array(RelatedRecordSchema))
