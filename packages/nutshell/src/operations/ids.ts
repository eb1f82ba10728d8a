import { parseInput, pathParam } from '@x/core'
import * as z from 'zod/mini'

/** One id, or several joined with commas in a single request. */
export type Ids = string | number | readonly (string | number)[]

const IdSchema = z.union([
  z
    .string()
    .check(z.minLength(1), z.regex(/^[^,/?#\s]+$/, 'must be one id without commas, slashes or spaces')),
  z.int().check(z.gte(1)),
])
const IdsSchema = z.union([IdSchema, z.array(IdSchema).check(z.minLength(1))])

/**
 * Validates and encodes an id (or several, each checked, comma-joined) for a path segment: Nutshell's
 * own rule (no commas, slashes or spaces; whole numbers >= 1), then the core's path rule (`pathParam`).
 */
export function idSegment(ids: unknown, context: string): { segment: string; list: string[]; many: boolean } {
  const many = Array.isArray(ids)
  const parsed = parseInput(IdsSchema, ids, context, many ? 'ids' : 'id')
  const values: (string | number)[] = Array.isArray(parsed) ? parsed : [parsed]
  const segment = values.map((id, i) => pathParam(id, context, many ? `ids[${i}]` : 'id')).join(',')
  return { segment, list: values.map(String), many }
}

/** Checks one id (a list is refused: these paths name one record) and encodes it for a path segment. */
export function oneId(id: unknown, context: string, field = 'id'): string {
  return pathParam(parseInput(IdSchema, id, context, field), context, field)
}

/** An id as a body carries it: checked by the same rules as `oneId`, sent as given (not percent-encoded). */
export const IdValueSchema = IdSchema
