import { afterEach, describe, expect, it, vi } from 'vitest'
import { InputValidationError, parseWebhook } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env

afterEach(() => {
  vi.useRealTimers()
})

const BASE = 'https://app.nutshell.com/rest'

/** A record snapshot as a delivery carries it. */
function snapshot(id: string, fields: Record<string, unknown>) {
  const type = id.split('-')[1]!
  return { id, type, href: `${BASE}/${type}/${id}`, ...fields, links: {} }
}

/** A webhook delivery as Nutshell POSTs it (ids that exist in the seeded simulator, except 6-accounts). */
function webhookBody() {
  return {
    meta: { instanceId: '12345' },
    links: {},
    events: [
      {
        id: '39-events',
        type: 'events',
        createdTime: 1716890400,
        actorType: 'users',
        payloadType: 'leads',
        action: 'create',
        changes: [{ attribute: 'description', oldValue: null, newValue: 'Car Wash Inc.' }],
        links: { actor: '1-users', payloads: ['1003-leads'] },
      },
      {
        id: '40-events',
        type: 'events',
        createdTime: 1716890500,
        actorType: 'users',
        payloadType: 'contacts',
        action: 'update',
        changes: [{ attribute: 'name', oldValue: 'Gus', newValue: 'Gus Grill' }],
        links: { actor: '1-users', payloads: ['3-contacts'] },
      },
      {
        id: '41-events',
        type: 'events',
        createdTime: 1716890600,
        actorType: 'users',
        payloadType: 'accounts',
        action: 'delete',
        changes: [],
        links: { actor: '1-users', payloads: ['6-accounts'] },
      },
      {
        id: '42-events',
        type: 'events',
        createdTime: 1716890700,
        actorType: 'users',
        payloadType: 'leads',
        action: 'stage_change',
        changes: [
          {
            attribute: 'stage',
            oldValue: { id: '101-stages', type: 'stages', name: 'Qualify', position: 1 },
            newValue: { id: '102-stages', type: 'stages', name: 'Propose', position: 2 },
          },
        ],
        links: { actor: '1-users', payloads: ['1001-leads'] },
      },
    ],
    actors: [snapshot('1-users', { name: 'Ada Owner', emails: ['ada@example.com'] })],
    payloads: [
      snapshot('1003-leads', { name: 'Lead 1003', description: 'Car Wash Inc.', status: 'open' }),
      snapshot('3-contacts', { name: 'Gus Grill', firstName: 'Gus', lastName: 'Grill' }),
      snapshot('1001-leads', { name: 'Lead 1001', status: 'open' }),
    ],
  }
}

describe('parseWebhook', () => {
  it('returns typed events with their actor and payload snapshots attached', () => {
    const batch = parseWebhook(webhookBody())
    expect(batch.events).toHaveLength(4)
    const [created] = batch.events
    expect(created).toMatchObject({
      id: '39-events',
      action: 'create',
      entityType: 'leads',
      actorId: '1-users',
      recordIds: ['1003-leads'],
      changes: [{ attribute: 'description', oldValue: null, newValue: 'Car Wash Inc.' }],
    })
    expect(created!.actor).toMatchObject({ name: 'Ada Owner' })
    expect(created!.records.map((r) => r.id)).toEqual(['1003-leads'])
  })

  it('keeps an action it does not know, as its string', () => {
    const batch = parseWebhook(webhookBody())
    expect(batch.events[3]!.action).toBe('stage_change')
  })

  it('lists the ids to re-fetch by type, leaving deleted records out', () => {
    const batch = parseWebhook(webhookBody())
    expect(batch.refetch).toEqual({ leads: ['1003-leads', '1001-leads'], contacts: ['3-contacts'] })
    expect(batch.deleted).toEqual({ accounts: ['6-accounts'] })
    expect(batch.latestId).toBe('42-events')
  })

  it('accepts the raw body text as delivered', () => {
    expect(parseWebhook(JSON.stringify(webhookBody())).events).toHaveLength(4)
  })

  it('types plain numeric ids by the payload type, and maps people/companies to contacts/accounts', () => {
    const batch = parseWebhook({
      events: [
        {
          id: '7-events',
          action: 'update',
          payloadType: 'people',
          actorType: 'users',
          links: { actor: 2, payloads: [5] },
        },
        { id: '8-events', action: 'update', payloadType: 'companies', links: { payloads: ['9'] } },
      ],
    })
    expect(batch.events[0]).toMatchObject({
      entityType: 'contacts',
      recordIds: ['5-contacts'],
      actorId: '2-users',
    })
    expect(batch.refetch).toEqual({ contacts: ['5-contacts'], accounts: ['9-accounts'] })
  })

  it('a record deleted and then restored in the same batch is re-fetched', () => {
    const batch = parseWebhook({
      events: [
        { id: '1-events', action: 'delete', payloadType: 'leads', links: { payloads: ['5-leads'] } },
        { id: '2-events', action: 'undelete', payloadType: 'leads', links: { payloads: ['5-leads'] } },
      ],
    })
    expect(batch.refetch).toEqual({ leads: ['5-leads'] })
    expect(batch.deleted).toEqual({})
  })

  it.each([
    ['text that is not JSON', 'hello'],
    ['a body without events', { meta: {} }],
    ['an event without an id', { events: [{ action: 'create' }] }],
  ])('rejects %s with InputValidationError', (_name, body) => {
    expect(() => parseWebhook(body)).toThrow(InputValidationError)
  })
})

describe('ns.refetch', () => {
  it('fetches the full records behind a delivery, one multi-id GET per type', async () => {
    const ns = makeClient()
    const result = await ns.refetch(parseWebhook(webhookBody()))
    expect(result.leads.map((l) => l.id)).toEqual(['1003-leads', '1001-leads'])
    expect(result.contacts.map((c) => c.id)).toEqual(['3-contacts'])
    expect(result.accounts).toEqual([])
    // Full records come from the service, not from the snapshots in the delivery.
    expect(result.leads.map((l) => l.name)).toEqual(
      ['1003-leads', '1001-leads'].map((id) => env.sim.db.get(id)!.name),
    )
    const paths = env.seen.map((r) => `${r.method} ${r.url.pathname}`).sort()
    expect(paths).toEqual(['GET /rest/contacts/3-contacts', 'GET /rest/leads/1003-leads,1001-leads'])
  })

  it('fetches the records of a single event', async () => {
    const batch = parseWebhook(webhookBody())
    const result = await makeClient().refetch(batch.events[1]!)
    const stored = env.sim.db.get('3-contacts')!.name
    expect(stored).not.toBe('Gus Grill')
    expect(result.contacts.map((c) => c.name)).toEqual([stored])
    expect(env.seen).toHaveLength(1)
  })

  it('skips record types REST cannot fetch, reporting their ids', async () => {
    const batch = parseWebhook({
      events: [
        {
          id: '9-events',
          action: 'create',
          payloadType: 'formSubmissions',
          links: { payloads: ['4-formSubmissions'] },
        },
      ],
    })
    const result = await makeClient().refetch(batch)
    expect(result.skipped).toEqual({ formSubmissions: ['4-formSubmissions'] })
    expect(env.seen).toHaveLength(0)
  })
})

describe('events.list', () => {
  it('reads the same events by polling GET /events, parsed like a webhook', async () => {
    vi.useFakeTimers({ now: Date.parse('2024-05-28T10:00:00Z'), toFake: ['Date'] })
    const ns = makeClient()
    const sinceId = env.sim.db.tables.events.at(-1)!.id
    // Three changes after the seed: a lead created, a contact updated, an account deleted.
    const lead = await ns.leads.create({ description: 'Car Wash Inc.' })
    await ns.contacts.update('3-contacts', { name: 'Gus Grill' })
    await ns.accounts.delete('2-accounts')
    env.seen.length = 0
    const batch = await ns.events.list({
      sinceId,
      limit: 50,
      sinceTime: new Date('2024-05-28T00:00:00Z'),
      payloadTypes: ['leads', 'contacts'],
    })
    const fresh = env.sim.db.tables.events.filter(
      (e) => Number.parseInt(e.id, 10) > Number.parseInt(sinceId, 10),
    )
    expect(fresh.map((e) => e.payloadType)).toEqual(['leads', 'contacts', 'accounts'])
    const [created, updated] = fresh
    expect(batch.events.map((e) => e.id).sort()).toEqual([created!.id, updated!.id].sort())
    expect(batch.events.find((e) => e.id === updated!.id)).toMatchObject({
      action: 'update',
      entityType: 'contacts',
      recordIds: ['3-contacts'],
      changes: expect.arrayContaining([{ attribute: 'name', oldValue: 'Zara Sato', newValue: 'Gus Grill' }]),
    })
    expect(batch.refetch.leads).toEqual([lead.id])
    expect(batch.refetch.contacts).toEqual(['3-contacts'])
    expect(batch.latestId).toBe(updated!.id)
    expect(env.seen).toHaveLength(1)
    const query = env.seen[0]!.url.searchParams
    expect(env.seen[0]!.url.pathname).toBe('/rest/events')
    expect(query.get('since_id')).toBe(sinceId)
    expect(query.get('limit')).toBe('50')
    expect(query.get('since_time')).toBe(String(Date.parse('2024-05-28T00:00:00Z') / 1000))
    expect(query.getAll('filters[payload][]')).toEqual(['leads', 'contacts'])
  })

  it('rejects an unknown parameter before any request', async () => {
    await expect(makeClient().events.list({ since: 5 } as never)).rejects.toBeInstanceOf(InputValidationError)
    expect(env.seen).toHaveLength(0)
  })
})
