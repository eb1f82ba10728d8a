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
  // An id, a count or a flat parameter object that fits is its own result (as a copy, so a caller changing
  // its object later cannot change what was checked); zod parses everything else and names what is wrong.
  const check = compileCheck(schema)
  const copy = check ? flatCopy(value) : NOT_FLAT
  if (copy !== NOT_FLAT && check?.(copy)) return copy as z.output<S>
  const result = schema.safeParse(value)
  if (result.success) return result.data as z.output<S>
  throw new InputValidationError(toIssues(result.error.issues, prefix), context)
}

const NOT_FLAT = Symbol('not flat')

/** A primitive as it is; a plain object or array of primitives as a shallow copy; NOT_FLAT otherwise. */
function flatCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return NOT_FLAT
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key]
    if (typeof item === 'object' && item !== null) return NOT_FLAT
  }
  return Array.isArray(value) ? [...value] : { ...value }
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
