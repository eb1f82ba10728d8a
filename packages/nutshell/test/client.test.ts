import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NutshellClient, ResponseValidationError, SdkError } from '../src'
import { API_KEY, EMAIL } from './support/fixtures'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()

afterEach(() => vi.unstubAllGlobals())

describe('NutshellClient', () => {
  it('authenticates with HTTP Basic (email:apiKey) against https://app.nutshell.com/rest', async () => {
    await makeClient().users.list()
    const req = env.fake.seen[0]!
    expect(req.url.origin + req.url.pathname).toBe('https://app.nutshell.com/rest/users')
    expect(req.headers.get('authorization')).toBe(`Basic ${btoa(`${EMAIL}:${API_KEY}`)}`)
  })

  it('uses the fetch it is given', async () => {
    const fetch = vi.fn(async () => Response.json({ users: [{ id: '1-users', name: 'Via custom fetch' }] }))
    const ns = new NutshellClient({
      email: EMAIL,
      apiKey: API_KEY,
      fetch,
      baseUrl: 'http://localhost:9999/rest',
    })
    expect((await ns.users.list()).items[0]!.name).toBe('Via custom fetch')
    expect(fetch).toHaveBeenCalledOnce()
  })

  it('refuses to send credentials over plain http to a non-loopback host', async () => {
    const ns = makeClient({ baseUrl: 'http://nutshell.example.com/rest' })
    await expect(ns.users.list()).rejects.toThrow(/plain http/)
  })

  it('refuses to run in a browser unless dangerouslyAllowBrowser is set', () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    expect(() => makeClient()).toThrow(/browser/)
    expect(() => makeClient({ dangerouslyAllowBrowser: true })).not.toThrow()
  })

  it('needs an email and an API key, without echoing either', () => {
    expect(() => new NutshellClient({ email: '', apiKey: API_KEY })).toThrow(SdkError)
    const error = (() => {
      try {
        new NutshellClient({ email: EMAIL, apiKey: '' })
      } catch (e) {
        return e as Error
      }
    })()
    expect(error?.message).toMatch(/apiKey/)
  })

  it("strict validation throws ResponseValidationError when the body doesn't fit; loose passes it through", async () => {
    env.server.use(
      http.get('https://app.nutshell.com/rest/users', () =>
        HttpResponse.json({ users: [{ name: 'no id' }] }),
      ),
    )
    await expect(makeClient({ validation: 'strict' }).users.list()).rejects.toBeInstanceOf(
      ResponseValidationError,
    )
    const page = await makeClient().users.list()
    expect(page.items).toEqual([{ name: 'no id' }])
  })

  it('reports requests to hooks with the request id and no credential', async () => {
    const events: unknown[] = []
    await makeClient({ hooks: { onResponse: (e) => events.push(e) } }).leads.get('1001-leads')
    expect(events).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/rest/leads/1001-leads',
        status: 200,
        requestId: 'req-7f3a',
      }),
    ])
    expect(JSON.stringify(events)).not.toContain(API_KEY)
  })

  it('withResponse gives status and headers of a get', async () => {
    const { data, response } = await makeClient().leads.get('1001-leads').withResponse()
    expect(data.id).toBe('1001-leads')
    expect(response?.status).toBe(200)
    expect(response?.requestId).toBe('req-7f3a')
  })
})
