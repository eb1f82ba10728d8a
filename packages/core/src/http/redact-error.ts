import type { SdkError } from '../errors'
import { redactText } from '../utils/redact'

function scrub(value: unknown, forms: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, forms)
  if (depth > 6 || !value || typeof value !== 'object' || value instanceof Headers) return value
  if (Array.isArray(value)) return value.map((v) => scrub(v, forms, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, forms, depth + 1)
  return out
}

/** Removes every secret form from an error's message, stack, body and cause, in place. */
export function redactError<E extends SdkError>(error: E, forms: readonly string[]): E {
  if (forms.length === 0) return error
  const target = error as unknown as Record<string, unknown>
  for (const key of ['message', 'stack', 'body', 'details', 'data']) {
    if (key in error)
      Object.defineProperty(error, key, {
        value: scrub(target[key], forms),
        writable: true,
        configurable: true,
      })
  }
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof Error) {
    cause.message = redactText(cause.message, forms)
    if (cause.stack) cause.stack = redactText(cause.stack, forms)
  }
  return error
}
