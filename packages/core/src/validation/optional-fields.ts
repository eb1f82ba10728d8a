import * as z from 'zod/mini'

/** A zod object shape with every field wrapped in `z.optional`. */
export type OptionalFields<S extends z.core.$ZodShape> = { [K in keyof S]: z.ZodMiniOptional<S[K]> }

/**
 * Every field of a shape made optional, for an update schema built from a create schema's fields:
 * what `z.partial(schema)` gives, without the clone-and-mask machinery `partial` adds to every bundle.
 */
export function optionalFields<const S extends z.core.$ZodShape>(shape: S): OptionalFields<S> {
  const out: Record<string, z.ZodMiniOptional> = {}
  for (const key of Object.keys(shape)) out[key] = z.optional(shape[key]!)
  return out as OptionalFields<S>
}
