import { describe, expect, it } from 'vitest'
import { nutanHarness } from './nutan-harness'

const rows = (n: number, prefix = 'row') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, value: i }))

describe('Nutan simulator: POST /v1/sync', () => {
  it('upserts rows into the synced tables and mirrors contacts into the contact list', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/sync', {
      body: {
        upserts: {
          contacts: [
            { id: 'local-1', name: 'Synced One', email: 'one@example.com', local_only: true },
            { id: 'local-2', name: 'Synced Two' },
          ],
          settings: [{ id: 'theme', value: 'dark' }],
        },
      },
    })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ upserted: 3, deleted: 0, synced_at: new Date(sim.clock.now).toISOString() })
    expect(sim.state.synced.settings.get('theme')).toEqual({ id: 'theme', value: 'dark' })
    expect(sim.state.synced.contacts.get('local-1')).toMatchObject({ local_only: true })
    const listed = await sim.call('GET', '/contacts?q=synced')
    expect(listed.body.data.map((c: { id: string }) => c.id)).toEqual(['local-1', 'local-2'])
    expect(listed.body.data[0]).not.toHaveProperty('local_only')
  })

  it('is idempotent: pushing the same batch twice leaves the same state', async () => {
    const sim = nutanHarness()
    const batch = {
      upserts: { deals: [{ id: 'd-1', name: 'Synced deal', stage: 'proposal' }], chats: rows(3) },
    }
    const first = await sim.call('POST', '/sync', { body: batch })
    const snapshot = JSON.stringify([[...sim.state.deals.values()], [...sim.state.synced.chats.values()]])
    const second = await sim.call('POST', '/sync', { body: batch })
    expect(second.body.upserted).toBe(first.body.upserted)
    expect(JSON.stringify([[...sim.state.deals.values()], [...sim.state.synced.chats.values()]])).toBe(
      snapshot,
    )
    expect((await sim.call('GET', '/deals')).body.total).toBe(31)
  })

  it('accepts exactly 500 rows and refuses 501 (upserts + deletes) with batch_too_large', async () => {
    const sim = nutanHarness()
    expect((await sim.call('POST', '/sync', { body: { upserts: { knowledge: rows(500) } } })).status).toBe(
      200,
    )
    const over = await sim.call('POST', '/sync', {
      body: { upserts: { knowledge: rows(400, 'k') }, deletes: { chats: rows(101).map((r) => r.id) } },
    })
    expect(over.status).toBe(400)
    expect(over.body.error).toBe('batch_too_large')
    expect(over.body.details).toHaveLength(1)
    expect(sim.state.synced.knowledge.has('k-0')).toBe(false)
  })

  it('refuses unknown tables and rows without an id, storing nothing', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/sync', {
      body: { upserts: { widgets: [{ id: 'w' }], contacts: [{ id: 'ok' }, { name: 'no id' }] } },
    })
    expect(res.status).toBe(400)
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      'upserts.widgets',
      'upserts.contacts[1].id',
    ])
    expect(res.text).not.toContain('no id')
    expect(sim.state.synced.contacts.size).toBe(0)
  })

  it('deletes synced rows, soft-deleting mirrored contacts and removing mirrored action items', async () => {
    const sim = nutanHarness()
    await sim.call('POST', '/sync', { body: { upserts: { contacts: [{ id: 'c-9', name: 'Temp' }] } } })
    const res = await sim.call('POST', '/sync', {
      body: { deletes: { contacts: ['c-9'], action_items: ['act_000001'] } },
    })
    expect(res.body).toMatchObject({ upserted: 0, deleted: 2 })
    expect(sim.state.synced.contacts.has('c-9')).toBe(false)
    expect(sim.state.contacts.get('c-9')!.deleted_at).not.toBeNull()
    expect(sim.state.actionItems.has('act_000001')).toBe(false)
  })
})

describe('Nutan simulator: DELETE /v1/sync (erasure)', () => {
  it('erases every record and synced row and says how many rows went', async () => {
    const sim = nutanHarness()
    await sim.call('POST', '/sync', { body: { upserts: { chats: rows(5) } } })
    const expected =
      5 +
      sim.state.contacts.size +
      sim.state.deals.size +
      sim.state.meetings.size +
      sim.state.participants.size +
      sim.state.actionItems.size +
      sim.state.signals.size +
      sim.state.objections.size
    const res = await sim.call('DELETE', '/sync')
    expect(res.body).toEqual({ erased: true, rows: expected })
    for (const path of ['/contacts', '/deals', '/meetings', '/action-items']) {
      expect((await sim.call('GET', path)).body.total).toBe(0)
    }
    expect(sim.state.synced.chats.size).toBe(0)
  })
})

describe('Nutan simulator: POST /v1/tokens (usage)', () => {
  it('records usage (201) and keeps it in state', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/tokens', {
      body: { model: 'gpt-x', input_tokens: 120, output_tokens: 30, feature: 'summary' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      model: 'gpt-x',
      input_tokens: 120,
      output_tokens: 30,
      feature: 'summary',
    })
    expect(res.body.id).toMatch(/^use_/)
    expect(sim.state.usage).toEqual([res.body])
  })

  it('requires a model and non-negative integer token counts', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/tokens', { body: { input_tokens: -1, output_tokens: 1.5 } })
    expect(res.status).toBe(400)
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
      'model',
      'input_tokens',
      'output_tokens',
    ])
    expect(sim.state.usage).toHaveLength(0)
  })
})
