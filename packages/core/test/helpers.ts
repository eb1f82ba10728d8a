import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type Hooks, Transport, type TransportOptions } from '../src'

export const BASE = 'https://api.example.test/v1'
export const SECRET = 'sk-live-SECRET-1234567890'

/** One msw server per test file, failing on any request no handler answers. */
export function useServer() {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** Records every hook event for assertions. */
export function recordHooks() {
  const events: { type: string; event: unknown }[] = []
  const hooks: Hooks = {
    onRequest: (event) => events.push({ type: 'request', event }),
    onResponse: (event) => events.push({ type: 'response', event }),
    onRetry: (event) => events.push({ type: 'retry', event }),
    onError: (event) => events.push({ type: 'error', event }),
    onNotice: (event) => events.push({ type: 'notice', event }),
  }
  return { events, hooks }
}

/** A transport with Bearer auth using SECRET and fast backoff. */
export function makeTransport(options: Partial<TransportOptions> = {}) {
  return new Transport({
    baseUrl: BASE,
    auth: () => ({ authorization: `Bearer ${SECRET}` }),
    secrets: () => [SECRET],
    backoff: { initialDelay: 100, maxDelay: 1000 },
    ...options,
  })
}
