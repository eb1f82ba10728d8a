// The opt-in read fallback: a REST read of leads/contacts/accounts that fails with a server error or a
// connection failure (after its retries) is answered by the JSON-RPC twin, in the REST body's shape.
import {
  ConnectionError,
  NotFoundError,
  type NoticeEvent,
  type QueryInput,
  RateLimitError,
  ServerError,
  Transport,
} from '@x/core'
import { createNutshellSimulator } from '@x/testkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  makeReadFallback,
  type ReadRequest,
  RpcClient,
  restLeadStatus,
  rpcAccountToRest,
  rpcContactToRest,
  rpcLeadToRest,
} from '../src/rpc'
import { AccountSchema, ContactSchema, LeadSchema } from '../src/schemas'

const REST_BASE = 'https://app.nutshell.com/rest'

/** A simulator whose REST side can be made to fail, a transport on it, and the JSON-RPC methods it was asked. */
function setup() {
  const sim = createNutshellSimulator({ seed: 3 })
  const { email, apiKey } = sim.credentials
  const rpcMethods: string[] = []
  // biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
  const rpcParams: any[] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (request.url.endsWith('/api/v1/json')) {
      const body = await request.clone().json()
      rpcMethods.push(body.method)
      rpcParams.push(body.params)
    }
    return sim.fetch(request)
  }
  const transport = new Transport({
    baseUrl: REST_BASE,
    fetch: fetchImpl as typeof fetch,
    auth: () => ({ authorization: `Basic ${btoa(`${email}:${apiKey}`)}` }),
    backoff: { initialDelay: 100, maxDelay: 100 },
  })
  const rpc = new RpcClient({ transport, email })
  const notices: NoticeEvent[] = []
  const fallback = makeReadFallback(rpc, (e) => notices.push(e))
  const rest = (path: string, query?: QueryInput) => () =>
    // biome-ignore lint/suspicious/noExplicitAny: REST bodies are read loosely here
    Promise.resolve(transport.request<any>({ method: 'GET', path, query }))
  const restFails = (fault: 'error' | 'drop' | 'notFound' | 'rateLimit') => {
    const match = { path: '/rest/' }
    if (fault === 'error') sim.faults.set({ error: { rate: 1, status: 503, match } })
    if (fault === 'drop') sim.faults.set({ drop: { rate: 1, match } })
    if (fault === 'notFound') sim.faults.set({ error: { rate: 1, status: 404, match } })
    if (fault === 'rateLimit') sim.faults.set({ error: { rate: 1, status: 429, match } })
  }
  return { sim, fallback, rest, restFails, rpcMethods, rpcParams, notices }
}

/** Runs a call while fake timers fast-forward the transport's backoff waits. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const guarded = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.runAllTimersAsync()
  const outcome = await guarded
  if ('error' in outcome) throw outcome.error
  return outcome.value
}

afterEach(() => {
  vi.useRealTimers()
})

const list = (params: Record<string, unknown>, entity: ReadRequest['entity'] = 'leads'): ReadRequest => ({
  entity,
  op: 'list',
  params: { page: 0, limit: 50, ...params },
})

describe('makeReadFallback', () => {
  it('answers a list that failed with 5xx after its retries from find*, in the REST body shape', async () => {
    const { sim, fallback, rest, restFails, rpcMethods, rpcParams, notices } = setup()
    restFails('error')
    vi.useFakeTimers()
    const body = await settle(
      fallback(
        list({ limit: 5, filter: { status: 'open' } }),
        rest('/leads', { page: { page: 0, limit: 5 } }),
      ),
    )
    const restAttempts = sim.requests.filter((r) => r.path.startsWith('/rest/'))
    expect(restAttempts.map((r) => r.status)).toEqual([503, 503, 503])
    expect(rpcMethods.filter((m) => m !== 'getApiForUsername')).toEqual(['findLeads'])
    expect(rpcParams.at(-1)).toEqual({ query: { status: 0 }, page: 1, limit: 5, stubResponses: false })
    expect(body.leads).toHaveLength(5)
    for (const lead of body.leads) {
      expect(lead.id).toMatch(/^\d+-leads$/)
      expect(lead.status).toBe('open')
      expect(LeadSchema.safeParse(lead).success).toBe(true)
    }
    expect(notices).toEqual([
      expect.objectContaining({
        type: 'fallback',
        entity: 'leads',
        op: 'list',
        from: 'rest',
        to: 'rpc',
        method: 'findLeads',
      }),
    ])
  })

  it('asks JSON-RPC for the 1-based page after the 0-based REST page, with the same sort', async () => {
    const { fallback, rest, restFails, rpcParams } = setup()
    restFails('error')
    vi.useFakeTimers()
    await settle(fallback(list({ page: 2, limit: 10, sort: '-value' }), rest('/leads')))
    expect(rpcParams.at(-1)).toMatchObject({ page: 3, limit: 10, orderBy: 'value', orderDirection: 'DESC' })
  })

  it('falls back after a connection failure too', async () => {
    const { fallback, rest, restFails, rpcMethods, notices } = setup()
    restFails('drop')
    vi.useFakeTimers()
    const body = await settle(fallback(list({ limit: 3 }, 'contacts'), rest('/contacts')))
    expect(body.contacts).toHaveLength(3)
    expect(rpcMethods).toContain('findContacts')
    expect(notices[0]).toMatchObject({ type: 'fallback', reason: 'ConnectionError' })
  })

  it('answers get from get* for every id asked', async () => {
    const { sim, fallback, rest, restFails, rpcMethods } = setup()
    restFails('error')
    const [a, b] = sim.db.list('accounts')
    vi.useFakeTimers()
    const body = await settle(
      fallback(
        { entity: 'accounts', op: 'get', params: { ids: [a!.id, b!.id] } },
        rest(`/accounts/${a!.id},${b!.id}`),
      ),
    )
    expect(body.accounts.map((r: { id: string }) => r.id)).toEqual([a!.id, b!.id])
    expect(rpcMethods.filter((m) => m === 'getAccount')).toHaveLength(2)
  })

  it('answers a search from search*, and by-email lists from searchByEmail', async () => {
    const { sim, fallback, rest, restFails, rpcMethods, rpcParams } = setup()
    restFails('error')
    const contact = sim.db.list('contacts')[0]!
    const email = (contact.emails as { value: string }[])[0]!.value
    const surname = String(contact.name).split(' ').at(-1)!
    vi.useFakeTimers()
    const found = await settle(
      fallback(
        { entity: 'contacts', op: 'search', params: { page: 0, limit: 20, q: surname } },
        rest('/contacts'),
      ),
    )
    expect(rpcParams.at(-1)).toEqual({ string: surname, limit: 20 })
    expect(found.contacts.map((c: { id: string }) => c.id)).toContain(contact.id)

    const byEmail = await settle(fallback(list({ email }, 'contacts'), rest('/contacts')))
    expect(rpcMethods.at(-1)).toBe('searchByEmail')
    expect(byEmail.contacts.map((c: { id: string }) => c.id)).toEqual([contact.id])
  })

  it('rethrows a 4xx untouched without asking JSON-RPC', async () => {
    const { fallback, rest, restFails, rpcMethods, notices } = setup()
    restFails('notFound')
    const error = await fallback(list({}), rest('/leads')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(rpcMethods).toEqual([])
    expect(notices).toEqual([])
  })

  it('does not fall back on a rate limit (JSON-RPC shares the budget)', async () => {
    const { fallback, rest, restFails, rpcMethods } = setup()
    restFails('rateLimit')
    vi.useFakeTimers()
    await expect(settle(fallback(list({}), rest('/leads')))).rejects.toBeInstanceOf(RateLimitError)
    expect(rpcMethods).toEqual([])
  })

  it('refuses to answer with different records: filters JSON-RPC cannot express rethrow the REST error', async () => {
    const { fallback, rest, restFails, rpcMethods, notices } = setup()
    restFails('error')
    vi.useFakeTimers()
    const request = list({ filter: { createdTime: { from: '2024-01-01', to: '2024-02-01' } } })
    await expect(settle(fallback(request, rest('/leads')))).rejects.toBeInstanceOf(ServerError)
    expect(rpcMethods).toEqual([])
    expect(notices[0]).toMatchObject({ type: 'fallback-skipped', entity: 'leads', op: 'list' })
  })

  it('rethrows the REST error when JSON-RPC fails as well, and says so', async () => {
    const { sim, fallback, rest, restFails, notices } = setup()
    restFails('drop')
    sim.faults.set({ drop: { rate: 1 } })
    vi.useFakeTimers()
    const error = await settle(fallback(list({}), rest('/leads'))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConnectionError)
    expect((error as ConnectionError).path).toBe('/rest/leads')
    expect(notices[0]).toMatchObject({ type: 'fallback-failed', method: 'findLeads' })
  })

  it('a throwing notice hook does not break the fallback', async () => {
    const { sim, rest } = setup()
    const { email, apiKey } = sim.credentials
    const transport = new Transport({
      baseUrl: REST_BASE,
      fetch: sim.fetch,
      auth: () => ({ authorization: `Basic ${btoa(`${email}:${apiKey}`)}` }),
      maxRetries: 0,
    })
    const fallback = makeReadFallback(new RpcClient({ transport, email }), () => {
      throw new Error('hook bug')
    })
    sim.faults.set({ error: { rate: 1, status: 500, match: { path: '/rest/' } } })
    await expect(fallback(list({ limit: 2 }), rest('/leads'))).resolves.toMatchObject({
      leads: expect.any(Array),
    })
  })

  it('passes a successful REST answer through without touching JSON-RPC', async () => {
    const { fallback, rest, rpcMethods, notices } = setup()
    const body = await fallback(list({}), rest('/leads', { page: { page: 0, limit: 2 } }))
    expect(body.leads).toHaveLength(2)
    expect(rpcMethods).toEqual([])
    expect(notices).toEqual([])
  })
})

describe('mappers', () => {
  it.each([
    [0, 'open'],
    [1, 'pending'],
    [10, 'won'],
    [11, 'lost'],
    [12, 'canceled'],
    [42, '42'],
  ])('lead status %s is REST "%s"', (code, name) => {
    expect(restLeadStatus(code)).toBe(name)
  })

  it('rpcLeadToRest gives typed ids, status strings, money and links', () => {
    const lead = rpcLeadToRest(
      {
        id: 1003,
        entityType: 'Leads',
        rev: '5',
        name: 'Acme renewal',
        description: 'Acme renewal',
        status: 10,
        value: { currency: 'USD', amount: 836 },
        createdTime: '2016-04-28T07:13:12+0000',
        assignee: { id: 2, entityType: 'Teams', rev: '1', stub: true },
        primaryAccount: { id: 7, entityType: 'Accounts' },
        contacts: [{ id: 3, entityType: 'Contacts', relationship: 'Buyer' }],
        milestone: { id: 101, entityType: 'Milestones' },
        stagesetId: 1,
        sources: [{ id: 5, entityType: 'Sources' }],
      },
      { restBaseUrl: 'https://app.nutshell.com/rest/' },
    )
    expect(lead).toMatchObject({
      id: '1003-leads',
      type: 'leads',
      href: 'https://app.nutshell.com/rest/leads/1003-leads',
      status: 'won',
      value: { currency: 'USD', amount: '836.00' },
      createdTime: { timestamp: 1461827592 },
      ownerType: 'teams',
      links: {
        owner: '2-teams',
        accounts: ['7-accounts'],
        contacts: ['3-contacts'],
        stage: '101-stages',
        stageset: '1-stagesets',
        sources: ['5-sources'],
        outcome: null,
      },
    })
    expect(LeadSchema.safeParse(lead).success).toBe(true)
  })

  it('rpcContactToRest turns structured names and labelled multi-value maps into REST lists', () => {
    const contact = rpcContactToRest({
      id: 1,
      entityType: 'Contacts',
      rev: '1',
      name: { givenName: 'Louis', familyName: 'Woodward', displayName: 'Mr. Louis Woodward' },
      email: { '0': 'lw@leap.example', work: 'louis@corp.example', '--primary': 'louis@corp.example' },
      phone: { '0': { countryCode: '1', number: '5996915805', numberFormatted: '599-691-5805' } },
      url: { personal: 'http://louis.example', '--primary': 'http://louis.example' },
      address: { '0': { address_1: '206 E Huron St', city: 'Ann Arbor', state: 'MI', country: 'US' } },
      accounts: [{ id: 12, entityType: 'Accounts' }],
      owner: null,
      modifiedTime: '2016-03-13T05:14:21+0000',
    })
    expect(contact).toMatchObject({
      id: '1-contacts',
      name: 'Mr. Louis Woodward',
      firstName: 'Louis',
      lastName: 'Woodward',
      emails: [
        { value: 'lw@leap.example', name: null, isPrimary: false },
        { value: 'louis@corp.example', name: 'work', isPrimary: true },
      ],
      phones: [{ value: { numberFormatted: '599-691-5805' }, isPrimary: true }],
      urls: [{ value: 'http://louis.example', name: 'personal', isPrimary: true }],
      addresses: [{ address_1: '206 E Huron St', city: 'Ann Arbor', isPrimary: true }],
      modifiedTime: 1457846061,
      links: { accounts: ['12-accounts'], owner: null },
    })
    expect(ContactSchema.safeParse(contact).success).toBe(true)
  })

  it('rpcAccountToRest links contacts, type and industry', () => {
    const account = rpcAccountToRest({
      id: 7,
      entityType: 'Accounts',
      rev: '2',
      name: 'Acme',
      email: ['sales@acme.example'],
      contacts: [{ id: 3, entityType: 'Contacts' }],
      accountType: { id: 1, entityType: 'AccountTypes' },
      industry: { id: 4, entityType: 'Industries' },
    })
    expect(account).toMatchObject({
      id: '7-accounts',
      name: 'Acme',
      emails: [{ value: 'sales@acme.example', isPrimary: true }],
      links: { contacts: ['3-contacts'], accountType: '1-accountTypes', industry: '4-industries' },
    })
    expect(AccountSchema.safeParse(account).success).toBe(true)
  })
})
