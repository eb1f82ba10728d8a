// Runs each test against a fresh @x/testkit Nutshell simulator, through a fetch that records what the client sent.
import { createNutshellSimulator, type NutshellSimulator, type NutshellSimulatorOptions } from '@x/testkit'
import { beforeEach } from 'vitest'
import { NutshellClient, type NutshellClientOptions } from '../../src'

/** One request the client sent, and what the simulator answered. */
export interface SeenRequest {
  method: string
  url: URL
  headers: Headers
  /** The JSON body, parsed (the raw text when it is not JSON; undefined when empty). */
  body: unknown
  rawBody: string
  status: number
  /** The `x-nutshell-request-id` the simulator answered with. */
  requestId: string | null
}

/** Small seed sizes so tests can reason about whole lists (7 leads: 1001..1007). */
export const SIZE = { leads: 7, contacts: 4, accounts: 3 }

export interface SimulatorEnv {
  readonly sim: NutshellSimulator
  /** Every request that reached the simulator in this test, oldest first. */
  readonly seen: SeenRequest[]
  /** The simulator's in-process fetch, recording into `seen`. */
  readonly fetch: typeof globalThis.fetch
  /** A client for the simulator (default base URL), with instant backoff so retry tests do not wait. */
  makeClient(overrides?: Partial<NutshellClientOptions>): NutshellClient
}

/** A recording fetch in front of `sim.fetch`. */
export function recordingFetch(sim: NutshellSimulator, seen: SeenRequest[]): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const rawBody = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text()
    let body: unknown = rawBody === '' ? undefined : rawBody
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {}
    const entry: SeenRequest = {
      method: request.method,
      url: new URL(request.url),
      headers: new Headers(request.headers),
      body,
      rawBody,
      status: 0,
      requestId: null,
    }
    seen.push(entry)
    const response = await sim.fetch(request)
    entry.status = response.status
    entry.requestId = response.headers.get('x-nutshell-request-id')
    return response
  }
}

/** A fresh simulator per test (seed 1, `SIZE` records unless `options` say otherwise). */
export function useSimulator(options: NutshellSimulatorOptions = {}): SimulatorEnv {
  let sim: NutshellSimulator | undefined
  let seen: SeenRequest[] = []
  let fetch: typeof globalThis.fetch | undefined
  beforeEach(() => {
    sim = createNutshellSimulator({ seed: 1, size: SIZE, ...options })
    seen = []
    fetch = recordingFetch(sim, seen)
  })
  return {
    get sim() {
      return sim!
    },
    get seen() {
      return seen
    },
    get fetch() {
      return fetch!
    },
    makeClient(overrides = {}) {
      return new NutshellClient({
        ...sim!.credentials,
        fetch: fetch!,
        backoff: { initialDelay: 1, maxDelay: 1 },
        ...overrides,
      })
    },
  }
}
