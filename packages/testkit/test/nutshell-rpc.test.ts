import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { rest, rpc } from './helpers'

describe('Nutshell JSON-RPC', () => {
  test('discovery answers getApiForUsername without auth, naming the host the request reached', async () => {
    const sim = createNutshellSimulator()
    const reply = await rpc(
      sim,
      'getApiForUsername',
      { username: sim.credentials.email },
      { auth: null, url: 'https://api.nutshell.com/v1/json' },
    )
    expect(reply.body).toEqual({
      result: { api: 'app.nutshell.com', login: 'app.nutshell.com', iphone: 'app.nutshell.com' },
      id: 'test-1',
      error: null,
    })
    const local = await rpc(
      sim,
      'getApiForUsername',
      { username: 'x@example.com' },
      { auth: null, url: 'http://127.0.0.1:4567/v1/json' },
    )
    expect(local.body.result.api).toBe('127.0.0.1:4567')
  })

  test('entities have integer ids, entityType and a rev; lead status is numeric', async () => {
    const sim = createNutshellSimulator()
    const lead = (await rpc(sim, 'getLead', { leadId: 1001 })).body.result
    expect(lead).toMatchObject({ id: 1001, entityType: 'Leads', rev: '1' })
    expect([0, 1, 10, 11, 12]).toContain(lead.status)
    expect(lead.contacts[0]).toMatchObject({ stub: true, entityType: 'Contacts' })
  })

  test('edit needs the current rev: the rev changes on every edit and a stale one is error 409', async () => {
    const sim = createNutshellSimulator()
    const first = (await rpc(sim, 'getContact', { contactId: 3 })).body.result
    const edited = await rpc(sim, 'editContact', {
      contactId: 3,
      rev: first.rev,
      contact: { name: 'Nutty Fowler' },
    })
    expect(edited.body.error).toBeNull()
    expect(edited.body.result.rev).not.toBe(first.rev)
    const stale = await rpc(sim, 'editContact', { contactId: 3, rev: first.rev, contact: { name: 'Again' } })
    expect(stale.body).toMatchObject({
      result: null,
      error: { code: 409, message: 'rev key is out-of-date' },
    })
    const staleDelete = await rpc(sim, 'deleteContact', { contactId: 3, rev: first.rev })
    expect(staleDelete.body.error.code).toBe(409)
  })

  test('REST and JSON-RPC share one state, both ways', async () => {
    const sim = createNutshellSimulator()
    const lead = (await rpc(sim, 'getLead', { leadId: 1002 })).body.result
    await rpc(sim, 'editLead', { leadId: 1002, rev: lead.rev, lead: { description: 'Edited over RPC' } })
    expect((await rest(sim, 'GET', '/leads/1002-leads')).body.leads[0].description).toBe('Edited over RPC')
    await rest(sim, 'PATCH', '/leads/1002-leads', {
      contentType: 'application/json-patch+json',
      body: [{ op: 'replace', path: '/leads/0/confidence', value: 90 }],
    })
    const after = (await rpc(sim, 'getLead', { leadId: 1002 })).body.result
    expect(after.confidence).toBe(90)
    expect(Number(after.rev)).toBeGreaterThan(Number(lead.rev) + 1)
  })

  test('If-None-Match with the current rev or etag answers 304 with an empty body', async () => {
    const sim = createNutshellSimulator()
    const lead = await rpc(sim, 'getLead', { leadId: 1001 })
    const notModified = await rpc(
      sim,
      'getLead',
      { leadId: 1001 },
      { headers: { 'if-none-match': `"${lead.body.result.rev}"` } },
    )
    expect(notModified.status).toBe(304)
    expect(notModified.text).toBe('')
    const found = await rpc(sim, 'findLeads', { limit: 5 })
    const etag = found.headers.get('etag')!
    expect((await rpc(sim, 'findLeads', { limit: 5 }, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    )
    await rpc(sim, 'editLead', { leadId: 1001, rev: lead.body.result.rev, lead: { description: 'changed' } })
    expect((await rpc(sim, 'findLeads', { limit: 5 }, { headers: { 'if-none-match': etag } })).status).toBe(
      200,
    )
  })

  test('find* pages are 1-based, return stubs by default and full entities with stubResponses false', async () => {
    const sim = createNutshellSimulator()
    const page1 = (await rpc(sim, 'findLeads', { limit: 10, page: 1 })).body.result
    const page2 = (await rpc(sim, 'findLeads', { limit: 10, page: 2 })).body.result
    expect(page1.map((lead: { id: number }) => lead.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => 1001 + i),
    )
    expect(page2[0].id).toBe(1011)
    expect(page1[0].stub).toBe(true)
    const full = (await rpc(sim, 'findLeads', { limit: 1, stubResponses: false })).body.result[0]
    expect(full.stub).toBeUndefined()
    expect(full.contacts).toBeDefined()
    const won = (await rpc(sim, 'findLeads', { query: { status: 10 }, limit: 100 })).body.result
    expect(won.length).toBeGreaterThan(0)
    expect(won.every((lead: { status: number }) => lead.status === 10)).toBe(true)
    const byName = (await rpc(sim, 'findContacts', { orderBy: 'name', orderDirection: 'DESC', limit: 100 }))
      .body.result
    const names = byName.map((contact: { name: string }) => contact.name)
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })))
  })

  test('new*, search* and the reference finds work', async () => {
    const sim = createNutshellSimulator()
    const created = await rpc(sim, 'newContact', {
      contact: { name: 'Rpc Person', email: ['rpc@example.com'] },
    })
    expect(created.body.result).toMatchObject({ entityType: 'Contacts', name: 'Rpc Person', rev: '1' })
    const found = (await rpc(sim, 'searchContacts', { string: 'rpc person' })).body.result
    expect(found.map((contact: { id: number }) => contact.id)).toEqual([created.body.result.id])
    const byEmail = (await rpc(sim, 'searchByEmail', { emailAddressString: 'rpc@example.com' })).body.result
    expect(byEmail.contacts).toHaveLength(1)
    const lead = await rpc(sim, 'newLead', {
      lead: { description: 'RPC deal', contacts: [{ id: created.body.result.id }] },
    })
    expect(lead.body.result.contacts[0].id).toBe(created.body.result.id)
    expect((await rpc(sim, 'findMilestones')).body.result[0]).toMatchObject({
      entityType: 'Milestones',
      id: 101,
    })
    expect((await rpc(sim, 'findStagesets')).body.result).toHaveLength(2)
    expect((await rpc(sim, 'findTags')).body.result.Leads).toContain('Hot')
    expect((await rpc(sim, 'getUser')).body.result.emails).toEqual([sim.credentials.email])
  })

  test('closing a lead over JSON-RPC with status 10 shows as won over REST', async () => {
    const sim = createNutshellSimulator()
    const open = sim.db.list('leads').find((lead) => lead.status === 'open')!
    const id = Number.parseInt(open.id, 10)
    const lead = (await rpc(sim, 'getLead', { leadId: id })).body.result
    await rpc(sim, 'editLead', { leadId: id, rev: lead.rev, lead: { status: 10 } })
    expect((await rest(sim, 'GET', `/leads/${open.id}`)).body.leads[0]).toMatchObject({
      status: 'won',
      links: { outcome: '1-outcomes' },
    })
  })

  test('unknown methods are -32601, a missing entity an error, and bad credentials a 401 with a JSON-RPC error', async () => {
    const sim = createNutshellSimulator()
    expect((await rpc(sim, 'launchRocket')).body.error.code).toBe(-32601)
    expect((await rpc(sim, 'getLead', { leadId: 99999 })).body.error.code).toBe(404)
    const denied = await rpc(sim, 'getLead', { leadId: 1001 }, { auth: `Basic ${btoa('x@example.com:bad')}` })
    expect(denied.status).toBe(401)
    expect(denied.body).toMatchObject({ result: null, error: { code: 401 } })
  })
})
