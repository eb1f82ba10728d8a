import * as z from 'zod/mini'

/**
 * A string field whose known values are typed for autocompletion while any new value the server
 * adds still passes (both APIs evolve without notice).
 */
export function openEnum<const T extends readonly string[]>(
  _values: T,
): z.ZodMiniType<T[number] | (string & {})> {
  return z.string() as z.ZodMiniType<T[number] | (string & {})>
}
