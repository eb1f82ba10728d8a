import { InputValidationError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf } from './support/fake-nutan'

const meeting = {
  id: 'mtg_1',
  title: 'Discovery call',
  started_at: '2025-06-01T10:00:00Z',
  ended_at: '2025-06-01T10:30:00Z',
  duration_seconds: 1800,
  summary: 'Budget approved',
  deal_id: 'deal_1',
  created_at: '2025-06-01T10:31:00Z',
}
const grace = {
  id: 'par_1',
  meeting_id: 'mtg_1',
  name: 'Grace',
  email: null,
  role: 'buyer',
  is_internal: false,
  talk_time_seconds: 600,
}

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
})

describe('meetings', () => {
  test('list, with the deal_id filter', async () => {
    fake.use(http.get(`${BASE}/meetings`, ({ request }) => listOf([meeting], new URL(request.url))))
    const page = await clientFor(fake).meetings.list({ deal_id: 'deal_1' })
    expect(page.items).toEqual([meeting])
    expect(fake.to('/meetings', 'GET')[0]!.query.get('deal_id')).toBe('deal_1')
  })

  test('create and delete', async () => {
    fake.use(
      http.post(`${BASE}/meetings`, async ({ request }) =>
        HttpResponse.json({ ...meeting, ...((await request.json()) as object) }, { status: 201 }),
      ),
      http.delete(`${BASE}/meetings/:id`, () => new HttpResponse(null, { status: 204 })),
    )
    const client = clientFor(fake)
    const created = await client.meetings.create({ title: 'Discovery call', deal_id: 'deal_1' })
    expect(created).toMatchObject({ id: 'mtg_1', title: 'Discovery call' })
    expect(fake.to('/meetings', 'POST')[0]!.body).toEqual({ title: 'Discovery call', deal_id: 'deal_1' })
    await expect(client.meetings.delete('mtg_1')).resolves.toBeUndefined()
  })

  test('participants(id) lists and addParticipant(id, p) adds', async () => {
    fake.use(
      http.get(`${BASE}/meetings/:id/participants`, ({ request }) => listOf([grace], new URL(request.url))),
      http.post(`${BASE}/meetings/:id/participants`, async ({ request, params }) =>
        HttpResponse.json(
          { ...grace, meeting_id: params.id, ...((await request.json()) as object) },
          { status: 201 },
        ),
      ),
    )
    const client = clientFor(fake)
    const page = await client.meetings.participants('mtg_1')
    expect(page.items).toEqual([grace])
    const added = await client.meetings.addParticipant('mtg_1', { name: 'Alan', is_internal: true })
    expect(added).toMatchObject({ meeting_id: 'mtg_1', name: 'Alan', is_internal: true })
    expect(fake.to('/meetings/mtg_1/participants', 'POST')[0]!.body).toEqual({
      name: 'Alan',
      is_internal: true,
    })
  })

  test('addParticipant names the participant field that is wrong', async () => {
    const error = await clientFor(fake)
      .meetings.addParticipant('mtg_1', { name: 'Alan', is_internal: 'yes' } as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('participant.is_internal')
    expect(fake.sent).toHaveLength(0)
  })
})
