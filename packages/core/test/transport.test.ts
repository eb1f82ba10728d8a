import { HttpResponse, http } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { AuthenticationError, SdkError, ServerError, Transport } from '../src'
import { BASE, makeTransport, useServer } from './helpers'

const server = useServer()

describe('requests', () => {
  it('serializes nested queries in bracket form and sends JSON bodies', async () => {
    let seen = ''
    let body: unknown
    let type = ''
    server.use(
      http.post(`${BASE}/leads`, async ({ request }) => {
        seen = new URL(request.url).search
        body = await request.json()
        type = request.headers.get('content-type') ?? ''
        return HttpResponse.json({ ok: true }, { status: 201 })
      }),
    )
    await makeTransport().request({
      method: 'POST',
      path: '/leads',
      query: { filter: { status: ['open'], address: { country: 'US' } }, page: { page: 0 } },
      body: { a: 1 },
    })
    expect(decodeURIComponent(seen)).toBe('?filter[status][]=open&filter[address][country]=US&page[page]=0')
    expect(body).toEqual({ a: 1 })
    expect(type).toBe('application/json')
  })

  it('resolves an empty 204 to undefined', async () => {
    server.use(http.patch(`${BASE}/leads/1`, () => new HttpResponse(null, { status: 204 })))
    await expect(
      makeTransport().request({
        method: 'PATCH',
        path: '/leads/1',
        body: [],
        contentType: 'application/json-patch+json',
      }),
    ).resolves.toBeUndefined()
  })

  it('withResponse exposes status, headers, request id and the rate-limit snapshot', async () => {
    server.use(
      http.get(`${BASE}/ok`, () =>
        HttpResponse.json(
          { a: 1 },
          {
            headers: {
              'x-request-id': 'abc',
              'ratelimit-limit': '100',
              'ratelimit-remaining': '99',
              'ratelimit-reset': '30',
            },
          },
        ),
      ),
    )
    const t = makeTransport()
    const { data, response } = await t.request({ method: 'GET', path: '/ok' }).withResponse()
    expect(data).toEqual({ a: 1 })
    expect(response.status).toBe(200)
    expect(response.requestId).toBe('abc')
    expect(response.rateLimit).toMatchObject({ limit: 100, remaining: 99, resetMs: 30_000 })
    expect(t.rateLimit?.remaining).toBe(99)
  })

  it('logs a response as its fields, request id and rate limit included, never its raw headers', async () => {
    server.use(
      http.get(`${BASE}/ok`, () =>
        HttpResponse.json(
          { a: 1 },
          { headers: { 'x-request-id': 'abc', 'ratelimit-remaining': '9', 'set-cookie': 'session=s3cr3t' } },
        ),
      ),
    )
    const { response } = await makeTransport().request({ method: 'GET', path: '/ok' }).withResponse()
    const logged = JSON.parse(JSON.stringify(response))
    expect(logged).toMatchObject({ status: 200, attempts: 1, requestId: 'abc', rateLimit: { remaining: 9 } })
    expect(logged.url).toBe(`${BASE}/ok`)
    expect(JSON.stringify(response)).not.toContain('s3cr3t')
  })

  it("rateLimit is the latest response's, timed from when it arrived however late it is read", async () => {
    let headers: Record<string, string> = { 'ratelimit-remaining': '7', 'ratelimit-reset': '30' }
    server.use(http.get(`${BASE}/ok`, () => HttpResponse.json({ a: 1 }, { headers })))
    const t = makeTransport()
    const { response } = await t.request({ method: 'GET', path: '/ok' }).withResponse()
    const arrived = Date.now()
    vi.spyOn(Date, 'now').mockReturnValue(arrived + 10_000)
    expect(response.rateLimit).toMatchObject({ remaining: 7, resetMs: 30_000 })
    expect(response.rateLimit?.observedAt).toBeLessThanOrEqual(arrived)
    vi.restoreAllMocks()
    headers = {}
    await t.request({ method: 'GET', path: '/ok' })
    expect(t.rateLimit).toBeUndefined()
  })

  it('a throwing hook never breaks a call', async () => {
    server.use(http.get(`${BASE}/ok`, () => HttpResponse.json({ a: 1 })))
    const t = makeTransport({
      hooks: {
        onRequest: () => {
          throw new Error('hook bug')
        },
      },
    })
    await expect(t.request({ method: 'GET', path: '/ok' })).resolves.toEqual({ a: 1 })
  })
})

describe('credentials and transport security', () => {
  it('refuses to send credentials over plain http to a non-loopback host, before any I/O', async () => {
    const fetchSpy = vi.fn()
    const t = new Transport({
      baseUrl: 'http://crm.example.com/rest',
      fetch: fetchSpy,
      auth: () => ({ authorization: 'Bearer x' }),
    })
    await expect(t.request({ method: 'GET', path: '/leads' })).rejects.toThrow(SdkError)
    await expect(t.request({ method: 'GET', path: '/leads' })).rejects.toThrow(/plain http/)
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('allows plain http to loopback', async () => {
    const fetchSpy = vi.fn(async () => Response.json({ ok: 1 }))
    const t = new Transport({
      baseUrl: 'http://127.0.0.1:9/rest',
      fetch: fetchSpy,
      auth: () => ({ authorization: 'Bearer x' }),
    })
    await expect(t.request({ method: 'GET', path: '/leads' })).resolves.toEqual({ ok: 1 })
  })

  it('a custom fetch gets the URL and a plain init: method, headers and the JSON body as a string', async () => {
    const fetchSpy = vi.fn(async (_url: string, _init: RequestInit) => new Response(null, { status: 204 }))
    const t = new Transport({
      baseUrl: 'http://127.0.0.1:9/rest',
      fetch: fetchSpy as unknown as typeof fetch,
      auth: () => ({ authorization: 'Bearer x' }),
    })
    await t.request({ method: 'PATCH', path: '/leads/1', query: { a: 1 }, body: [{ op: 'replace' }] })
    const [url, init] = fetchSpy.mock.calls[0]!
    expect(url).toBe('http://127.0.0.1:9/rest/leads/1?a=1')
    expect(init).toMatchObject({
      method: 'PATCH',
      body: '[{"op":"replace"}]',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
    })
    expect(init.signal).toBeInstanceOf(AbortSignal)
  })

  it('calls fetch unbound, as browsers require (a fetch called as a method throws "Illegal invocation")', async () => {
    const browserLikeFetch = function (this: unknown) {
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation')
      return Promise.resolve(Response.json({ ok: true }))
    } as unknown as typeof fetch
    const t = new Transport({ baseUrl: 'https://api.example.test', fetch: browserLikeFetch })
    await expect(t.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: true })
  })

  it('refreshes once on a 401 and replays the call; a second 401 is final', async () => {
    let token = 'old'
    let calls = 0
    server.use(
      http.post(`${BASE}/items`, ({ request }) => {
        calls++
        return request.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json({ ok: true }, { status: 201 })
          : new HttpResponse(null, { status: 401 })
      }),
    )
    const refreshAuth = vi.fn(async () => {
      token = 'new'
      return true
    })
    const t = makeTransport({ auth: () => ({ authorization: `Bearer ${token}` }), refreshAuth })
    await expect(t.request({ method: 'POST', path: '/items', body: {} })).resolves.toEqual({ ok: true })
    expect(refreshAuth).toHaveBeenCalledTimes(1)
    expect(calls).toBe(2)

    token = 'still-bad'
    const failing = vi.fn(async () => true)
    const t2 = makeTransport({ auth: () => ({ authorization: 'Bearer bad' }), refreshAuth: failing })
    await expect(t2.request({ method: 'POST', path: '/items', body: {} })).rejects.toBeInstanceOf(
      AuthenticationError,
    )
    expect(failing).toHaveBeenCalledTimes(1)
  })
})

describe('errors reported inside a successful answer', () => {
  const rpcFailure = (data: unknown) =>
    (data as { error?: { code: number } }).error
      ? new ServerError({ status: 500, message: 'rpc failure', method: 'POST', path: '/rpc' })
      : undefined

  it('retries them like HTTP errors when the call is read-only, and reports them to onError', async () => {
    let calls = 0
    server.use(
      http.post(`${BASE}/rpc`, () => {
        calls++
        return HttpResponse.json(
          calls === 1 ? { result: null, error: { code: 500 } } : { result: 7, error: null },
        )
      }),
    )
    const t = makeTransport({ backoff: { initialDelay: 1, maxDelay: 1 } })
    await expect(
      t.request({ method: 'POST', path: '/rpc', body: {}, idempotent: true, check: rpcFailure }),
    ).resolves.toEqual({
      result: 7,
      error: null,
    })
    expect(calls).toBe(2)
  })

  it('never resends a write whose answer carried an error', async () => {
    let calls = 0
    server.use(
      http.post(`${BASE}/rpc`, () => {
        calls++
        return HttpResponse.json({ result: null, error: { code: 500 } })
      }),
    )
    const errors: unknown[] = []
    const t = makeTransport({ hooks: { onError: (e) => errors.push(e.error) } })
    await expect(
      t.request({ method: 'POST', path: '/rpc', body: {}, check: rpcFailure }),
    ).rejects.toBeInstanceOf(ServerError)
    expect(calls).toBe(1)
    expect(errors).toHaveLength(1)
  })
})
