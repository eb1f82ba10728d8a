import type * as z from 'zod/mini'
import { InputValidationError, ResponseValidationError, type ValidationIssue } from '../errors'
import { assertPlainData } from '../utils/plain-data'
import { toIssues } from './issues'

/** How response bodies are checked: `loose` (default), `strict` or `off`. */
export type ValidationMode = 'loose' | 'strict' | 'off'

/** Any zod (or zod/mini) schema. */
export type Schema<T = unknown> = z.ZodMiniType<T, unknown>

/**
 * Validates a caller's input with zod; throws InputValidationError naming the field before any I/O.
 * zod hands back a fresh copy, so a caller changing its object later cannot change what was checked.
 * `prefix` names the argument and is put before every path (`options.timeout`); without one, paths are
 * the fields' own and a whole value of the wrong type is named `argument` (default `input`).
 */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  context?: string,
  prefix?: string,
  argument?: string,
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data as z.output<S>
  throw new InputValidationError(toIssues(result.error.issues, prefix, argument), context)
}

/** Parses a request body with `parseInput`, then refuses what JSON cannot send as is (`assertPlainData`). */
export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  context: string,
  prefix?: string,
): z.output<S> {
  const parsed = parseInput(schema, input, context, prefix)
  assertPlainData(parsed, context, prefix)
  return parsed
}

/** Outcome of checking a response body. */
export interface ResponseCheck<T> {
  data: T
  issues: ValidationIssue[]
}

/**
 * Checks a response body with zod. `strict` throws on a mismatch; `loose` returns the raw body with the
 * issues so a server change never breaks a caller; `off` skips the check. Response schemas are loose
 * objects, so unknown fields pass through either way.
 */
export function checkResponse<T>(
  schema: Schema<T> | undefined,
  value: unknown,
  mode: ValidationMode,
  place: { method: string; path: string },
): ResponseCheck<T> {
  if (!schema || mode === 'off') return { data: value as T, issues: [] }
  const result = schema.safeParse(value)
  if (result.success) return { data: result.data, issues: [] }
  const issues = toIssues(result.error.issues, undefined, '')
  if (mode === 'strict') throw new ResponseValidationError(issues, place)
  return { data: value as T, issues }
}
