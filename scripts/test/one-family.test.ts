// The rule: @x/nutshell and @x/nutan import side by side. A name both export is the same binding (the
// core's errors, hooks and limiter factory), never two different things under one name; both re-export
// what the core README promises.
import * as nutan from '@x/nutan'
import * as nutshell from '@x/nutshell'
import { expect, test } from 'vitest'

test('no export of one client clashes with the other', () => {
  const shared = Object.keys(nutshell).filter((name) => name in nutan)
  const clashes = shared.filter(
    (name) => (nutshell as Record<string, unknown>)[name] !== (nutan as Record<string, unknown>)[name],
  )
  expect(clashes).toEqual([])
})

test('both re-export the errors and createRateLimiter from the core', () => {
  for (const name of [
    'SdkError',
    'ApiError',
    'AuthenticationError',
    'NotFoundError',
    'RateLimitError',
    'InputValidationError',
    'ResponseValidationError',
    'AbortError',
    'TimeoutError',
    'ConnectionError',
    'createRateLimiter',
    'PagePromise',
  ]) {
    expect(typeof (nutshell as Record<string, unknown>)[name], `@x/nutshell ${name}`).toBe('function')
    expect((nutan as Record<string, unknown>)[name], `@x/nutan ${name}`).toBe(
      (nutshell as Record<string, unknown>)[name],
    )
  }
})

test('each client names its own base URL', () => {
  expect(nutshell.NUTSHELL_BASE_URL).toBe('https://app.nutshell.com/rest')
  expect(nutan.NUTAN_BASE_URL).toMatch(/^https:\/\//)
})
