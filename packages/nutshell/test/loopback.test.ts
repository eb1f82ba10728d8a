// The client against the simulator over real HTTP on loopback, as another process would use it.
import { createNutshellSimulator } from '@x/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NutshellClient } from '../src'

const sim = createNutshellSimulator({ seed: 21 })
let server: { url: string; close(): Promise<void> }
let ns: NutshellClient

beforeAll(async () => {
  server = await sim.listen()
  ns = new NutshellClient({
    ...sim.credentials,
    baseUrl: `${server.url}/rest`,
    rpc: { discoveryUrl: `${server.url}/v1/json` },
    backoff: { initialDelay: 5, maxDelay: 20 },
  })
})
afterAll(() => server.close())

describe('NutshellClient over loopback HTTP', () => {
  it('creates, patches and closes a lead, then sees it over JSON-RPC', async () => {
    const lead = await ns.leads.create({ description: 'Loopback Inc.' })
    await ns.leads.update(lead.id, { description: 'Loopback Inc. (patched)' })
    const closed = await ns.leads.close(lead.id, 'won')
    expect(closed.status).toBe('won')
    const viaRpc = await ns.rpc.getLead(lead.id)
    expect(viaRpc.description).toBe('Loopback Inc. (patched)')
  })

  it('walks every lead across pages', async () => {
    const ids = new Set<string>()
    for await (const lead of ns.leads.list({ limit: 7 })) ids.add(lead.id)
    expect(ids.size).toBe(sim.db.list('leads').length)
  })

  it('retries a read through an injected 503 and a dropped connection', async () => {
    sim.faults.next({ status: 503 })
    await expect(ns.users.list()).resolves.toBeDefined()
    sim.faults.next({ drop: true })
    await expect(ns.users.list()).resolves.toBeDefined()
  })
})
