import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
})

describe('action items', () => {
  test('list with status, meeting and deal filters', async () => {
    const seeded = [...server.sim.db.actionItems.values()]
    const dealId = seeded.find((i) => i.status === 'open' && i.deal_id)!.deal_id!
    const expected = seeded.filter((i) => i.status === 'open' && i.deal_id === dealId)
    // Rows of other deals and statuses exist, so a filter that is not sent (or not applied) shows.
    expect(seeded.length).toBeGreaterThan(expected.length)
    const page = await server.client().actionItems.list({ status: 'open', deal_id: dealId })
    expect(page.items).toEqual(expected)
    expect(Object.fromEntries(server.to('/action-items', 'GET')[0]!.query)).toEqual({
      status: 'open',
      deal_id: dealId,
    })
  })

  test('create, update and delete', async () => {
    const client = server.client()
    const dealId = [...server.sim.db.deals.keys()][0]!
    const created = await client.actionItems.create({ title: 'Send the proposal', deal_id: dealId })
    expect(created).toMatchObject({ title: 'Send the proposal', deal_id: dealId, status: 'open' })
    expect(server.to('/action-items', 'POST')[0]!.body).toEqual({
      title: 'Send the proposal',
      deal_id: dealId,
    })
    expect(server.sim.db.actionItems.get(created.id)).toMatchObject({ title: 'Send the proposal' })
    expect(await client.actionItems.update(created.id, { status: 'done' })).toMatchObject({
      id: created.id,
      status: 'done',
    })
    expect(server.to(`/action-items/${created.id}`, 'PATCH')[0]!.body).toEqual({ status: 'done' })
    await client.actionItems.delete(created.id)
    expect(server.to(`/action-items/${created.id}`, 'DELETE')).toHaveLength(1)
    expect(server.sim.db.actionItems.has(created.id)).toBe(false)
  })
})
