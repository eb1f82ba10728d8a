import type { z } from 'zod/mini'
import { InputValidationError, ResponseValidationError, type ValidationIssue } from '../errors'
import { compileCheck } from './compile-check'
import { toIssues } from './issues'

/** How response bodies are checked: `loose` (default), `strict` or `off`. */
export type ValidationMode = 'loose' | 'strict' | 'off'

/** Any zod (or zod/mini) schema. */
export type Schema<T = unknown> = z.ZodMiniType<T, unknown>

/** Validates a caller's input; throws InputValidationError naming the field before any I/O. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  context?: string,
  prefix?: string,
): z.output<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data as z.output<S>
  throw new InputValidationError(toIssues(result.error.issues, prefix), context)
}

/** Outcome of checking a response body. */
export interface ResponseCheck<T> {
  data: T
  issues: ValidationIssue[]
}

/**
 * Checks a response body. `strict` throws on a mismatch; `loose` returns the raw body with the issues
 * so a server change never breaks a caller; `off` skips the check.
 */
export function checkResponse<T>(
  schema: Schema<T> | undefined,
  value: unknown,
  mode: ValidationMode,
  place: { method: string; path: string },
): ResponseCheck<T> {
  if (!schema || mode === 'off') return { data: value as T, issues: [] }
  // Response schemas type-check without transforming, so a body that passes is its own result: a
  // compiled predicate decides, and zod runs only to describe a mismatch (or for schemas that transform).
  if (compileCheck(schema)?.(value)) return { data: value as T, issues: [] }
  const result = schema.safeParse(value)
  if (result.success) return { data: result.data, issues: [] }
  const issues = toIssues(result.error.issues)
  if (mode === 'strict') throw new ResponseValidationError(issues, place)
  return { data: value as T, issues }
}
