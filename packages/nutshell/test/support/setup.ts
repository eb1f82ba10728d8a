import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { NutshellClient, type NutshellClientOptions } from '../../src'
import { createFakeNutshell, type FakeNutshell } from './fake-nutshell'
import { API_KEY, EMAIL } from './fixtures'

/** Starts msw for this file and gives each test a fresh fake Nutshell (state and request log). */
export function useFakeNutshell(): {
  readonly fake: FakeNutshell
  readonly server: ReturnType<typeof setupServer>
} {
  const server = setupServer()
  let fake: FakeNutshell | undefined
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
  beforeEach(() => {
    fake = createFakeNutshell()
    server.resetHandlers(...fake.handlers)
  })
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return {
    get fake() {
      return fake!
    },
    server,
  }
}

/** A client for the fake, with instant backoff so retry tests do not wait. */
export function makeClient(overrides: Partial<NutshellClientOptions> = {}): NutshellClient {
  return new NutshellClient({
    email: EMAIL,
    apiKey: API_KEY,
    backoff: { initialDelay: 1, maxDelay: 1 },
    ...overrides,
  })
}
