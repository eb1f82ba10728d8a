import * as z from 'zod/mini'

/** A Nutshell REST id, `"<n>-<type>"` such as `"1003-leads"` (plain numbers are accepted by the service too). */
export const NutshellIdSchema = z.string()
export type NutshellId = z.infer<typeof NutshellIdSchema>

/**
 * A schema typed to a hand-written interface: `typedSchema<Lead>()(z.looseObject({...}))`. The schema's
 * output must be assignable to the interface, and the two must name the same fields: a field added to one
 * and not the other is a compile error here (the second, impossible argument names the fields that differ).
 * The interface has no index signature; unknown fields still pass through at run time (read them with `fieldsOf`).
 */
export function typedSchema<T>() {
  return <S extends z.ZodMiniType<T>>(
    schema: S,
    ..._fieldsAgree: FieldsAgree<T, z.output<S>>
  ): z.ZodMiniType<T> => schema
}

/**
 * The declared fields of a loose object's output, without its `[x: string]: unknown` index signature:
 * `export interface Tag extends Declared<z.infer<typeof tagObject>> {}` names a record whose schema is its
 * only source (it agrees with its schema by construction).
 */
export type Declared<T> = {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: T[K]
}

/** The keys of `T` that are not index signatures. */
export type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : symbol extends K ? never : K]: 0
}

/** `[]` when the interface `T` and a schema's output `O` name the same fields, else a tuple naming those that differ. */
export type FieldsAgree<T, O> = [
  Exclude<KnownKeys<T>, KnownKeys<O>> | Exclude<KnownKeys<O>, KnownKeys<T>>,
] extends [never]
  ? []
  : [fieldsThatDiffer: Exclude<KnownKeys<T>, KnownKeys<O>> | Exclude<KnownKeys<O>, KnownKeys<T>>]

/** A time as the service formats it (`createdTime` of a lead): a display string, unix seconds and the raw value. */
export interface FormattedTime {
  absoluteLocalizedString?: string | null
  /** Unix seconds (a numeric string on some endpoints). */
  timestamp?: number | string | null
  value?: string | number | null
}

/**
 * A time on a read, where the service really varies: unix seconds (activities, people), an ISO 8601 string
 * (`"2026-01-01T00:00:00+0000"`), or a FormattedTime object (lead `createdTime`).
 */
export type TimeValue = number | string | FormattedTime

/**
 * A time read from the service as a `Date`, whichever form it came in: unix seconds, a numeric string of
 * them, an ISO 8601 string, or a FormattedTime (its `timestamp`, else its `value`). Undefined when absent or
 * unreadable. `timeToDate(lead.createdTime)`.
 */
export function timeToDate(value: TimeValue | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'object') {
    return timeToDate(value.timestamp ?? undefined) ?? timeToDate(value.value ?? undefined)
  }
  const ms =
    typeof value === 'number'
      ? value * 1000
      : /^\d+(\.\d+)?$/.test(value.trim())
        ? Number(value) * 1000
        : Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return Number.isFinite(ms) ? new Date(ms) : undefined
}

/** A `Date` in the ISO 8601 form the REST document shows (`"2026-01-01T00:00:00+0000"`, UTC, whole seconds). */
export function toRestIsoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000')
}

/** Unix seconds of a `Date` (whole seconds, rounded down); numbers and strings pass unchanged. */
export function toUnixSeconds<V>(value: V | Date): V | number {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value
}

/** A time as the service sends it: unix seconds, an ISO string, or a formatted object. */
export const TimeValueSchema: z.ZodMiniType<TimeValue> = z.union([
  z.number(),
  z.string(),
  z.looseObject({
    absoluteLocalizedString: z.nullish(z.string()),
    timestamp: z.nullish(z.union([z.number(), z.string()])),
    value: z.nullish(z.union([z.string(), z.number()])),
  }),
])

/** A money amount (`amount` arrives as a string or a number depending on the endpoint). */
export interface Money {
  /** A decimal string (`"999.99"`) or a number, depending on the endpoint. */
  amount?: string | number | null
  currency?: string | null
  formatted?: string | null
  currencySymbol?: string | null
}
export const MoneySchema = typedSchema<Money>()(
  z.looseObject({
    amount: z.nullish(z.union([z.string(), z.number()])),
    currency: z.nullish(z.string()),
    formatted: z.nullish(z.string()),
    currencySymbol: z.nullish(z.string()),
  }),
)

/**
 * The `links` of a record: related ids by relation name, a single id, a list of ids, or null
 * (`{"owner":"1-users","contacts":["3-contacts"],"outcome":null}`).
 */
export const RecordLinksSchema: z.ZodMiniType<RecordLinks> = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.null(), z.array(z.union([z.string(), z.number()])), z.looseObject({})]),
)
/** A link value of a record type without typed links. */
export type LinkValue = string | number | null | (string | number)[] | object
/** The `links` of a record type without typed links, by relation name. */
export interface RecordLinks {
  [relation: string]: LinkValue
}

/** A link to one record: its id, or null when unset. */
export const LinkIdSchema = z.nullish(z.string())
/** A link to several records: their ids. */
export const LinkIdsSchema = z.nullish(z.array(z.string()))

/** Fields every REST record carries. */
export interface RecordBase {
  /** `"<n>-<type>"`, such as `"1003-leads"`. */
  id: NutshellId
  type?: string
  href?: string | null
  htmlUrl?: string | null
  htmlUrlPath?: string | null
}

/** Fields every REST record carries (`links` typed per record where the service's links are known). */
export const recordBase = {
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  href: z.nullish(z.string()),
  htmlUrl: z.nullish(z.string()),
  htmlUrlPath: z.nullish(z.string()),
  links: z.optional(RecordLinksSchema),
}

/** One entry of a multi-value email or url field. */
export interface EmailEntry {
  value?: string | null
  name?: string | null
  isPrimary?: boolean | null
}
export const EmailEntrySchema = typedSchema<EmailEntry>()(
  z.looseObject({
    value: z.nullish(z.string()),
    name: z.nullish(z.string()),
    isPrimary: z.nullish(z.boolean()),
  }),
)

/** One entry of a multi-value url field. */
export const UrlEntrySchema = EmailEntrySchema
export type UrlEntry = EmailEntry

/** One phone number; `value` is a structured number on reads and may be a plain string on writes. */
export interface PhoneNumber {
  countryCode?: string | null
  number?: string | null
  extension?: string | null
  numberFormatted?: string | null
  E164?: string | null
  countryCodeAndNumber?: string | null
}
export interface PhoneEntry {
  value?: string | PhoneNumber | null
  name?: string | null
  isPrimary?: boolean | null
  isOptedOut?: boolean | null
}
const phoneEntryObject = z.looseObject({
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
export const PhoneEntrySchema = typedSchema<PhoneEntry>()(phoneEntryObject)

/** One postal address. */
export interface AddressEntry {
  name?: string | null
  isPrimary?: boolean | null
  address_1?: string | null
  address_2?: string | null
  address_3?: string | null
  city?: string | null
  state?: string | null
  postalCode?: string | null
  country?: string | null
  timezone?: string | null
  locationAccuracy?: string | null
  value?: object | null
}
const addressEntryObject = z.looseObject({
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
export const AddressEntrySchema = typedSchema<AddressEntry>()(addressEntryObject)

/** Custom field values by field name. */
export const CustomFieldsSchema: z.ZodMiniType<CustomFields> = z.record(z.string(), z.unknown())
/** Custom field values by field name (the names are the account's own, so this stays a string-keyed map). */
export type CustomFields = Record<string, unknown>

/** Top-level `meta` of a response; `total` is the record count across all pages. */
export interface ResponseMeta extends Declared<z.infer<typeof responseMetaObject>> {}
export const responseMetaObject = z.looseObject({
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
export const ResponseMetaSchema: z.ZodMiniType<ResponseMeta> = responseMetaObject

/** Top-level `links`: URL templates for related records (`"leads.contacts": {href, type}`). */
export const ResponseLinksSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())])
export type ResponseLinks = z.infer<typeof ResponseLinksSchema>

/** One entry of a 400 answer's `errors` array. */
export interface RestError extends Declared<z.infer<typeof restErrorObject>> {}
const restErrorObject = z.looseObject({
  id: z.nullish(z.string()),
  type: z.nullish(z.string()),
  code: z.nullish(z.union([z.string(), z.number()])),
  detail: z.nullish(z.string()),
  href: z.nullish(z.string()),
  status: z.nullish(z.union([z.string(), z.number()])),
  title: z.nullish(z.string()),
  field: z.nullish(z.string()),
})
export const RestErrorSchema: z.ZodMiniType<RestError> = restErrorObject

/** Any record the service returns beside the main array (owners, creators, contacts, ...). */
export interface RelatedRecord extends Declared<z.infer<typeof relatedRecordObject>> {}
const relatedRecordObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  // Users, contacts, accounts and the other records a body carries beside its main array have a name, in
  // the shape of their own type (a user's may be an object): narrow it, or read the record as its type.
  name: z.optional(z.unknown()),
})
export const RelatedRecordSchema: z.ZodMiniType<RelatedRecord> = relatedRecordObject

/** An array of side-loaded related records. */
export const RelatedListSchema = z.optional(z.array(RelatedRecordSchema))
