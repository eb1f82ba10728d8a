import * as z from 'zod/mini'

// Every field name in this folder is inferred (packages/nutan/INFERRED-API.md): the live OpenAPI
// document could not be read, so records are loose (unknown fields pass through untouched) and every
// field but `id` may be absent or null.

/** A Nutan record id (inferred: a string). */
export const IdSchema = z.string()

/** An id a caller passes to a method: a non-empty string. */
export const IdInputSchema = z.string().check(z.minLength(1, 'must be a non-empty id'))

/** A time as the API sends it: an ISO 8601 string. */
export const TimestampSchema = z.string()

/** A time a caller sends: an ISO 8601 string, or a `Date` (sent as its ISO string). */
export const TimeInputSchema = z.union([z.string(), z.date()])

/** An optional, nullable field of a record or an input. */
export const maybe = <T extends z.ZodMiniType>(schema: T) => z.nullish(schema)

// Shared field schemas: zod schemas are immutable, so one instance serves every field of its kind
// (and keeps the browser bundle small).
/** An optional, nullable string field. */
export const optionalText = maybe(z.string())
/** An optional, nullable number field. */
export const optionalNumber = maybe(z.number())
/** An optional, nullable id reference (`deal_id`, ...). */
export const optionalRef = maybe(IdSchema)
/** An optional, nullable timestamp the API sends. */
export const optionalTime = maybe(TimestampSchema)
/** An optional, nullable time a caller sends (string or Date). */
export const optionalTimeInput = maybe(TimeInputSchema)
/** A required, non-empty string a caller sends (a name, a title). */
export const requiredText = z.string().check(z.minLength(1, 'must not be empty'))
/** An optional, nullable count a caller sends. */
export const optionalCount = maybe(z.int().check(z.nonnegative('must be a non-negative integer')))

/** The `limit`/`offset` fields every list accepts. */
export const pagingShape = {
  /** Records per page (the server's default when omitted; inferred default 50, maximum 200). */
  limit: z.optional(z.int().check(z.positive('must be a positive integer'))),
  /** Records to skip. */
  offset: z.optional(z.int().check(z.nonnegative('must be a non-negative integer'))),
}

/** Paging parameters alone (signals, objections, participants). */
export const PagingParamsSchema = z.looseObject(pagingShape)
export type PagingParams = z.input<typeof PagingParamsSchema>

// One envelope per item schema: building a schema per call costs zod's setup on every call, and defeats
// any per-schema cache (such as the core's compiled response check).
const envelopes = new WeakMap<z.ZodMiniType, z.ZodMiniType>()

/** The body of every list endpoint: `{ data, total, limit, offset }`. */
export function listEnvelope<T extends z.ZodMiniType>(item: T) {
  const envelope = (envelopes.get(item) as ReturnType<typeof envelopeOf<T>> | undefined) ?? envelopeOf(item)
  envelopes.set(item, envelope)
  return envelope
}

function envelopeOf<T extends z.ZodMiniType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    total: z.optional(z.number()),
    limit: z.optional(z.number()),
    offset: z.optional(z.number()),
  })
}

/** A list body as the SDK reads it. */
export interface ListEnvelope<T> {
  data: T[]
  total?: number | undefined
  limit?: number | undefined
  offset?: number | undefined
  [key: string]: unknown
}
