// JSON-RPC transport rules: the envelope, discovery (cache, TTL, single flight), typed errors, retries, 304.
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  type ErrorEvent,
  InputValidationError,
  NotFoundError,
  ResponseValidationError,
  ServerError,
  Transport,
} from '@x/core'
import { getResponse, HttpResponse, http, type RequestHandler } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RpcClient, type RpcOptions } from '../src/rpc'

const EMAIL = 'ada@example.com'
const API_KEY = 'nk_live_4f1c9e2b7a8d'
const BASIC = `Basic ${btoa(`${EMAIL}:${API_KEY}`)}`
const DISCOVERY = 'https://api.nutshell.com/v1/json'
const ENDPOINT = 'https://app01.nutshell.com/api/v1/json'

interface Seen {
  url: string
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely
  body: any
}

type Reply =
  | { result: unknown }
  | { error: { code: number | string; message: string; data?: unknown } }
  | Response

/** An msw handler speaking Nutshell's JSON-RPC envelope; `answer` sees the method and named params. */
function rpcHandler(
  url: string,
  // biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
  answer: (method: string, params: any, request: Request) => Reply | Promise<Reply>,
): RequestHandler {
  return http.post(url, async ({ request }) => {
    const body = (await request.clone().json()) as { method: string; params: unknown; id: string }
    const reply = await answer(body.method, body.params, request)
    if (reply instanceof Response) return reply
    return HttpResponse.json({ result: null, error: null, ...reply, id: body.id })
  })
}

function discovery(api = 'app01.nutshell.com', url = DISCOVERY): RequestHandler {
  return rpcHandler(url, () => ({ result: { api, login: api, iphone: api } }))
}

/** A RpcClient on a transport whose fetch is answered by msw handlers, recording every request. */
function setup(handlers: RequestHandler[], options: RpcOptions = {}, onError?: (e: ErrorEvent) => void) {
  const seen: Seen[] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const text = await request.clone().text()
    seen.push({ url: request.url, headers: request.headers, body: text ? JSON.parse(text) : undefined })
    const response = await getResponse(handlers, request)
    if (!response || response.type === 'error') throw new TypeError('fetch failed')
    return response
  }
  const transport = new Transport({
    baseUrl: 'https://app.nutshell.com/rest',
    fetch: fetchImpl as typeof fetch,
    auth: () => ({ authorization: BASIC }),
    secrets: () => [API_KEY, BASIC, btoa(`${EMAIL}:${API_KEY}`)],
    backoff: { initialDelay: 200, maxDelay: 200 },
    hooks: { onError },
  })
  const rpc = new RpcClient({ transport, email: EMAIL, options })
  const calls = (url: string) => seen.filter((s) => s.url === url)
  return { rpc, seen, calls }
}

/** Runs a call while fake timers fast-forward its backoff waits. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const guarded = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.runAllTimersAsync()
  const outcome = await guarded
  if ('error' in outcome) throw outcome.error
  return outcome.value
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the JSON-RPC envelope', () => {
  it('POSTs {method, named params, string id} with Basic auth and resolves to result', async () => {
    const { rpc, calls } = setup([
      discovery(),
      rpcHandler(ENDPOINT, (method, params) => ({ result: { method, params } })),
    ])
    const result = await rpc.call('findLeads', { query: { status: 0 }, limit: 5 })
    expect(result).toEqual({ method: 'findLeads', params: { query: { status: 0 }, limit: 5 } })
    const [sent] = calls(ENDPOINT)
    expect(sent!.body).toEqual({
      method: 'findLeads',
      params: { query: { status: 0 }, limit: 5 },
      id: expect.any(String),
    })
    expect(sent!.headers.get('authorization')).toBe(BASIC)
    expect(sent!.headers.get('content-type')).toMatch(/application\/json/)
  })

  it('gives every request its own id', async () => {
    const { rpc, calls } = setup([discovery(), rpcHandler(ENDPOINT, () => ({ result: true }))])
    await rpc.call('getUser', { userId: 1 })
    await rpc.call('getUser', { userId: 2 })
    const ids = calls(ENDPOINT).map((s) => s.body.id)
    expect(new Set(ids).size).toBe(2)
  })

  it('rejects params that are not named (an object) before any request', async () => {
    const { rpc, seen } = setup([discovery()])
    await expect(rpc.call('getLead', [1003] as never)).rejects.toBeInstanceOf(InputValidationError)
    await expect(rpc.call('', {})).rejects.toBeInstanceOf(InputValidationError)
    expect(seen).toHaveLength(0)
  })

  it('treats a 200 that is not a JSON-RPC response as a validation failure', async () => {
    const { rpc } = setup([discovery(), http.post(ENDPOINT, () => HttpResponse.json({ hello: 'world' }))])
    await expect(rpc.call('getLead', { leadId: 1 })).rejects.toBeInstanceOf(ResponseValidationError)
  })
})

describe('discovery', () => {
  it('asks getApiForUsername for the user, without credentials, and calls https://<api>/api/v1/json', async () => {
    const { rpc, calls } = setup([
      discovery('app07.nutshell.com'),
      rpcHandler('https://app07.nutshell.com/api/v1/json', () => ({ result: 'ok' })),
    ])
    await expect(rpc.call('getUser', { userId: 1 })).resolves.toBe('ok')
    const [asked] = calls(DISCOVERY)
    expect(asked!.body).toEqual({
      method: 'getApiForUsername',
      params: { username: EMAIL },
      id: expect.any(String),
    })
    expect(asked!.headers.get('authorization')).toBeNull()
    expect(calls('https://app07.nutshell.com/api/v1/json')[0]!.headers.get('authorization')).toBe(BASIC)
  })

  it('reuses the discovered endpoint until the TTL passes, then discovers again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2025, 0, 1))
    const { rpc, calls } = setup([discovery(), rpcHandler(ENDPOINT, () => ({ result: 1 }))], {
      discoveryTtlMs: 60_000,
    })
    await rpc.call('getUser', { userId: 1 })
    vi.setSystemTime(Date.UTC(2025, 0, 1) + 59_000)
    await rpc.call('getUser', { userId: 1 })
    expect(calls(DISCOVERY)).toHaveLength(1)
    vi.setSystemTime(Date.UTC(2025, 0, 1) + 61_000)
    await rpc.call('getUser', { userId: 1 })
    expect(calls(DISCOVERY)).toHaveLength(2)
    expect(calls(ENDPOINT)).toHaveLength(3)
  })

  it('caches for 30 minutes by default', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2025, 0, 1))
    const { rpc, calls } = setup([discovery(), rpcHandler(ENDPOINT, () => ({ result: 1 }))])
    await rpc.call('getUser', { userId: 1 })
    vi.setSystemTime(Date.UTC(2025, 0, 1) + 29 * 60_000)
    await rpc.call('getUser', { userId: 1 })
    expect(calls(DISCOVERY)).toHaveLength(1)
    vi.setSystemTime(Date.UTC(2025, 0, 1) + 31 * 60_000)
    await rpc.call('getUser', { userId: 1 })
    expect(calls(DISCOVERY)).toHaveLength(2)
  })

  it('keeps one discovery in flight however many first calls arrive at once', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const slowDiscovery = rpcHandler(DISCOVERY, async () => {
      await gate
      return { result: { api: 'app01.nutshell.com' } }
    })
    const { rpc, calls } = setup([
      slowDiscovery,
      rpcHandler(ENDPOINT, (_m, params) => ({ result: params.userId })),
    ])
    const pending = [1, 2, 3, 4, 5].map((userId) => rpc.call('getUser', { userId }))
    release()
    await expect(Promise.all(pending)).resolves.toEqual([1, 2, 3, 4, 5])
    expect(calls(DISCOVERY)).toHaveLength(1)
    expect(calls(ENDPOINT)).toHaveLength(5)
  })

  it('does not cache a failed discovery: the next call asks again', async () => {
    let attempts = 0
    const flaky = rpcHandler(DISCOVERY, () =>
      ++attempts === 1
        ? { error: { code: 404, message: 'Unknown username' } }
        : { result: { api: 'app01.nutshell.com' } },
    )
    const { rpc, calls } = setup([flaky, rpcHandler(ENDPOINT, () => ({ result: 'ok' }))])
    await expect(rpc.call('getUser', { userId: 1 })).rejects.toBeInstanceOf(NotFoundError)
    await expect(rpc.call('getUser', { userId: 1 })).resolves.toBe('ok')
    expect(calls(DISCOVERY)).toHaveLength(2)
  })

  it('refuses a discovery answer that names no usable host', async () => {
    const { rpc, calls } = setup([rpcHandler(DISCOVERY, () => ({ result: { api: 'evil.example/steal?' } }))])
    await expect(rpc.call('getUser', { userId: 1 })).rejects.toThrow(/no usable API host/)
    expect(calls(DISCOVERY)).toHaveLength(1)
  })

  it('skips discovery when an endpoint is configured', async () => {
    const fixed = 'https://app.nutshell.com/api/v1/json'
    const { rpc, calls } = setup([discovery(), rpcHandler(fixed, () => ({ result: 'ok' }))], {
      endpoint: fixed,
    })
    await expect(rpc.call('getUser', { userId: 1 })).resolves.toBe('ok')
    expect(calls(DISCOVERY)).toHaveLength(0)
  })

  it('keeps the discovery URL protocol, so a loopback simulator over http works', async () => {
    const local = 'http://127.0.0.1:4010/v1/json'
    const { rpc, calls } = setup(
      [
        discovery('127.0.0.1:4010', local),
        rpcHandler('http://127.0.0.1:4010/api/v1/json', () => ({ result: 'ok' })),
      ],
      { discoveryUrl: local },
    )
    await expect(rpc.call('getUser', { userId: 1 })).resolves.toBe('ok')
    expect(calls('http://127.0.0.1:4010/api/v1/json')).toHaveLength(1)
  })

  it('discovers again after a connection failure, in case the user moved hosts', async () => {
    let down = true
    const endpoint = http.post(ENDPOINT, async ({ request }) => {
      const body = (await request.json()) as { id: string }
      return down ? HttpResponse.error() : HttpResponse.json({ result: 'ok', id: body.id, error: null })
    })
    const { rpc, calls } = setup([discovery(), endpoint])
    vi.useFakeTimers()
    await expect(settle(rpc.call('getUser', { userId: 1 }))).rejects.toBeInstanceOf(ConnectionError)
    down = false
    await expect(settle(rpc.call('getUser', { userId: 1 }))).resolves.toBe('ok')
    expect(calls(DISCOVERY)).toHaveLength(2)
  })
})

describe('JSON-RPC errors', () => {
  const failing = (error: { code: number | string; message: string; data?: unknown }) =>
    setup([discovery(), rpcHandler(ENDPOINT, () => ({ error }))])

  it('error 409 (rev key is out-of-date) becomes ConflictError keeping code and data', async () => {
    const { rpc } = failing({ code: 409, message: 'rev key is out-of-date', data: { currentRev: '8' } })
    const error = await rpc.call('editLead', { leadId: 1, rev: '7', lead: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({
      status: 409,
      code: 409,
      data: { currentRev: '8' },
      method: 'POST',
      path: '/api/v1/json',
    })
    expect((error as Error).message).toMatch(/editLead.*rev key is out-of-date/)
  })

  it.each([
    [401, AuthenticationError],
    [404, NotFoundError],
    [400, BadRequestError],
    [-32601, BadRequestError],
    [-32602, BadRequestError],
    [-32603, ServerError],
    [-32000, ServerError],
    [12345, ServerError],
  ])('code %s becomes %s', async (code, ErrorClass) => {
    const { rpc } = failing({ code, message: 'nope', data: ['detail'] })
    const error = await rpc.call('getLead', { leadId: 1 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toMatchObject({ code, data: ['detail'] })
  })

  it('never carries the API key, even when the service echoes it', async () => {
    const { rpc } = failing({ code: 401, message: `Bad key ${API_KEY}`, data: { key: API_KEY } })
    const error = (await rpc.call('getLead', { leadId: 1 }).catch((e: unknown) => e)) as AuthenticationError
    expect(error.message).not.toContain(API_KEY)
    expect(JSON.stringify(error.toJSON())).not.toContain(API_KEY)
    expect(JSON.stringify(error.data)).not.toContain(API_KEY)
  })

  it('reports an error answered inside a 200 to the onError hook', async () => {
    const events: ErrorEvent[] = []
    const { rpc } = setup(
      [discovery(), rpcHandler(ENDPOINT, () => ({ error: { code: 404, message: 'No such lead' } }))],
      {},
      (e) => events.push(e),
    )
    await rpc.call('getLead', { leadId: 1 }).catch(() => undefined)
    expect(events.map((e) => e.error.name)).toEqual(['NotFoundError'])
  })
})

describe('retries', () => {
  const flaky = (failures: number) => {
    let n = 0
    return rpcHandler(ENDPOINT, () =>
      ++n <= failures ? new Response('busy', { status: 503 }) : { result: 'ok' },
    )
  }

  it.each(['findLeads', 'getLead', 'searchUniversal'])(
    'read-only %s retries after a 503 like a GET',
    async (method) => {
      const { rpc, calls } = setup([discovery(), flaky(2)])
      vi.useFakeTimers()
      await expect(settle(rpc.call(method, {}))).resolves.toBe('ok')
      expect(calls(ENDPOINT)).toHaveLength(3)
    },
  )

  it.each(['newLead', 'editLead', 'deleteLead', 'mergeContacts'])(
    '%s is not resent after a 503',
    async (method) => {
      const { rpc, calls } = setup([discovery(), flaky(1)])
      vi.useFakeTimers()
      await expect(settle(rpc.call(method, {}))).rejects.toBeInstanceOf(ServerError)
      expect(calls(ENDPOINT)).toHaveLength(1)
    },
  )

  it('a write is not resent after the connection dropped', async () => {
    const { rpc, calls } = setup([discovery(), http.post(ENDPOINT, () => HttpResponse.error())])
    vi.useFakeTimers()
    await expect(settle(rpc.call('newLead', { lead: {} }))).rejects.toBeInstanceOf(ConnectionError)
    expect(calls(ENDPOINT)).toHaveLength(1)
  })
})

describe('If-None-Match', () => {
  const conditional = (current: string) =>
    rpcHandler(ENDPOINT, (_method, params, request) =>
      request.headers.get('if-none-match') === current
        ? new Response(null, { status: 304 })
        : { result: { id: params.leadId ?? 1, entityType: 'Leads', rev: current, name: 'Lead-1' } },
    )

  it('get with { etag } sends If-None-Match and reports a 304 as unchanged', async () => {
    const { rpc, calls } = setup([discovery(), conditional('7')])
    await expect(rpc.getLead(1003, { etag: '7' })).resolves.toEqual({ unchanged: true, etag: '7' })
    expect(calls(ENDPOINT)[0]!.headers.get('if-none-match')).toBe('7')
  })

  it('a changed record comes back with the etag to send next time', async () => {
    const { rpc } = setup([discovery(), conditional('8')])
    const answer = await rpc.getLead(1003, { etag: '7' })
    expect(answer).toMatchObject({ unchanged: false, result: { id: 1003, rev: '8' }, etag: '8' })
  })

  it('prefers the ETag header over the rev', async () => {
    const withHeader = http.post(ENDPOINT, async ({ request }) => {
      const body = (await request.json()) as { id: string }
      return HttpResponse.json(
        { result: { id: 1, entityType: 'Leads', rev: '8' }, id: body.id, error: null },
        { headers: { etag: '"abc"' } },
      )
    })
    const { rpc } = setup([discovery(), withHeader])
    await expect(rpc.getLead(1, { etag: 'old' })).resolves.toMatchObject({ unchanged: false, etag: '"abc"' })
  })

  it('find with { etag } answers one conditional page', async () => {
    const { rpc, calls } = setup([discovery(), conditional('v2')])
    await expect(rpc.findLeads({ query: { status: 0 } }, { etag: 'v2' })).resolves.toEqual({
      unchanged: true,
      etag: 'v2',
    })
    expect(calls(ENDPOINT)[0]!.body.params).toMatchObject({ query: { status: 0 }, page: 1 })
  })

  it('call() takes { etag } too', async () => {
    const { rpc } = setup([discovery(), conditional('3')])
    await expect(rpc.call('getLead', { leadId: 1 }, { etag: '3' })).resolves.toEqual({
      unchanged: true,
      etag: '3',
    })
  })

  it('a get without an etag resolves to the record itself', async () => {
    const { rpc, calls } = setup([discovery(), conditional('3')])
    await expect(rpc.getLead(1)).resolves.toMatchObject({ id: 1, rev: '3' })
    expect(calls(ENDPOINT)[0]!.headers.get('if-none-match')).toBeNull()
  })
})
