import { describe, expect, it } from 'vitest'
import { nutanHarness } from './nutan-harness'

describe('Nutan simulator: lists and paging', () => {
  it('pages with limit/offset and reports the total (default limit 50)', async () => {
    const sim = nutanHarness()
    const first = await sim.call('GET', '/contacts')
    expect(first.body).toMatchObject({ total: 40, limit: 50, offset: 0 })
    expect(first.body.data).toHaveLength(40)

    const tail = await sim.call('GET', '/contacts?limit=15&offset=30')
    expect(tail.body).toMatchObject({ total: 40, limit: 15, offset: 30 })
    expect(tail.body.data).toHaveLength(10)
  })

  it('walking every page yields each record exactly once', async () => {
    const sim = nutanHarness()
    const seen: string[] = []
    for (let offset = 0; ; offset += 7) {
      const page = await sim.call('GET', `/deals?limit=7&offset=${offset}`)
      seen.push(...page.body.data.map((d: { id: string }) => d.id))
      if (offset + 7 >= page.body.total) break
    }
    expect(seen).toEqual([...sim.state.deals.keys()])
  })

  it.each(['limit=201', 'limit=-1', 'limit=ten', 'offset=-5'])(
    'answers 400 with details for %s',
    async (query) => {
      const sim = nutanHarness()
      const res = await sim.call('GET', `/contacts?${query}`)
      expect(res.status).toBe(400)
      expect(res.body.error).toBe('validation_error')
      expect(res.body.details[0].field).toBe(query.split('=')[0])
    },
  )

  it('filters deals by stage and status', async () => {
    const sim = nutanHarness()
    const proposal = await sim.call('GET', '/deals?stage=proposal')
    expect(proposal.body.total).toBe(
      [...sim.state.deals.values()].filter((d) => d.stage === 'proposal').length,
    )
    expect(proposal.body.data.every((d: { stage: string }) => d.stage === 'proposal')).toBe(true)
    const won = await sim.call('GET', '/deals?status=won&stage=closed')
    expect(won.body.total).toBeGreaterThan(0)
    expect(won.body.data.every((d: { status: string }) => d.status === 'won')).toBe(true)
  })

  it('filters contacts by q (case-insensitive), company and email', async () => {
    const sim = nutanHarness()
    const sample = sim.state.contacts.get('con_000003')!
    const byQ = await sim.call('GET', `/contacts?q=${sample.name.split(' ')[1]!.toUpperCase()}`)
    expect(byQ.body.data.map((c: { id: string }) => c.id)).toContain(sample.id)
    const byCompany = await sim.call('GET', `/contacts?company=${encodeURIComponent(sample.company!)}`)
    expect(byCompany.body.data.every((c: { company: string }) => c.company === sample.company)).toBe(true)
    const byEmail = await sim.call('GET', `/contacts?email=${encodeURIComponent(sample.email!)}`)
    expect(byEmail.body.data).toEqual([sample])
  })

  it('filters action items by status, meeting and deal, and meetings by deal', async () => {
    const sim = nutanHarness()
    const item = [...sim.state.actionItems.values()].find((a) => a.deal_id !== null)!
    const res = await sim.call(
      'GET',
      `/action-items?status=${item.status}&meeting_id=${item.meeting_id}&deal_id=${item.deal_id}`,
    )
    expect(res.body.data.length).toBeGreaterThan(0)
    expect(
      res.body.data.every((a: typeof item) => a.meeting_id === item.meeting_id && a.status === item.status),
    ).toBe(true)
    const meetings = await sim.call('GET', `/meetings?deal_id=${item.deal_id}`)
    expect(meetings.body.data.map((m: { id: string }) => m.id)).toContain(item.meeting_id)
  })
})

describe('Nutan simulator: create, update, delete', () => {
  it('creates a contact (201) that then shows up in the list', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/contacts', { body: { name: 'Zoe Quinn', email: 'zoe@example.com' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ name: 'Zoe Quinn', email: 'zoe@example.com', deleted_at: null })
    expect(res.body.id).toMatch(/^con_/)
    expect(res.body.created_at).toBe(new Date(sim.clock.now).toISOString())
    expect((await sim.call('GET', '/contacts')).body.total).toBe(41)
  })

  it('rejects a create with every field problem listed and no personal data echoed', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/contacts', { body: { email: 'zoe.private@@example', phone: 5 } })
    expect(res.status).toBe(400)
    expect(res.body.details).toEqual([
      { field: 'name', message: 'Required' },
      { field: 'email', message: 'Must be an email address' },
      { field: 'phone', message: 'Must be a string' },
    ])
    expect(res.text).not.toContain('zoe.private')
  })

  it('rejects a body that is not JSON', async () => {
    const sim = nutanHarness()
    const res = await sim.call('POST', '/deals', { body: ['a list'] })
    expect(res.status).toBe(400)
    expect(res.body.error).toBe('invalid_json')
  })

  it('updates a deal with PATCH (200) and 404s for an unknown id', async () => {
    const sim = nutanHarness()
    sim.clock.now += 5_000
    const res = await sim.call('PATCH', '/deals/deal_000002', { body: { stage: 'negotiation', value: 1234 } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: 'deal_000002', stage: 'negotiation', value: 1234 })
    expect(res.body.updated_at).toBe(new Date(sim.clock.now).toISOString())
    expect(sim.state.deals.get('deal_000002')!.stage).toBe('negotiation')
    const missing = await sim.call('PATCH', '/deals/deal_999999', { body: { stage: 'closed' } })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toBe('not_found')
  })

  it('soft-deletes contacts and deals: gone from lists and updates, kept with deleted_at', async () => {
    const sim = nutanHarness()
    const del = await sim.call('DELETE', '/contacts/con_000001')
    expect(del.status).toBe(204)
    expect(del.text).toBe('')
    const list = await sim.call('GET', '/contacts?limit=200')
    expect(list.body.total).toBe(39)
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain('con_000001')
    expect(sim.state.contacts.get('con_000001')!.deleted_at).not.toBeNull()
    expect((await sim.call('PATCH', '/contacts/con_000001', { body: { name: 'X' } })).status).toBe(404)
    expect((await sim.call('DELETE', '/contacts/con_000001')).status).toBe(404)

    expect((await sim.call('DELETE', '/deals/deal_000001')).status).toBe(204)
    expect((await sim.call('GET', '/deals')).body.total).toBe(29)
    expect((await sim.call('GET', '/deals/deal_000001/signals')).status).toBe(404)
  })

  it('hard-deletes meetings (with their participants) and action items', async () => {
    const sim = nutanHarness()
    expect((await sim.call('GET', '/meetings/mtg_000001/participants')).body.total).toBeGreaterThan(0)
    expect((await sim.call('DELETE', '/meetings/mtg_000001')).status).toBe(204)
    expect(sim.state.meetings.has('mtg_000001')).toBe(false)
    expect([...sim.state.participants.values()].some((p) => p.meeting_id === 'mtg_000001')).toBe(false)
    expect((await sim.call('GET', '/meetings/mtg_000001/participants')).status).toBe(404)

    expect((await sim.call('DELETE', '/action-items/act_000001')).status).toBe(204)
    expect(sim.state.actionItems.has('act_000001')).toBe(false)
  })

  it('creates meetings and action items, and updates an action item', async () => {
    const sim = nutanHarness()
    const meeting = await sim.call('POST', '/meetings', {
      body: { title: 'Renewal', started_at: '2025-06-02T10:00:00Z', ended_at: '2025-06-02T10:30:00Z' },
    })
    expect(meeting.status).toBe(201)
    expect(meeting.body.duration_seconds).toBe(1800)
    const item = await sim.call('POST', '/action-items', {
      body: { title: 'Send quote', meeting_id: meeting.body.id },
    })
    expect(item.status).toBe(201)
    expect(item.body.status).toBe('open')
    const done = await sim.call('PATCH', `/action-items/${item.body.id}`, { body: { status: 'done' } })
    expect(done.body.status).toBe('done')
    const listed = await sim.call('GET', `/action-items?meeting_id=${meeting.body.id}&status=done`)
    expect(listed.body.data).toEqual([done.body])
  })
})

describe('Nutan simulator: sub-resources and routing', () => {
  it('lists and adds meeting participants', async () => {
    const sim = nutanHarness()
    const before = (await sim.call('GET', '/meetings/mtg_000002/participants')).body.total
    const added = await sim.call('POST', '/meetings/mtg_000002/participants', {
      body: { name: 'Pat Buyer', email: 'pat@example.com', is_internal: false },
    })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ meeting_id: 'mtg_000002', name: 'Pat Buyer' })
    const after = await sim.call('GET', '/meetings/mtg_000002/participants')
    expect(after.body.total).toBe(before + 1)
  })

  it('lists a deal signals and objections in the list envelope', async () => {
    const sim = nutanHarness()
    const signals = await sim.call('GET', '/deals/deal_000003/signals')
    expect(signals.body).toMatchObject({ limit: 50, offset: 0 })
    expect(signals.body.total).toBeGreaterThan(0)
    expect(signals.body.data.every((s: { deal_id: string }) => s.deal_id === 'deal_000003')).toBe(true)
    const objections = await sim.call('GET', '/deals/deal_000003/objections')
    expect(Array.isArray(objections.body.data)).toBe(true)
    expect((await sim.call('GET', '/deals/nope/objections')).status).toBe(404)
  })

  it('answers 404 not_found for unknown routes and methods under /v1', async () => {
    const sim = nutanHarness()
    for (const [method, path] of [
      ['GET', '/widgets'],
      ['PUT', '/contacts'],
      ['PATCH', '/meetings/mtg_000001'],
    ] as const) {
      const res = await sim.call(method, path)
      expect(res.status).toBe(404)
      expect(res.body.error).toBe('not_found')
    }
  })

  it('serves any origin, such as a loopback server', async () => {
    const sim = nutanHarness()
    const res = await sim.call('GET', 'http://127.0.0.1:4010/v1/deals?limit=1')
    expect(res.status).toBe(200)
    expect(res.body.total).toBe(30)
  })

  it('leaves Nutshell discovery (/v1/json) to other handlers', async () => {
    const sim = nutanHarness()
    await expect(sim.call('POST', 'https://api.nutshell.com/v1/json', { body: {} })).rejects.toThrow(
      /no handler/,
    )
  })
})
