import { afterEach, describe, expect, it, vi } from 'vitest'
import { AuthenticationError, BadRequestError, NotFoundError, RateLimitError, ServerError } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env

afterEach(() => {
  vi.useRealTimers()
})

/** The simulator's requests to one method and path under /rest. */
const calls = (method: string, path: string) =>
  env.sim.requests.filter((r) => r.method === method && r.path === `/rest${path}`)

/** The request id the simulator answered the last request with. */
const lastRequestId = () => {
  const id = env.seen.at(-1)!.requestId
  expect(id).toMatch(/^[0-9a-f]{32}$/)
  return id
}

describe('error bodies of the real service become typed errors', () => {
  it('400 with an errors array → BadRequestError with details from it', async () => {
    // The service answers an unknown filter field with its `errors` array.
    const error = await makeClient()
      .accounts.list({ filter: { favoriteColor: 'blue' } })
      .catch((e: unknown) => e)
    expect(env.seen.at(-1)!.status).toBe(400)
    expect(error).toBeInstanceOf(BadRequestError)
    const e = error as BadRequestError
    expect(e.status).toBe(400)
    expect(e.message).toContain('Invalid filter: favoriteColor')
    expect(e.details).toEqual([
      expect.objectContaining({ message: 'Invalid filter: favoriteColor', title: 'Invalid filter' }),
    ])
    expect(e.requestId).toBe(lastRequestId())
  })

  it('400 with a JSON string body → BadRequestError carrying that text', async () => {
    // A proxy that rewrites the content type: the simulator then answers with the service's JSON-string 400.
    const ns = makeClient({
      fetch: (input, init) => {
        const request = new Request(input, init)
        const headers = new Headers(request.headers)
        headers.set('content-type', 'application/json')
        return env.fetch(new Request(request, { headers }))
      },
    })
    const error = await ns.leads.update('1001-leads', { description: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BadRequestError)
    expect((error as Error).message).toContain('application/json-patch+json is required')
    expect((error as BadRequestError).body).toBe(
      'application/json-patch+json is required, see http://jsonapi.org',
    )
    expect((error as BadRequestError).requestId).toBe(lastRequestId())
    expect(env.sim.db.get('1001-leads')!.description).not.toBe('x')
  })

  it('an HTML 401 page → AuthenticationError with a short message, not the HTML', async () => {
    const error = await makeClient({ apiKey: 'wrong-key-123' })
      .leads.list()
      .catch((e: unknown) => e)
    expect(env.seen.at(-1)!.status).toBe(401)
    expect(error).toBeInstanceOf(AuthenticationError)
    const message = (error as Error).message
    expect(message).toContain('401')
    expect(message).not.toMatch(/<|DOCTYPE|error-page|log in to see this page/)
    expect(message.length).toBeLessThan(200)
    expect((error as AuthenticationError).requestId).toBe(lastRequestId())
  })

  it('an HTML 404 page → NotFoundError with a short message', async () => {
    const error = await makeClient()
      .contacts.get('999-contacts')
      .catch((e: unknown) => e)
    expect(env.seen.at(-1)!.status).toBe(404)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as Error).message).not.toMatch(/<|DOCTYPE|could not be found/)
    expect((error as Error).message.length).toBeLessThan(200)
    expect((error as NotFoundError).requestId).toBe(lastRequestId())
  })

  it('a {code,message} 500 → ServerError, after the read is retried', async () => {
    env.sim.faults.set({ error: { rate: 1, status: 500, body: 'json', match: { path: '/rest/users' } } })
    const error = await makeClient({ maxRetries: 2 })
      .users.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as ServerError).message).toContain('Internal Server Error')
    expect((error as ServerError).code).toBe(500)
    expect((error as ServerError).requestId).toBe(lastRequestId())
    expect(calls('GET', '/users')).toHaveLength(3)
  })

  it('an "Internal Error" string 500 → ServerError', async () => {
    env.sim.faults.next({ status: 500, body: 'string', match: { path: '/rest/tags' } })
    const error = await makeClient({ maxRetries: 0 })
      .tags.list()
      .catch((e: unknown) => e)
    expect(env.seen.at(-1)!.status).toBe(500)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as Error).message).toContain('Internal Error')
  })

  it('never puts the API key (or the Basic credential) in an error', async () => {
    const { email, apiKey } = env.sim.credentials
    const error = (await makeClient({ apiKey: `${apiKey}x` })
      .leads.list()
      .catch((e: unknown) => e)) as AuthenticationError
    expect(error).toBeInstanceOf(AuthenticationError)
    const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`
    expect(text).not.toContain(`${apiKey}x`)
    expect(text).not.toContain(btoa(`${email}:${apiKey}x`))
  })
})

describe('retries', () => {
  it('a 429 is waited out (Retry-After) and the read succeeds', async () => {
    vi.useFakeTimers()
    env.sim.faults.next({ status: 429, retryAfterMs: 2000, match: { path: '/rest/sources' } })
    // list() is lazy: then() starts the request.
    const pending = makeClient({ maxRetries: 1 })
      .sources.list()
      .then((page) => page)
    await vi.advanceTimersByTimeAsync(1900)
    expect(calls('GET', '/sources').map((r) => r.status)).toEqual([429])
    await vi.advanceTimersByTimeAsync(200)
    const page = await pending
    expect(calls('GET', '/sources').map((r) => r.status)).toEqual([429, 200])
    expect(page.items.map((s) => s.name)).toEqual(env.sim.db.list('sources').map((s) => s.name))
    expect(page.items.map((s) => s.name)).toContain('Trade show')
  })

  it('a 429 longer than maxRetryAfter is thrown as RateLimitError with retryAfterMs', async () => {
    env.sim.faults.next({ status: 429, retryAfterMs: 120_000, match: { path: '/rest/users' } })
    const error = await makeClient({ maxRetryAfter: 1000 })
      .users.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(120_000)
    expect(calls('GET', '/users')).toHaveLength(1)
  })

  it('a create is never resent after a 5xx', async () => {
    env.sim.faults.set({ error: { rate: 1, status: 503, match: { method: 'POST', path: '/rest/leads' } } })
    const before = env.sim.db.tables.leads.length
    await expect(makeClient({ maxRetries: 3 }).leads.create({ description: 'once' })).rejects.toBeInstanceOf(
      ServerError,
    )
    expect(calls('POST', '/leads')).toHaveLength(1)
    expect(env.sim.db.tables.leads).toHaveLength(before)
  })

  it('a create answered 429 is resent (the service did not act on it)', async () => {
    env.sim.faults.next({ status: 429, retryAfterMs: 0, match: { method: 'POST', path: '/rest/contacts' } })
    const contact = await makeClient({ maxRetries: 2 }).contacts.create({ name: 'New' })
    expect(calls('POST', '/contacts').map((r) => r.status)).toEqual([429, 200])
    expect(env.sim.db.get(contact.id)).toMatchObject({ name: 'New' })
    expect(env.sim.db.list('contacts').filter((c) => c.name === 'New')).toHaveLength(1)
  })
})
