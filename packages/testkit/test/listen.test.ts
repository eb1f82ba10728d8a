import { afterEach, describe, expect, test } from 'vitest'
import { createNutshellSimulator, type ListeningServer } from '../src/index'
import { basicAuth } from './helpers'

let server: ListeningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('listen() over real loopback', () => {
  test('serves REST on 127.0.0.1 with CORS headers browser pages need', async () => {
    const sim = createNutshellSimulator()
    server = await sim.listen()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${server.url}/rest/leads?page[limit]=2`, {
      headers: { authorization: basicAuth(sim), origin: 'http://localhost:5173' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    const exposed = response.headers.get('access-control-expose-headers')!.toLowerCase()
    for (const header of [
      'x-nutshell-request-id',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'retry-after',
      'retry-after-ms',
    ]) {
      expect(exposed).toContain(header)
    }
    const body = await response.json()
    expect(body.leads[0].href).toBe(`${server.url}/rest/leads/1001-leads`)
    expect(sim.requests).toHaveLength(1)
  })

  test('answers CORS preflights for the headers an SDK sends, without counting them as requests', async () => {
    const sim = createNutshellSimulator()
    server = await sim.listen()
    const response = await fetch(`${server.url}/rest/leads/1001-leads`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization, content-type, if-none-match, x-custom',
      },
    })
    expect(response.status).toBe(204)
    const allowed = response.headers.get('access-control-allow-headers')!
    for (const header of ['authorization', 'content-type', 'if-none-match', 'x-custom'])
      expect(allowed).toContain(header)
    expect(response.headers.get('access-control-allow-methods')).toContain('PATCH')
    expect(sim.requests).toHaveLength(0)
  })

  test('discovery names the loopback host, and JSON-RPC answers there', async () => {
    const sim = createNutshellSimulator()
    server = await sim.listen()
    const discovery = await fetch(`${server.url}/v1/json`, {
      method: 'POST',
      body: JSON.stringify({
        method: 'getApiForUsername',
        params: { username: sim.credentials.email },
        id: '1',
      }),
    })
    const { result } = await discovery.json()
    expect(`http://${result.api}`).toBe(server.url)
    const call = await fetch(`http://${result.api}/api/v1/json`, {
      method: 'POST',
      headers: { authorization: basicAuth(sim), 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'getLead', params: { leadId: 1001 }, id: '2' }),
    })
    expect((await call.json()).result.id).toBe(1001)
  })

  test("a dropped connection destroys the socket and the caller's fetch rejects", async () => {
    const sim = createNutshellSimulator({ faults: { drop: { at: [1] } } })
    server = await sim.listen()
    await expect(
      fetch(`${server.url}/rest/users`, { headers: { authorization: basicAuth(sim) } }),
    ).rejects.toThrow(TypeError)
    const after = await fetch(`${server.url}/rest/users`, { headers: { authorization: basicAuth(sim) } })
    expect(after.status).toBe(200)
  })

  test('the loopback server and the in-process fetch share one state and one request count', async () => {
    const sim = createNutshellSimulator({ faults: { error: { at: [2] } } })
    server = await sim.listen()
    const created = await fetch(`${server.url}/rest/contacts`, {
      method: 'POST',
      headers: { authorization: basicAuth(sim), 'content-type': 'application/json' },
      body: JSON.stringify({ contacts: [{ name: 'Loopback Person' }] }),
    })
    const id = (await created.json()).contacts[0].id
    const viaFetch = await sim.fetch(`https://app.nutshell.com/rest/contacts/${id}`, {
      headers: { authorization: basicAuth(sim) },
    })
    expect(viaFetch.status).toBe(503)
    const again = await sim.fetch(`https://app.nutshell.com/rest/contacts/${id}`, {
      headers: { authorization: basicAuth(sim) },
    })
    expect((await again.json()).contacts[0].name).toBe('Loopback Person')
  })
})
