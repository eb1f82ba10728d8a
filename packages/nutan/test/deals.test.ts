import { InputValidationError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf } from './support/fake-nutan'

const deal = {
  id: 'deal_1',
  name: 'Analytical Engine',
  stage: 'proposal',
  status: 'open',
  value: 120000,
  currency: 'USD',
  contact_id: 'con_1',
  company: 'Analytical',
  close_date: '2025-09-30',
  probability: 60,
  created_at: '2025-06-01T10:00:00Z',
  updated_at: '2025-06-01T10:00:00Z',
  deleted_at: null,
}
const signals = Array.from({ length: 3 }, (_, i) => ({
  id: `sig_${i}`,
  deal_id: 'deal_1',
  meeting_id: 'mtg_1',
  type: i === 2 ? 'champion_left' : 'buying',
  text: `signal ${i}`,
  confidence: 0.8,
  created_at: '2025-06-01T10:00:00Z',
}))
const objections = [
  {
    id: 'obj_1',
    deal_id: 'deal_1',
    meeting_id: 'mtg_1',
    category: 'price',
    text: 'Too expensive',
    status: 'open',
  },
]

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
})

describe('deals', () => {
  test('list filters by stage and status', async () => {
    fake.use(http.get(`${BASE}/deals`, ({ request }) => listOf([deal], new URL(request.url))))
    const page = await clientFor(fake).deals.list({ stage: 'proposal', status: 'open' })
    expect(page.items[0]).toMatchObject({ id: 'deal_1', stage: 'proposal' })
    expect(Object.fromEntries(fake.to('/deals', 'GET')[0]!.query)).toEqual({
      stage: 'proposal',
      status: 'open',
    })
  })

  test('create, update and delete', async () => {
    fake.use(
      http.post(`${BASE}/deals`, async ({ request }) =>
        HttpResponse.json({ ...deal, ...((await request.json()) as object) }, { status: 201 }),
      ),
      http.patch(`${BASE}/deals/:id`, async ({ request }) =>
        HttpResponse.json({ ...deal, ...((await request.json()) as object) }),
      ),
      http.delete(`${BASE}/deals/:id`, () => new HttpResponse(null, { status: 204 })),
    )
    const client = clientFor(fake)
    const created = await client.deals.create({
      name: 'Analytical Engine',
      value: 120000,
      close_date: new Date('2025-09-30T00:00:00Z'),
    })
    expect(created.id).toBe('deal_1')
    expect(fake.to('/deals', 'POST')[0]!.body).toEqual({
      name: 'Analytical Engine',
      value: 120000,
      close_date: '2025-09-30T00:00:00.000Z',
    })
    const updated = await client.deals.update('deal_1', { stage: 'negotiation', probability: 80 })
    expect(updated).toMatchObject({ stage: 'negotiation', probability: 80 })
    expect(fake.to('/deals/deal_1', 'PATCH')[0]!.body).toEqual({ stage: 'negotiation', probability: 80 })
    await client.deals.delete('deal_1')
    expect(fake.to('/deals/deal_1', 'DELETE')).toHaveLength(1)
  })

  test("signals(id) pages through a deal's signals; a new signal type passes through", async () => {
    fake.use(http.get(`${BASE}/deals/:id/signals`, ({ request }) => listOf(signals, new URL(request.url))))
    const all = await clientFor(fake).deals.signals('deal_1', { limit: 2 }).toArray()
    expect(all.map((s) => s.id)).toEqual(['sig_0', 'sig_1', 'sig_2'])
    expect(all[2]!.type).toBe('champion_left')
    expect(fake.to('/deals/deal_1/signals').map((s) => s.query.get('offset'))).toEqual([null, '2'])
  })

  test("objections(id) lists a deal's objections", async () => {
    fake.use(
      http.get(`${BASE}/deals/:id/objections`, ({ request }) => listOf(objections, new URL(request.url))),
    )
    const page = await clientFor(fake).deals.objections('deal_1')
    expect(page.items).toEqual(objections)
    expect(page.total).toBe(1)
  })

  test('a bad id for signals rejects on await, before any request', async () => {
    const error = await clientFor(fake)
      .deals.signals('')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect(fake.sent).toHaveLength(0)
  })
})
