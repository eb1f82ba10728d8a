import { InputValidationError } from '@x/core'
import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

const deal = {
  id: 'deal_engine',
  name: 'Analytical Engine',
  stage: 'proposal',
  status: 'open',
  value: 120000,
  currency: 'USD',
  contact_id: null,
  company: 'Analytical',
  close_date: '2025-09-30',
  probability: 60,
  created_at: '2025-06-01T10:00:00.000Z',
  updated_at: '2025-06-01T10:00:00.000Z',
  deleted_at: null,
}
const signals = Array.from({ length: 3 }, (_, i) => ({
  id: `sig_engine_${i}`,
  deal_id: deal.id,
  meeting_id: null,
  // A signal type the SDK does not know yet.
  type: i === 2 ? 'champion_left' : 'buying',
  text: `signal ${i}`,
  confidence: 0.8,
  created_at: '2025-06-01T10:00:00.000Z',
}))
const objections = [
  {
    id: 'obj_engine_1',
    deal_id: deal.id,
    meeting_id: null,
    category: 'price',
    text: 'Too expensive',
    status: 'open',
    created_at: '2025-06-01T10:00:00.000Z',
  },
]

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
  server.sim.db.deals.set(deal.id, deal)
  for (const s of signals) server.sim.db.signals.set(s.id, s)
  for (const o of objections) server.sim.db.objections.set(o.id, o)
})

describe('deals', () => {
  test('list filters by stage and status', async () => {
    const all = [...server.sim.db.deals.values()]
    const expected = all.filter((d) => d.stage === 'proposal' && d.status === 'open')
    expect(all.length).toBeGreaterThan(expected.length)
    const page = await server.client().deals.list({ stage: 'proposal', status: 'open' })
    expect(page.items.map((d) => d.id)).toEqual(expected.map((d) => d.id))
    expect(page.items).toContainEqual(expect.objectContaining({ id: deal.id, stage: 'proposal' }))
    expect(Object.fromEntries(server.to('/deals', 'GET')[0]!.query)).toEqual({
      stage: 'proposal',
      status: 'open',
    })
  })

  test('create, update and delete', async () => {
    const client = server.client()
    const created = await client.deals.create({
      name: 'Analytical Engine',
      value: 120000,
      close_date: new Date('2025-09-30T00:00:00Z'),
    })
    expect(created).toMatchObject({ name: 'Analytical Engine', value: 120000 })
    expect(server.to('/deals', 'POST')[0]!.body).toEqual({
      name: 'Analytical Engine',
      value: 120000,
      close_date: '2025-09-30T00:00:00.000Z',
    })
    const updated = await client.deals.update(created.id, { stage: 'negotiation', probability: 80 })
    expect(updated).toMatchObject({ id: created.id, stage: 'negotiation', probability: 80, value: 120000 })
    expect(server.to(`/deals/${created.id}`, 'PATCH')[0]!.body).toEqual({
      stage: 'negotiation',
      probability: 80,
    })
    await client.deals.delete(created.id)
    expect(server.to(`/deals/${created.id}`, 'DELETE')).toHaveLength(1)
    expect(server.sim.db.deals.get(created.id)!.deleted_at).toEqual(expect.any(String))
  })

  test("signals(id) pages through a deal's signals; a new signal type passes through", async () => {
    const all = await server.client().deals.signals(deal.id, { limit: 2 }).toArray()
    expect(all.map((s) => s.id)).toEqual(signals.map((s) => s.id))
    expect(all[2]!.type).toBe('champion_left')
    expect(server.to(`/deals/${deal.id}/signals`).map((s) => s.query.get('offset'))).toEqual([null, '2'])
  })

  test("objections(id) lists a deal's objections", async () => {
    const page = await server.client().deals.objections(deal.id)
    expect(page.items).toEqual(objections)
    expect(page.total).toBe(1)
  })

  test('a bad id for signals rejects on await, before any request', async () => {
    const error = await server
      .client()
      .deals.signals('')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect(server.sent).toHaveLength(0)
  })
})
