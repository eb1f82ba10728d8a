import * as z from 'zod/mini'
import { RelatedRecordSchema, ResponseLinksSchema, ResponseMetaSchema, RestErrorSchema } from './common'

/** The parts every REST body shares beside its main array. */
export const responseEnvelope = {
  meta: z.optional(ResponseMetaSchema),
  links: z.optional(ResponseLinksSchema),
  errors: z.optional(z.array(RestErrorSchema)),
}

type Envelope<K extends string, R extends z.ZodMiniType> = z.ZodMiniObject<
  typeof responseEnvelope & { [P in K]: z.ZodMiniArray<R> },
  z.core.$loose
>

/**
 * A REST body: `meta`, `links`, the records in an array named after their type (also for a single-record
 * GET), and any related records the service adds as further top-level arrays.
 */
export function collectionResponse<K extends string, R extends z.ZodMiniType>(
  key: K,
  record: R,
): Envelope<K, R> {
  return z.looseObject({ ...responseEnvelope, [key]: z.array(record) }) as unknown as Envelope<K, R>
}

/** Side-loaded arrays of related records, as a body may carry them (`owners`, `contacts`, ...). */
export const RelatedArraysSchema = z.record(z.string(), z.unknown())

/** A related record found in a body's top-level arrays. */
export const AnyRelatedSchema = RelatedRecordSchema
