import { afterEach, describe, expect, test } from 'vitest'
import { createNutanSimulator, type ListeningServer } from '../src/index'

const BASE = 'https://api.nutan.ai/v1'
let server: ListeningServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('createNutanSimulator', () => {
  test('answers the Nutan API through its in-process fetch with issued tokens', async () => {
    const sim = createNutanSimulator({ seed: 3 })
    const { access_token } = sim.issueTokens()
    const response = await sim.fetch(`${BASE}/contacts?limit=5`, {
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body).toMatchObject({ limit: 5, offset: 0 })
    expect(body.data).toHaveLength(5)
    expect(sim.requests).toEqual([{ method: 'GET', path: '/v1/contacts', status: 200 }])
  })

  test("injected faults use Nutan's error shape; unknown paths are a JSON 404", async () => {
    const sim = createNutanSimulator()
    sim.faults.next({ status: 503 })
    const failed = await sim.fetch(`${BASE}/deals`)
    expect(failed.status).toBe(503)
    expect(await failed.json()).toEqual({
      error: 'service_unavailable',
      message: 'Service temporarily unavailable',
    })
    const elsewhere = await sim.fetch('https://api.nutan.ai/other')
    expect(elsewhere.status).toBe(404)
    expect(await elsewhere.json()).toMatchObject({ error: 'not_found' })
  })

  test("the fault rate limit applies on top of Nutan's own tiers", async () => {
    const sim = createNutanSimulator({ faults: { rateLimit: { limit: 1, windowMs: 60_000 } } })
    const { access_token } = sim.issueTokens()
    const headers = { authorization: `Bearer ${access_token}` }
    expect((await sim.fetch(`${BASE}/contacts`, { headers })).status).toBe(200)
    const limited = await sim.fetch(`${BASE}/contacts`, { headers })
    expect(limited.status).toBe(429)
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' })
    expect(Number(limited.headers.get('retry-after-ms'))).toBeGreaterThan(0)
  })

  test('reset() restores the seed data', async () => {
    const sim = createNutanSimulator()
    const headers = {
      authorization: `Bearer ${sim.issueTokens().access_token}`,
      'content-type': 'application/json',
    }
    const before = (await (await sim.fetch(`${BASE}/contacts?limit=1`, { headers })).json()).total
    await sim.fetch(`${BASE}/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'New Person' }),
    })
    expect((await (await sim.fetch(`${BASE}/contacts?limit=1`, { headers })).json()).total).toBe(before + 1)
    sim.reset()
    const fresh = { ...headers, authorization: `Bearer ${sim.issueTokens().access_token}` }
    expect((await (await sim.fetch(`${BASE}/contacts?limit=1`, { headers: fresh })).json()).total).toBe(
      before,
    )
  })

  test('listen() serves /v1 on loopback with CORS', async () => {
    const sim = createNutanSimulator()
    server = await sim.listen()
    const response = await fetch(`${server.url}/v1/contacts`, {
      headers: { authorization: `Bearer ${sim.issueTokens().access_token}`, origin: 'http://localhost:3000' },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000')
    expect(response.headers.get('access-control-expose-headers')).toContain('x-request-id')
  })
})
