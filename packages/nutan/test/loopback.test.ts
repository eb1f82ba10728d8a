// The client against the simulator over real HTTP on loopback, as another process would use it.
import { createNutanSimulator } from '@x/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NutanClient } from '../src'

const sim = createNutanSimulator({ seed: 5 })
let server: { url: string; close(): Promise<void> }
let baseUrl: string

beforeAll(async () => {
  server = await sim.listen()
  baseUrl = `${server.url}/v1`
})
afterAll(() => server.close())

describe('NutanClient over loopback HTTP', () => {
  it('signs in with the code exchange, pages deals and pushes a two-batch sync', async () => {
    const tokens = await NutanClient.exchangeCode({
      code: sim.credentials.authCode,
      redirectUri: 'http://127.0.0.1/cb',
      baseUrl,
    })
    const nutan = new NutanClient({ ...tokens, baseUrl })
    const all = await nutan.deals.list({ limit: 7 }).toArray()
    expect(all.length).toBe((await nutan.deals.list()).total)
    const rows = Array.from({ length: 600 }, (_, i) => ({ id: `loop_${i}`, name: `Row ${i}` }))
    const progress: number[] = []
    const result = await nutan.sync.push(
      { upserts: { contacts: rows } },
      { onProgress: (p) => progress.push(p.done) },
    )
    expect(result.batches).toBe(2)
    expect(progress).toEqual([500, 600])
    expect(sim.db.synced.contacts.size).toBeGreaterThanOrEqual(600)
    expect(nutan.rateLimit?.limit).toBeGreaterThan(0)
  })
})
