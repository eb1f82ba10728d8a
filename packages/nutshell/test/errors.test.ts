import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { AuthenticationError, BadRequestError, NotFoundError, RateLimitError, ServerError } from '../src'
import { API_KEY, BASE } from './support/fixtures'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()
const headers = { 'x-nutshell-request-id': 'req-err-1' }

/** Answers every matching request with this response, counting the calls. */
function answer(method: 'get' | 'post' | 'patch', path: string, respond: () => Response) {
  const calls = { count: 0 }
  env.server.use(
    http[method](`${BASE}${path}`, () => {
      calls.count++
      return respond()
    }),
  )
  return calls
}

describe('error bodies of the real service become typed errors', () => {
  it('400 with an errors array → BadRequestError with details from it', async () => {
    answer('get', '/accounts', () =>
      HttpResponse.json(
        {
          meta: { instanceId: '12345' },
          links: {},
          accounts: [],
          errors: [
            {
              id: null,
              type: 'errors',
              code: null,
              detail: 'Invalid page number: -1',
              href: null,
              status: '400',
              title: 'Invalid filter',
              field: null,
            },
          ],
        },
        { status: 400, headers },
      ),
    )
    const error = await makeClient()
      .accounts.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    const e = error as BadRequestError
    expect(e.status).toBe(400)
    expect(e.message).toContain('Invalid page number: -1')
    expect(e.details).toEqual([
      expect.objectContaining({ message: 'Invalid page number: -1', title: 'Invalid filter' }),
    ])
    expect(e.requestId).toBe('req-err-1')
  })

  it('400 with a JSON string body → BadRequestError carrying that text', async () => {
    answer('patch', '/leads/:id', () =>
      HttpResponse.json('application/json-patch+json is required, see http://jsonapi.org', {
        status: 400,
        headers,
      }),
    )
    const error = await makeClient()
      .leads.update('1001-leads', { description: 'x' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as Error).message).toContain('application/json-patch+json is required')
    expect((error as BadRequestError).body).toBe(
      'application/json-patch+json is required, see http://jsonapi.org',
    )
    expect((error as BadRequestError).requestId).toBe('req-err-1')
  })

  it('an HTML 401 page → AuthenticationError with a short message, not the HTML', async () => {
    const error = await makeClient({ apiKey: 'wrong-key-123' })
      .leads.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    const message = (error as Error).message
    expect(message).toContain('401')
    expect(message).not.toMatch(/<|script|You must log in/)
    expect(message.length).toBeLessThan(200)
    expect((error as AuthenticationError).requestId).toBe('req-7f3a')
  })

  it('an HTML 404 page → NotFoundError with a short message', async () => {
    const error = await makeClient()
      .contacts.get('999-contacts')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).not.toMatch(/<|lorem/)
    expect((error as Error).message.length).toBeLessThan(200)
    expect((error as NotFoundError).requestId).toBe('req-7f3a')
  })

  it('a {code,message} 500 → ServerError, after the read is retried', async () => {
    const calls = answer('get', '/users', () =>
      HttpResponse.json({ code: 500, message: 'Internal Server Error' }, { status: 500, headers }),
    )
    const error = await makeClient({ maxRetries: 2 })
      .users.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as ServerError).message).toContain('Internal Server Error')
    expect((error as ServerError).code).toBe(500)
    expect((error as ServerError).requestId).toBe('req-err-1')
    expect(calls.count).toBe(3)
  })

  it('an "Internal Error" string 500 → ServerError', async () => {
    answer('get', '/tags', () => HttpResponse.json('Internal Error', { status: 500, headers }))
    const error = await makeClient({ maxRetries: 0 })
      .tags.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as Error).message).toContain('Internal Error')
  })

  it('never puts the API key (or the Basic credential) in an error', async () => {
    const error = (await makeClient({ apiKey: `${API_KEY}x` })
      .leads.list()
      .catch((e: unknown) => e)) as AuthenticationError
    const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`
    expect(text).not.toContain(`${API_KEY}x`)
    expect(text).not.toContain(btoa(`ada@example.com:${API_KEY}x`))
  })
})

describe('retries', () => {
  it('a 429 is waited out (Retry-After) and the read succeeds', async () => {
    let first = true
    env.server.use(
      http.get(`${BASE}/sources`, () => {
        if (!first)
          return HttpResponse.json({
            meta: {},
            links: {},
            sources: [{ id: '71-sources', name: 'Trade show' }],
          })
        first = false
        return HttpResponse.json('Too Many Requests', { status: 429, headers: { 'retry-after': '0' } })
      }),
    )
    const page = await makeClient({ maxRetries: 1 }).sources.list()
    expect(page.items.map((s) => s.name)).toEqual(['Trade show'])
  })

  it('a 429 longer than maxRetryAfter is thrown as RateLimitError with retryAfterMs', async () => {
    answer('get', '/users', () =>
      HttpResponse.json('slow down', { status: 429, headers: { 'retry-after': '120' } }),
    )
    const error = await makeClient({ maxRetryAfter: 1000 })
      .users.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(120_000)
  })

  it('a create is never resent after a 5xx', async () => {
    const calls = answer('post', '/leads', () =>
      HttpResponse.json({ code: 503, message: 'Service Unavailable' }, { status: 503, headers }),
    )
    await expect(makeClient({ maxRetries: 3 }).leads.create({ description: 'once' })).rejects.toBeInstanceOf(
      ServerError,
    )
    expect(calls.count).toBe(1)
  })

  it('a create answered 429 is resent (the service did not act on it)', async () => {
    let calls = 0
    env.server.use(
      http.post(`${BASE}/contacts`, () => {
        calls++
        if (calls === 1)
          return HttpResponse.json('Too Many Requests', { status: 429, headers: { 'retry-after': '0' } })
        return HttpResponse.json({ contacts: [{ id: '9-contacts', name: 'New' }] }, { status: 201 })
      }),
    )
    const contact = await makeClient({ maxRetries: 2 }).contacts.create({ name: 'New' })
    expect(contact.id).toBe('9-contacts')
    expect(calls).toBe(2)
  })
})
