import { InputValidationError } from '@x/core'
import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

const meeting = {
  id: 'mtg_discovery',
  title: 'Discovery call',
  started_at: '2025-06-01T10:00:00.000Z',
  ended_at: '2025-06-01T10:30:00.000Z',
  duration_seconds: 1800,
  summary: 'Budget approved',
  deal_id: 'deal_only_here',
  created_at: '2025-06-01T10:31:00.000Z',
}
const grace = {
  id: 'par_grace',
  meeting_id: meeting.id,
  name: 'Grace',
  email: null,
  role: 'buyer',
  is_internal: false,
  talk_time_seconds: 600,
}

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
  server.sim.db.meetings.set(meeting.id, meeting)
  server.sim.db.participants.set(grace.id, grace)
})

describe('meetings', () => {
  test('list, with the deal_id filter', async () => {
    expect(server.sim.db.meetings.size).toBeGreaterThan(1)
    const page = await server.client().meetings.list({ deal_id: meeting.deal_id })
    expect(page.items).toEqual([meeting])
    expect(server.to('/meetings', 'GET')[0]!.query.get('deal_id')).toBe(meeting.deal_id)
  })

  test('create and delete', async () => {
    const client = server.client()
    const created = await client.meetings.create({ title: 'Discovery call', deal_id: 'deal_1' })
    expect(created).toMatchObject({ title: 'Discovery call', deal_id: 'deal_1' })
    expect(server.to('/meetings', 'POST')[0]!.body).toEqual({ title: 'Discovery call', deal_id: 'deal_1' })
    expect(server.sim.db.meetings.has(created.id)).toBe(true)
    await expect(client.meetings.delete(created.id)).resolves.toBeUndefined()
    expect(server.sim.db.meetings.has(created.id)).toBe(false)
  })

  test('participants(id) lists and addParticipant(id, p) adds', async () => {
    const client = server.client()
    const page = await client.meetings.participants(meeting.id)
    expect(page.items).toEqual([grace])
    const added = await client.meetings.addParticipant(meeting.id, { name: 'Alan', is_internal: true })
    expect(added).toMatchObject({ meeting_id: meeting.id, name: 'Alan', is_internal: true })
    expect(server.to(`/meetings/${meeting.id}/participants`, 'POST')[0]!.body).toEqual({
      name: 'Alan',
      is_internal: true,
    })
    expect((await client.meetings.participants(meeting.id)).items.map((p) => p.name)).toEqual([
      'Grace',
      'Alan',
    ])
  })

  test('addParticipant names the participant field that is wrong', async () => {
    const error = await server
      .client()
      .meetings.addParticipant(meeting.id, { name: 'Alan', is_internal: 'yes' } as never)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('participant.is_internal')
    expect(server.sent).toHaveLength(0)
  })
})
