import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf } from './support/fake-nutan'

const item = {
  id: 'act_1',
  title: 'Send the proposal',
  meeting_id: 'mtg_1',
  deal_id: 'deal_1',
  assignee: 'ada@example.com',
  due_date: '2025-06-05',
  status: 'open',
  created_at: '2025-06-01T10:00:00Z',
  updated_at: '2025-06-01T10:00:00Z',
}

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
})

describe('action items', () => {
  test('list with status, meeting and deal filters', async () => {
    fake.use(http.get(`${BASE}/action-items`, ({ request }) => listOf([item], new URL(request.url))))
    const page = await clientFor(fake).actionItems.list({ status: 'open', deal_id: 'deal_1' })
    expect(page.items).toEqual([item])
    expect(Object.fromEntries(fake.to('/action-items', 'GET')[0]!.query)).toEqual({
      status: 'open',
      deal_id: 'deal_1',
    })
  })

  test('create, update and delete', async () => {
    fake.use(
      http.post(`${BASE}/action-items`, async ({ request }) =>
        HttpResponse.json({ ...item, ...((await request.json()) as object) }, { status: 201 }),
      ),
      http.patch(`${BASE}/action-items/:id`, async ({ request }) =>
        HttpResponse.json({ ...item, ...((await request.json()) as object) }),
      ),
      http.delete(`${BASE}/action-items/:id`, () => new HttpResponse(null, { status: 204 })),
    )
    const client = clientFor(fake)
    expect(await client.actionItems.create({ title: 'Send the proposal', deal_id: 'deal_1' })).toMatchObject({
      id: 'act_1',
    })
    expect(fake.to('/action-items', 'POST')[0]!.body).toEqual({
      title: 'Send the proposal',
      deal_id: 'deal_1',
    })
    expect(await client.actionItems.update('act_1', { status: 'done' })).toMatchObject({ status: 'done' })
    expect(fake.to('/action-items/act_1', 'PATCH')[0]!.body).toEqual({ status: 'done' })
    await client.actionItems.delete('act_1')
    expect(fake.to('/action-items/act_1', 'DELETE')).toHaveLength(1)
  })
})
