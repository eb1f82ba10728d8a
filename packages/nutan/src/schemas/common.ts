import * as z from 'zod/mini'

// Every field name in this folder is inferred (packages/nutan/INFERRED-API.md): the live OpenAPI
// document could not be read, so records are loose (unknown fields pass through untouched) and every
// field but `id` may be absent or null.

/** A Nutan record id (inferred: a string). */
export const IdSchema = z.string()

/** An id a caller puts in a row (sync): a non-empty string. */
export const IdInputSchema = z.string().check(z.minLength(1, 'must be a non-empty id'))

/** An id a caller passes as a path parameter: a string, or a number (sent as its decimal string). */
export type IdArg = string | number

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

/** The most records one list page may ask for (the service's maximum; its default is 50). */
export const MAX_LIST_LIMIT = 200

/** The `limit`/`offset` fields every list accepts. */
export const pagingShape = {
  /** Records per page, 1 to 200 (the server's default, 50, when omitted). */
  limit: z.optional(
    z
      .int()
      .check(
        z.minimum(1, 'must be a whole number from 1 to 200'),
        z.maximum(MAX_LIST_LIMIT, `must be at most ${MAX_LIST_LIMIT} (the service's maximum)`),
      ),
  ),
  /** Records to skip. */
  offset: z.optional(z.int().check(z.nonnegative('must be a non-negative integer'))),
}

/** Paging parameters alone (signals, objections, participants); any other key is refused. */
const pagingParams = z.strictObject(pagingShape)
export type PagingParams = z.input<typeof pagingParams>
export const PagingParamsSchema: z.ZodMiniType<PagingParams, PagingParams> = pagingParams

/**
 * A record schema: a loose object (unknown fields pass through untouched; `extraFields(record, schema)`
 * reads them). Declare its result with the record's interface (`export const DealSchema: Schema<Deal> =
 * recordSchema({...})`): the assignment checks that the shape produces the interface.
 */
export function recordSchema<const S extends z.core.$ZodShape>(shape: S) {
  return z.looseObject(shape)
}

/** Fields the server sets: a create or an update that names one is refused (`update(id, { id })`). */
export const READ_ONLY_FIELDS = ['id', 'created_at', 'updated_at', 'deleted_at'] as const

/**
 * A create or update input: typed exactly by its shape (an unknown key fails to compile), while at run
 * time a key the SDK does not know is sent as given (field names are inferred: a caller who knows the
 * live name can cast) and a read-only field (`id`, `created_at`, ...) is refused, naming it.
 */
export function writeSchema<const S extends z.core.$ZodShape>(
  shape: S,
): z.ZodMiniType<z.output<z.ZodMiniObject<S, z.core.$strict>>, z.input<z.ZodMiniObject<S, z.core.$strict>>> {
  return z.looseObject(shape).check(
    z.superRefine((value, ctx) => {
      for (const key of READ_ONLY_FIELDS) {
        if (Object.hasOwn(value, key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'is read-only (set by the server)',
            input: value,
          })
        }
      }
    }),
  ) as never
}

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
