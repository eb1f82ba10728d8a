// Small clients over a simulator's in-process fetch, so tests read like the calls an SDK makes.
import type { NutshellSimulator } from '../src/index'

export const REST = 'https://app.nutshell.com/rest'
export const RPC = 'https://app.nutshell.com/api/v1/json'

/** The Authorization header for a simulator's first user. */
export function basicAuth(sim: NutshellSimulator): string {
  return `Basic ${btoa(`${sim.credentials.email}:${sim.credentials.apiKey}`)}`
}

export interface Reply {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely
  body: any
  text: string
}

async function read(response: Response): Promise<Reply> {
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  return { status: response.status, headers: response.headers, body, text }
}

/** Calls the REST API under /rest with the first user's credentials (or `auth: null` for none). */
export async function rest(
  sim: NutshellSimulator,
  method: string,
  path: string,
  init: { body?: unknown; contentType?: string; auth?: string | null } = {},
): Promise<Reply> {
  const headers = new Headers()
  const auth = init.auth === undefined ? basicAuth(sim) : init.auth
  if (auth !== null) headers.set('authorization', auth)
  if (init.body !== undefined) headers.set('content-type', init.contentType ?? 'application/json')
  const body = init.body === undefined ? undefined : JSON.stringify(init.body)
  return read(await sim.fetch(`${REST}${path}`, { method, headers, body }))
}

/** Sends a JSON-RPC call to /api/v1/json with the first user's credentials. */
export async function rpc(
  sim: NutshellSimulator,
  method: string,
  params: Record<string, unknown> = {},
  init: { headers?: Record<string, string>; auth?: string | null; url?: string } = {},
): Promise<Reply> {
  const headers = new Headers({ 'content-type': 'application/json', ...init.headers })
  const auth = init.auth === undefined ? basicAuth(sim) : init.auth
  if (auth !== null) headers.set('authorization', auth)
  const response = await sim.fetch(init.url ?? RPC, {
    method: 'POST',
    headers,
    body: JSON.stringify({ method, params, id: 'test-1' }),
  })
  return read(response)
}
