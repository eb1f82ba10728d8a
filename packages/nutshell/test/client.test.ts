import { afterEach, describe, expect, it, vi } from 'vitest'
import { NutshellClient, ResponseValidationError, SdkError } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env
const EMAIL = 'ada@example.com'
const API_KEY = 'nk_live_4f1c9e2b7a8d'

afterEach(() => vi.unstubAllGlobals())

describe('NutshellClient', () => {
  it('authenticates with HTTP Basic (email:apiKey) against https://app.nutshell.com/rest', async () => {
    const { email, apiKey } = env.sim.credentials
    await makeClient().users.list()
    const req = env.seen[0]!
    expect(req.url.origin + req.url.pathname).toBe('https://app.nutshell.com/rest/users')
    expect(req.headers.get('authorization')).toBe(`Basic ${btoa(`${email}:${apiKey}`)}`)
    expect(req.status).toBe(200)
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
    // A stored user whose flag is a string: the simulator answers with it as stored.
    const stored = env.sim.db.tables.users[0]!
    stored.isEnabled = 'yes'
    await expect(makeClient({ validation: 'strict' }).users.list()).rejects.toBeInstanceOf(
      ResponseValidationError,
    )
    const page = await makeClient().users.list()
    expect(page.items.find((u) => u.id === stored.id)).toMatchObject({ id: stored.id, isEnabled: 'yes' })
  })

  it('reports requests to hooks with the request id and no credential', async () => {
    const events: unknown[] = []
    await makeClient({ hooks: { onResponse: (e) => events.push(e) } }).leads.get('1001-leads')
    const requestId = env.seen[0]!.requestId
    expect(requestId).toMatch(/^[0-9a-f]{32}$/)
    expect(events).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/rest/leads/1001-leads',
        status: 200,
        requestId,
      }),
    ])
    const { email, apiKey } = env.sim.credentials
    expect(JSON.stringify(events)).not.toContain(apiKey)
    expect(JSON.stringify(events)).not.toContain(btoa(`${email}:${apiKey}`))
  })

  it('withResponse gives status and headers of a get', async () => {
    const { data, response } = await makeClient().leads.get('1001-leads').withResponse()
    expect(data.id).toBe('1001-leads')
    expect(response?.status).toBe(200)
    expect(response?.requestId).toBe(env.seen[0]!.requestId)
    expect(response?.requestId).toMatch(/^[0-9a-f]{32}$/)
  })
})
