// Drives the Nutan handlers directly through msw's getResponse, with a clock the test controls.
import { getResponse } from 'msw'
import {
  createNutanState,
  issueNutanTokens,
  type NutanHandlerOptions,
  type NutanState,
  type NutanStateSize,
  nutanHandlers,
} from '../src/nutan/index'

export const BASE = 'https://api.nutan.ai/v1'
export const TTL_MS = 15 * 60_000

export interface NutanReply {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely
  body: any
  text: string
}

export interface NutanHarness {
  state: NutanState
  token: string
  clock: { now: number }
  call(
    method: string,
    path: string,
    init?: { body?: unknown; token?: string | null; form?: boolean },
  ): Promise<NutanReply>
}

/** A fresh state (seed 42) behind handlers whose rate tiers are off unless asked for. */
export function nutanHarness(
  opts: { seed?: number; size?: NutanStateSize; rateLimits?: NutanHandlerOptions['rateLimits'] } = {},
): NutanHarness {
  const clock = { now: Date.UTC(2025, 5, 2, 12, 0, 0) }
  const state = createNutanState({ seed: opts.seed ?? 42, size: opts.size })
  const handlers = nutanHandlers(state, {
    accessTokenTtlMs: TTL_MS,
    now: () => clock.now,
    rateLimits: opts.rateLimits ?? { globalPerMinute: Infinity, strictPerMinute: Infinity },
  })
  const token = issueNutanTokens(state, clock.now, TTL_MS).access_token
  return {
    state,
    token,
    clock,
    async call(method, path, init = {}) {
      const headers = new Headers()
      const bearer = init.token === undefined ? token : init.token
      if (bearer !== null) headers.set('authorization', `Bearer ${bearer}`)
      let body: string | undefined
      if (init.body !== undefined) {
        headers.set('content-type', init.form ? 'application/x-www-form-urlencoded' : 'application/json')
        body = init.form
          ? new URLSearchParams(init.body as Record<string, string>).toString()
          : JSON.stringify(init.body)
      }
      const url = path.startsWith('http') ? path : `${BASE}${path}`
      const response = await getResponse(handlers, new Request(url, { method, headers, body }))
      if (!response) throw new Error(`no handler answered ${method} ${url}`)
      const text = await response.text()
      return {
        status: response.status,
        headers: response.headers,
        text,
        body: text ? JSON.parse(text) : undefined,
      }
    },
  }
}
