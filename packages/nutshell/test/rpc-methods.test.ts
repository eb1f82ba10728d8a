// The typed JSON-RPC methods: names and named params on the wire, input checks, find* pages, searches.
import { InputValidationError, Transport } from '@x/core'
import { getResponse, HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { RpcClient } from '../src/rpc'

const ENDPOINT = 'https://app.nutshell.com/api/v1/json'

interface Sent {
  method: string
  // biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
  params: any
}

/** A client on a fixed endpoint whose msw handler answers each method with `answer`. */
// biome-ignore lint/suspicious/noExplicitAny: answers are JSON
function setup(answer: (method: string, params: any) => unknown = (method, params) => echo(method, params)) {
  const sent: Sent[] = []
  const handlers = [
    http.post(ENDPOINT, async ({ request }) => {
      const body = (await request.json()) as { method: string; params: unknown; id: string }
      sent.push({ method: body.method, params: body.params })
      return HttpResponse.json({ result: answer(body.method, body.params), id: body.id, error: null })
    }),
  ]
  const transport = new Transport({
    baseUrl: 'https://app.nutshell.com/rest',
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
      (await getResponse(handlers, new Request(input, init))) ?? Response.error()) as typeof fetch,
    auth: () => ({ authorization: 'Basic eA==' }),
  })
  return {
    rpc: new RpcClient({ transport, email: 'ada@example.com', options: { endpoint: ENDPOINT } }),
    sent,
  }
}

const ENTITY_TYPE: Record<string, string> = {
  Lead: 'Leads',
  Contact: 'Contacts',
  Account: 'Accounts',
  Activity: 'Activities',
  Task: 'Tasks',
  Note: 'Notes',
  User: 'Users',
  Product: 'Products',
}

// biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
function echo(method: string, params: any): unknown {
  const kind = /^(?:get|new|edit|delete)(\w+)$/.exec(method)?.[1] ?? ''
  const id = Object.entries(params ?? {}).find(([k]) => k.endsWith('Id'))?.[1] ?? 77
  if (method.startsWith('delete')) return true
  return { id, entityType: ENTITY_TYPE[kind] ?? kind, rev: '2', name: 'x' }
}

describe('get/new/edit/delete families', () => {
  const families = [
    {
      name: 'Lead',
      get: 'getLead',
      idKey: 'leadId',
      key: 'lead',
      rest: '1003-leads',
      input: { description: 'Big deal' },
    },
    {
      name: 'Contact',
      get: 'getContact',
      idKey: 'contactId',
      key: 'contact',
      rest: '3-contacts',
      input: { name: 'Ada' },
    },
    {
      name: 'Account',
      get: 'getAccount',
      idKey: 'accountId',
      key: 'account',
      rest: '5-accounts',
      input: { name: 'Acme' },
    },
    {
      name: 'Activity',
      get: 'getActivity',
      idKey: 'activityId',
      key: 'activity',
      rest: '9-activities',
      input: { name: 'Call', startTime: '2025-01-02T10:00:00+00:00', endTime: '2025-01-02T10:30:00+00:00' },
    },
    {
      name: 'Task',
      get: 'getTask',
      idKey: 'taskId',
      key: 'task',
      rest: '4-tasks',
      input: { title: 'Follow up' },
    },
  ] as const

  for (const f of families) {
    it(`${f.name}: get/new/edit/delete send the service's method names and named params`, async () => {
      const { rpc, sent } = setup()
      // biome-ignore lint/suspicious/noExplicitAny: iterating the typed methods by name
      const methods = rpc as any
      const got = await methods[f.get](f.rest)
      expect(got).toMatchObject({ entityType: ENTITY_TYPE[f.name], rev: '2' })
      await methods[`new${f.name}`](f.input)
      await methods[`edit${f.name}`](f.rest, '2', f.input)
      await expect(methods[`delete${f.name}`](f.rest, '3')).resolves.toBe(true)
      const n = Number(f.rest.split('-')[0])
      expect(sent).toEqual([
        { method: `get${f.name}`, params: { [f.idKey]: n } },
        { method: `new${f.name}`, params: { [f.key]: f.input } },
        { method: `edit${f.name}`, params: { [f.idKey]: n, rev: '2', [f.key]: f.input } },
        { method: `delete${f.name}`, params: { [f.idKey]: n, rev: '3' } },
      ])
    })
  }

  it('Note: newNote attaches to a parent; get/edit/delete take noteId', async () => {
    const { rpc, sent } = setup()
    await rpc.newNote({ entityType: 'Leads', id: 1003 }, 'Called, wants a quote')
    await rpc.getNote(12)
    await rpc.editNote(12, '4', { note: 'Called twice' })
    await rpc.deleteNote('12-notes', 5)
    expect(sent).toEqual([
      {
        method: 'newNote',
        params: { entity: { entityType: 'Leads', id: 1003 }, note: 'Called, wants a quote' },
      },
      { method: 'getNote', params: { noteId: 12 } },
      { method: 'editNote', params: { noteId: 12, rev: '4', note: { note: 'Called twice' } } },
      { method: 'deleteNote', params: { noteId: 12, rev: '5' } },
    ])
  })

  it('rejects an id of another type, or a bad input, before sending anything', async () => {
    const { rpc, sent } = setup()
    await expect(rpc.getLead('3-contacts')).rejects.toBeInstanceOf(InputValidationError)
    await expect(rpc.getLead(0)).rejects.toBeInstanceOf(InputValidationError)
    const missingName = await rpc.newContact({} as never).catch((e: unknown) => e)
    expect(missingName).toBeInstanceOf(InputValidationError)
    expect((missingName as InputValidationError).field).toBe('contact.name')
    await expect(rpc.editLead(1, '', {})).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toHaveLength(0)
  })

  it('passes fields the schemas do not know through to the service', async () => {
    const { rpc, sent } = setup()
    await rpc.newLead({ description: 'x', competitors: [{ id: 2 }] } as never)
    expect(sent[0]!.params.lead).toEqual({ description: 'x', competitors: [{ id: 2 }] })
  })
})

describe('find* pages', () => {
  const leads = Array.from({ length: 5 }, (_, i) => ({
    id: 1001 + i,
    entityType: 'Leads',
    rev: '1',
    name: `Lead-${1001 + i}`,
  }))
  // biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
  const pageOf = (params: any) => leads.slice((params.page - 1) * params.limit, params.page * params.limit)

  it('awaiting gives page 1 (1-based) with query, orderBy, orderDirection and stubResponses passed through', async () => {
    const { rpc, sent } = setup((_m, params) => pageOf(params))
    const page = await rpc.findLeads({
      query: { status: 0, stagesetId: 2 },
      orderBy: 'createdTime',
      orderDirection: 'DESC',
      limit: 2,
      stubResponses: false,
    })
    expect(page.items.map((l) => l.id)).toEqual([1001, 1002])
    expect(sent[0]).toEqual({
      method: 'findLeads',
      params: {
        query: { status: 0, stagesetId: 2 },
        orderBy: 'createdTime',
        orderDirection: 'DESC',
        limit: 2,
        page: 1,
        stubResponses: false,
      },
    })
  })

  it('for await walks every record, asking for pages 1, 2, 3 and stopping at the short one', async () => {
    const { rpc, sent } = setup((_m, params) => pageOf(params))
    const ids: number[] = []
    for await (const lead of rpc.findLeads({ limit: 2 })) ids.push(lead.id)
    expect(ids).toEqual([1001, 1002, 1003, 1004, 1005])
    expect(sent.map((s) => s.params.page)).toEqual([1, 2, 3])
  })

  it('stops after an empty page when the last full page ended exactly at the end', async () => {
    const { rpc, sent } = setup((_m, params) =>
      leads.slice(0, 4).slice((params.page - 1) * 2, params.page * 2),
    )
    await expect(rpc.findLeads({ limit: 2 }).toArray()).resolves.toHaveLength(4)
    expect(sent.map((s) => s.params.page)).toEqual([1, 2, 3])
  })

  it('defaults to 50 per page, and rejects page 0 (JSON-RPC pages are 1-based)', async () => {
    const { rpc, sent } = setup(() => [])
    await rpc.findContacts()
    expect(sent[0]!.params).toEqual({ page: 1, limit: 50 })
    const error = await rpc.findAccounts({ page: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('page')
    await expect(rpc.findActivities({ orderDirection: 'sideways' as never })).rejects.toBeInstanceOf(
      InputValidationError,
    )
    expect(sent).toHaveLength(1)
  })

  it.each([
    ['findContacts', 'Contacts'],
    ['findAccounts', 'Accounts'],
    ['findActivities', 'Activities'],
    ['findUsers', 'Users'],
    ['findSources', 'Sources'],
    ['findProducts', 'Products'],
    ['findMilestones', 'Milestones'],
    ['findStagesets', 'Stagesets'],
  ])('%s is a paged find', async (method, entityType) => {
    const { rpc, sent } = setup(() => [{ id: 1, entityType, rev: '1', name: 'one' }])
    // biome-ignore lint/suspicious/noExplicitAny: iterating the typed methods by name
    const page = await (rpc as any)[method]({ limit: 10 })
    expect(page.items).toEqual([{ id: 1, entityType, rev: '1', name: 'one' }])
    expect(page.hasNextPage()).toBe(false)
    expect(sent).toEqual([{ method, params: { limit: 10, page: 1 } }])
  })

  it('findTags takes no params and answers names by entity type', async () => {
    const { rpc, sent } = setup(() => ({ Leads: ['hot'], Contacts: ['vip'] }))
    await expect(rpc.findTags()).resolves.toEqual({ Leads: ['hot'], Contacts: ['vip'] })
    expect(sent).toEqual([{ method: 'findTags', params: {} }])
  })
})

describe('searches', () => {
  it.each(['searchLeads', 'searchContacts', 'searchAccounts'] as const)(
    '%s sends {string, limit}',
    async (method) => {
      const { rpc, sent } = setup(() => [{ id: 1, entityType: 'Leads', stub: true }])
      await expect(rpc[method]('acme', { limit: 5 })).resolves.toHaveLength(1)
      expect(sent).toEqual([{ method, params: { limit: 5, string: 'acme' } }])
    },
  )

  it('searchUniversal groups hits by kind whether they come grouped or as one list', async () => {
    const grouped = setup(() => ({
      leads: [{ id: 1, entityType: 'Leads' }],
      contacts: [{ id: 2, entityType: 'Contacts' }],
      accounts: [],
    }))
    const a = await grouped.rpc.searchUniversal('acme')
    expect(grouped.sent).toEqual([{ method: 'searchUniversal', params: { string: 'acme' } }])
    expect([a.leads.length, a.contacts.length, a.accounts.length]).toEqual([1, 1, 0])

    const flat = setup(() => [
      { id: 1, entityType: 'Leads' },
      { id: 5, entityType: 'Accounts' },
      { id: 6, entityType: 'Accounts' },
    ])
    const b = await flat.rpc.searchUniversal('acme')
    expect(b.accounts.map((x) => x.id)).toEqual([5, 6])
    expect(b.leads.map((x) => x.id)).toEqual([1])
  })

  it('searchByEmail sends emailAddressString and groups the hits', async () => {
    const { rpc, sent } = setup(() => ({
      contacts: [{ id: 3, entityType: 'Contacts' }],
      users: [{ id: 1, entityType: 'Users' }],
    }))
    const hits = await rpc.searchByEmail('ada@example.com')
    expect(sent).toEqual([{ method: 'searchByEmail', params: { emailAddressString: 'ada@example.com' } }])
    expect(hits.contacts.map((c) => c.id)).toEqual([3])
    expect(hits.users.map((u) => u.id)).toEqual([1])
  })

  it('an empty search string is refused before sending', async () => {
    const { rpc, sent } = setup()
    await expect(rpc.searchUniversal('')).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toHaveLength(0)
  })
})
