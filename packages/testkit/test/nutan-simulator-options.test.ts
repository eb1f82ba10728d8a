// The simulator's options for API behaviours a client must cope with: an over-maximum list limit
// served capped, fields added by a newer API version, expired tokens, and injected 4xx errors.
import { describe, expect, test } from 'vitest'
import { createNutanSimulator, type NutanSimulatorOptions } from '../src/nutan-simulator'

const BASE = 'https://api.nutan.ai/v1'

function signedIn(options: NutanSimulatorOptions = {}) {
  const sim = createNutanSimulator(options)
  const token = sim.issueTokens().access_token
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await sim.fetch(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    // biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any }
  }
  return { sim, call }
}

describe('overLimit', () => {
  test('by default a limit above 200 is a 400 naming the field', async () => {
    const { call } = signedIn({ size: { contacts: 250 } })
    const res = await call('GET', '/contacts?limit=1000')
    expect(res.status).toBe(400)
    expect(res.body.details).toEqual([{ field: 'limit', message: 'Must be an integer from 0 to 200' }])
  })

  test("'clamp' serves 200 rows and reports the limit it applied", async () => {
    const { sim, call } = signedIn({ size: { contacts: 250 }, overLimit: 'clamp' })
    const first = await call('GET', '/contacts?limit=1000')
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ total: 250, limit: 200, offset: 0 })
    expect(first.body.data.map((c: { id: string }) => c.id)).toEqual(
      [...sim.db.contacts.keys()].slice(0, 200),
    )
    const rest = await call('GET', '/contacts?limit=1000&offset=200')
    expect(rest.body).toMatchObject({ total: 250, limit: 200, offset: 200 })
    expect(rest.body.data).toHaveLength(50)
    // Sub-resources cap the same way; limits within range are served as asked.
    const deal = [...sim.db.deals.keys()][0]!
    expect((await call('GET', `/deals/${deal}/signals?limit=500`)).body.limit).toBe(200)
    expect((await call('GET', '/contacts?limit=7')).body.limit).toBe(7)
  })

  test.each(['limit=-1', 'limit=ten', 'offset=-5'])("'clamp' still answers 400 for %s", async (query) => {
    const { call } = signedIn({ overLimit: 'clamp' })
    const res = await call('GET', `/contacts?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.details[0].field).toBe(query.split('=')[0])
  })
})

describe('extraFields', () => {
  test('records of the named collection carry the added fields in lists, creates and updates', async () => {
    const { call } = signedIn({ extraFields: { contacts: { linkedin: null, tier: 'gold' } } })
    const listed = await call('GET', '/contacts?limit=3')
    expect(listed.body.data).toHaveLength(3)
    for (const row of listed.body.data) expect(row).toMatchObject({ linkedin: null, tier: 'gold' })
    const created = await call('POST', '/contacts', { name: 'Ada Lovelace' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'Ada Lovelace', tier: 'gold' })
    const updated = await call('PATCH', `/contacts/${created.body.id}`, { title: 'CTO' })
    expect(updated.body).toMatchObject({ title: 'CTO', tier: 'gold' })
  })

  test("a record's own fields win over an added field of the same name; other collections are untouched", async () => {
    const { call } = signedIn({ extraFields: { deals: { stage: 'ignored', region: 'emea' } } })
    const created = await call('POST', '/deals', { name: 'Engine', stage: 'proposal' })
    expect(created.body).toMatchObject({ stage: 'proposal', region: 'emea' })
    const contacts = await call('GET', '/contacts?limit=1')
    expect(contacts.body.data[0]).not.toHaveProperty('region')
  })

  test('the stored record does not change: the fields are added on the way out', async () => {
    const { sim, call } = signedIn({ extraFields: { action_items: { priority: 'high' } } })
    const created = await call('POST', '/action-items', { title: 'Send proposal' })
    expect(created.body.priority).toBe('high')
    expect(sim.db.actionItems.get(created.body.id)).not.toHaveProperty('priority')
  })
})

describe('issueTokens({ ttlMs })', () => {
  test('a negative lifetime gives a token the simulator refuses as expired', async () => {
    const sim = createNutanSimulator()
    const expired = sim.issueTokens({ ttlMs: -60_000 })
    const response = await sim.fetch(`${BASE}/deals`, {
      headers: { authorization: `Bearer ${expired.access_token}` },
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'unauthorized', message: 'Token expired' })
    // Its refresh token works like any other.
    const refreshed = await sim.fetch(`${BASE}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: expired.refresh_token }),
    })
    expect(refreshed.status).toBe(200)
  })
})

describe('injected 4xx errors', () => {
  test.each([
    [400, 'validation_error'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
  ])("a %i carries Nutan's error code", async (status, code) => {
    const { sim, call } = signedIn()
    sim.faults.next({ status })
    const res = await call('GET', '/deals')
    expect(res.status).toBe(status)
    expect(res.body).toEqual({ error: code, message: expect.any(String) })
  })
})
