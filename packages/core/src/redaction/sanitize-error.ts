import type { Redactor } from './redactor'

// Own properties that are not data: `name` is the class's, `stack` and `message` are handled first.
const SKIPPED = new Set(['name', 'message', 'stack', 'cause'])

/** An Error that holds only scrubbed text: message, stack, code, and its own cause the same way. */
function scrubbedCause(cause: unknown, redactor: Redactor, seen: Set<unknown>): unknown {
  if (!(cause instanceof Error)) return redactor.deep(cause)
  if (seen.has(cause)) return undefined
  seen.add(cause)
  const copy = new Error(
    redactor.text(cause.message),
    'cause' in cause ? { cause: scrubbedCause(cause.cause, redactor, seen) } : undefined,
  )
  Object.defineProperty(copy, 'name', { value: cause.name, writable: true, configurable: true })
  Object.defineProperty(copy, 'stack', {
    value: redactor.text(cause.stack ?? ''),
    writable: true,
    configurable: true,
  })
  const code = (cause as { code?: unknown }).code
  if (typeof code === 'string' || typeof code === 'number') {
    ;(copy as Error & { code?: unknown }).code = redactor.deep(code)
  }
  return copy
}

/**
 * Scrubs an error in place, once, before anyone sees it: message, stack, every data field at any depth
 * (body, details, data, code, requestId, headers, ...), and the cause chain, which is replaced by
 * scrubbed copies, so no raw response, header or runtime error stays reachable from it.
 */
export function sanitizeError<E extends Error>(error: E, redactor: Redactor): E {
  const set = (key: string, value: unknown) =>
    Object.defineProperty(error, key, { value, writable: true, configurable: true, enumerable: false })
  set('message', redactor.text(error.message))
  set('stack', redactor.text(error.stack ?? ''))
  for (const key of Object.keys(error)) {
    if (SKIPPED.has(key)) continue
    Object.defineProperty(error, key, {
      value: redactor.deep((error as Record<string, unknown>)[key]),
      writable: true,
      configurable: true,
      enumerable: true,
    })
  }
  if ('cause' in error) set('cause', scrubbedCause(error.cause, redactor, new Set([error])))
  return error
}
