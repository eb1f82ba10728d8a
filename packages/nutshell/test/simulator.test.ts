import { createNutshellSimulator } from '@x/testkit'
import { describe, expect, it } from 'vitest'
import { NutshellClient, parseWebhook } from '../src'

// The same calls against @x/testkit's stateful simulator, which answers with the live service's shapes.
function setup() {
  const sim = createNutshellSimulator({ seed: 7 })
  const ns = new NutshellClient({
    ...sim.credentials,
    fetch: sim.fetch,
    backoff: { initialDelay: 1, maxDelay: 1 },
  })
  return { sim, ns }
}

describe('against the Nutshell simulator', () => {
  it('walks every lead with for await and agrees with Page.total', async () => {
    const { ns } = setup()
    const first = await ns.leads.list({ limit: 25 })
    let count = 0
    for await (const _lead of ns.leads.list({ limit: 25 })) count++
    expect(count).toBe(first.total)
  })

  it('filters open leads, patches one, closes it as won', async () => {
    const { ns } = setup()
    const open = await ns.leads.list({ filter: { status: 'open' }, limit: 10 })
    expect(open.items.length).toBeGreaterThan(0)
    expect(open.items.every((l) => l.status === 'open')).toBe(true)
    const target = open.items[0]!
    const patched = await ns.leads.update(
      target.id,
      { description: 'Patched by the SDK' },
      { returnRecord: true },
    )
    expect(patched.description).toBe('Patched by the SDK')
    const closed = await ns.leads.close(target.id, 'won')
    expect(closed.status).toBe('won')
  })

  it('gets several contacts in one call and creates an account', async () => {
    const { ns } = setup()
    const contacts = (await ns.contacts.list({ limit: 3 })).items
    const again = await ns.contacts.get(contacts.map((c) => c.id))
    expect(again.map((c) => c.id)).toEqual(contacts.map((c) => c.id))
    const account = await ns.accounts.create({ name: 'Simulated Co' })
    expect((await ns.accounts.get(account.id)).name).toBe('Simulated Co')
  })

  it('reads the event feed and re-fetches what it names', async () => {
    const { ns } = setup()
    const lead = await ns.leads.create({ description: 'Evented lead' })
    const batch = await ns.events.list({ limit: 50 })
    expect(batch.events.length).toBeGreaterThan(0)
    const again = parseWebhook({ events: batch.events, actors: batch.actors, payloads: batch.payloads })
    const result = await ns.refetch(again)
    expect(result.leads.map((l) => l.id)).toContain(lead.id)
  })

  it('the exported schemas accept every live-shaped answer in strict mode', async () => {
    const sim = createNutshellSimulator({ seed: 3 })
    const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch, validation: 'strict' })
    const lead = (await ns.leads.list({ limit: 5 })).items[0]!
    await ns.leads.get(lead.id)
    await ns.contacts.list({ limit: 5 })
    await ns.accounts.get((await ns.accounts.list({ limit: 2 })).items.map((a) => a.id))
    await ns.activities.list({ limit: 5 })
    await ns.tasks.list({ limit: 5 })
    await ns.notes.list({ limit: 5 })
    await ns.products.list()
    await ns.pipelines.list()
    await ns.stages.list()
    await ns.users.list()
    await ns.tags.list()
    await ns.sources.list()
    await ns.outcomes.list()
    await ns.leads.close(lead.id, 'lost')
    await ns.events.list({ limit: 20 })
  })
})
