import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { InputValidationError, parseWebhook } from '../src'
import { BASE, webhookBody } from './support/fixtures'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()

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
    const paths = env.fake.seen.map((r) => r.url.pathname).sort()
    expect(paths).toEqual(['/rest/contacts/3-contacts', '/rest/leads/1003-leads,1001-leads'])
  })

  it('fetches the records of a single event', async () => {
    const batch = parseWebhook(webhookBody())
    const result = await makeClient().refetch(batch.events[1]!)
    expect(result.contacts.map((c) => c.name)).toEqual(['Gus Grill'])
    expect(env.fake.seen).toHaveLength(1)
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
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('events.list', () => {
  it('reads the same events by polling GET /events, parsed like a webhook', async () => {
    let query: URLSearchParams | undefined
    env.server.use(
      http.get(`${BASE}/events`, ({ request }) => {
        query = new URL(request.url).searchParams
        return HttpResponse.json(webhookBody())
      }),
    )
    const batch = await makeClient().events.list({
      sinceId: '38-events',
      limit: 50,
      sinceTime: new Date('2024-05-28T00:00:00Z'),
      payloadTypes: ['leads', 'contacts'],
    })
    expect(batch.events.map((e) => e.id)).toEqual(['39-events', '40-events', '41-events', '42-events'])
    expect(batch.refetch.leads).toEqual(['1003-leads', '1001-leads'])
    expect(batch.latestId).toBe('42-events')
    expect(query!.get('since_id')).toBe('38-events')
    expect(query!.get('limit')).toBe('50')
    expect(query!.get('since_time')).toBe(String(Date.parse('2024-05-28T00:00:00Z') / 1000))
    expect(query!.getAll('filters[payload][]')).toEqual(['leads', 'contacts'])
  })

  it('rejects an unknown parameter before any request', async () => {
    await expect(makeClient().events.list({ since: 5 } as never)).rejects.toBeInstanceOf(InputValidationError)
  })
})
