// Rules of Nutshell's own REST document (`openapi-manifest.json`, from `nutshell-openapi.json`) that a user
// relies on: what the SDK sends must be what the document names, and what the service refuses is refused
// before any request.
import { describe, expect, it } from 'vitest'
import { InputValidationError, NutshellClient, parseWebhook } from '../src'

interface Sent {
  method: string
  url: URL
  body: unknown
}

/** A client whose fetch records each request and answers with one plausible record of the path's type. */
function recordingClient(): { ns: NutshellClient; sent: Sent[] } {
  const sent: Sent[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const text = await request.text()
    const url = new URL(request.url)
    sent.push({ method: request.method, url, body: text ? JSON.parse(text) : undefined })
    const type = url.pathname.split('/')[2] ?? 'records'
    const body = { meta: { count: 1, total: 1 }, links: {}, [type]: [{ id: `1-${type}`, type, name: 'x' }] }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }
  const ns = new NutshellClient({ email: 'rules@example.com', apiKey: 'rules-key', fetch, maxRetries: 0 })
  return { ns, sent }
}

async function refusal(promise: PromiseLike<unknown>): Promise<InputValidationError> {
  const error = await Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputValidationError)
  return error as InputValidationError
}

describe('POST /tags: "Name and tagType are required", tagType "1" leads, "2" contacts, "3" accounts', () => {
  it.each([
    ['leads', '1'],
    ['contacts', '2'],
    ['accounts', '3'],
    ['2', '2'],
    [3, '3'],
  ] as const)('tags.create sends tagType %j as the document code %j', async (given, code) => {
    const { ns, sent } = recordingClient()
    await ns.tags.create({ name: 'Hot', tagType: given })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toEqual({ tags: [{ name: 'Hot', tagType: code }] })
  })

  it('tags.create without tagType, or without a name, is refused before any request, naming the field', async () => {
    const { ns, sent } = recordingClient()
    const noType = await refusal(ns.tags.create({ name: 'Hot' } as never))
    expect(noType.message).toMatch(/tagType/)
    const noName = await refusal(ns.tags.create({ tagType: 'leads' } as never))
    expect(noName.message).toMatch(/name/)
    await refusal(ns.tags.create({ name: 'Hot', tagType: 'notes' } as never))
    await refusal(ns.tags.create({ name: 'Hot', tagType: 4 } as never))
    expect(sent).toHaveLength(0)
  })
})

describe('GET /tags: the document names the parameter filter[tagType] (no [])', () => {
  it.each([['leads'], [{ eq: 'contacts' }]] as const)(
    'tags.list({ filter: { tagType: %j } })',
    async (tagType) => {
      const { ns, sent } = recordingClient()
      await ns.tags.list({ filter: { tagType } })
      const params = [...sent[0]!.url.searchParams.keys()]
      expect(params).toEqual(['filter[tagType]'])
      expect(sent[0]!.url.searchParams.get('filter[tagType]')).toBe(
        typeof tagType === 'string' ? tagType : 'contacts',
      )
    },
  )
})

describe('POST /contacts and POST /accounts refuse what the service refuses, before any request', () => {
  it('contacts.create requires a name', async () => {
    const { ns, sent } = recordingClient()
    const error = await refusal(ns.contacts.create({} as never))
    expect(error.issues.map((i) => i.path)).toContain('name')
    await refusal(ns.contacts.create({ name: '  ' }))
    expect(sent).toHaveLength(0)
    await ns.contacts.create({ name: 'Ada' })
    expect(sent).toHaveLength(1)
  })

  it('accounts.create requires one of name, phone, email, address or url', async () => {
    const { ns, sent } = recordingClient()
    const error = await refusal(ns.accounts.create({}))
    expect(error.message).toMatch(/name, phone, email, address (or|and) url/)
    await refusal(ns.accounts.create({ description: 'no identity', phones: [], name: '' }))
    expect(sent).toHaveLength(0)
    await ns.accounts.create({ name: 'Acme' })
    await ns.accounts.create({ phones: [{ value: '734-555-0100' }] })
    await ns.accounts.create({ emails: [{ value: 'hello@acme.test' }] })
    await ns.accounts.create({ addresses: [{ value: { address_1: '1 Main St', city: 'Ann Arbor' } }] })
    await ns.accounts.create({ urls: [{ value: 'https://acme.test' }] })
    expect(sent).toHaveLength(5)
  })
})

describe('POST /leads: links.accounts and links.contacts take ids or inline account/contact objects', () => {
  it('leads.create passes inline accounts and contacts through, beside id links', async () => {
    const { ns, sent } = recordingClient()
    const links = {
      accounts: ['5-accounts', { name: 'New Co', urls: [{ value: 'https://new.test' }] }],
      contacts: [{ name: 'Ivy New', emails: [{ value: 'ivy@new.test' }] }, '3-contacts'],
    }
    await ns.leads.create({ description: 'Deal', links })
    expect(sent[0]!.body).toEqual({ leads: [{ description: 'Deal', links }] })
  })

  it('an inline account or contact is checked like its own create', async () => {
    const { ns, sent } = recordingClient()
    await refusal(ns.leads.create({ links: { contacts: [{} as never] } }))
    await refusal(ns.leads.create({ links: { accounts: [{ description: 'nothing to name it' }] } }))
    expect(sent).toHaveLength(0)
  })
})

describe('parseWebhook: each payload id is filed under the type its suffix names', () => {
  it('a "9-notes" inside a leads event is a note', () => {
    const batch = parseWebhook({
      events: [
        {
          id: '50-events',
          action: 'update',
          payloadType: 'leads',
          links: { actor: '1-users', payloads: ['1003-leads', '9-notes'] },
        },
      ],
      payloads: [
        { id: '1003-leads', type: 'leads', name: 'Deal' },
        { id: '9-notes', type: 'notes', body: 'hi' },
      ],
    })
    expect(batch.events[0]!.recordIds).toEqual(['1003-leads', '9-notes'])
    expect(batch.events[0]!.records.map((r) => r.id)).toEqual(['1003-leads', '9-notes'])
    expect(batch.refetch).toEqual({ leads: ['1003-leads'], notes: ['9-notes'] })
  })

  it('a deleted "9-notes" inside a leads event is a deleted note', () => {
    const batch = parseWebhook({
      events: [{ id: '51-events', action: 'delete', payloadType: 'leads', links: { payloads: ['9-notes'] } }],
    })
    expect(batch.deleted).toEqual({ notes: ['9-notes'] })
    expect(batch.refetch).toEqual({})
  })

  it('accepts an event without action (the document does not require it): its records are re-fetched', () => {
    const batch = parseWebhook({
      events: [{ id: '52-events', payloadType: 'contacts', links: { payloads: ['3'] } }],
    })
    expect(batch.events[0]!.action).toBeUndefined()
    expect(batch.refetch).toEqual({ contacts: ['3-contacts'] })
  })

  it('accepts numeric ids: event id, actor and payloads', () => {
    const batch = parseWebhook({
      events: [
        {
          id: 53,
          action: 'create',
          payloadType: 'leads',
          actorType: 'users',
          links: { actor: 1, payloads: [7] },
        },
        { id: 54, action: 'update', payloadType: 'leads', links: { payloads: [7] } },
      ],
    })
    expect(batch.events.map((e) => e.id)).toEqual(['53', '54'])
    expect(batch.events[0]).toMatchObject({ actorId: '1-users', recordIds: ['7-leads'] })
    expect(batch.refetch).toEqual({ leads: ['7-leads'] })
    expect(batch.latestId).toBe('54')
  })
})
