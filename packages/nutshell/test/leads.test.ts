import { describe, expect, it } from 'vitest'
import { InputValidationError, NotFoundError, related, type User } from '../src'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()
const paths = () => env.fake.seen.map((r) => `${r.method} ${r.url.pathname}`)

describe('leads.get', () => {
  it('returns the one lead from the array a single-record GET answers with', async () => {
    const lead = await makeClient().leads.get('1002-leads')
    expect(lead).toMatchObject({ id: '1002-leads', status: 'open', value: { amount: '1000.00' } })
  })

  it('fetches several leads in one call with the ids comma-joined', async () => {
    const leads = await makeClient().leads.get(['1001-leads', '1003-leads'])
    expect(leads.map((l) => l.id)).toEqual(['1001-leads', '1003-leads'])
    expect(paths()).toEqual(['GET /rest/leads/1001-leads,1003-leads'])
  })

  it('reaches the owner and contacts the response carried beside the lead, without another request', async () => {
    const { data: lead, related: rel } = await makeClient().leads.get('1001-leads').withRelated()
    const links = rel.of<{ owner: User; contacts: { id: string; name: string }[]; outcome: null }>(lead)
    expect(links.owner).toMatchObject({ id: '1-users', name: 'Ada Owner' })
    expect(links.contacts?.map((c) => c.name)).toEqual(['Gus Grill'])
    expect(links.outcome).toBeNull()
    expect(env.fake.seen).toHaveLength(1)
  })

  it('a list page gives its related records too', async () => {
    const page = await makeClient().leads.list({ limit: 2 })
    expect(related(page).of(page.items[0]!).owner).toMatchObject({ name: 'Ada Owner' })
  })

  it('an unknown id is a NotFoundError with the request id, not the HTML page', async () => {
    const error = await makeClient()
      .leads.get('999-leads')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect((error as NotFoundError).requestId).toBe('req-7f3a')
    expect((error as Error).message).not.toMatch(/<html|lorem/i)
  })

  it('rejects an id with a comma or an empty id list before any request', async () => {
    const ns = makeClient()
    await expect(ns.leads.get('1-leads,2-leads')).rejects.toBeInstanceOf(InputValidationError)
    await expect(ns.leads.get([])).rejects.toBeInstanceOf(InputValidationError)
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('leads.create', () => {
  it('POSTs the lead wrapped in an array under "leads" and returns the created lead', async () => {
    const lead = await makeClient().leads.create({
      description: 'Car Wash Inc.',
      links: { owner: '1-users', contacts: ['3-contacts'] },
    })
    expect(lead).toMatchObject({ description: 'Car Wash Inc.', status: 'open' })
    expect(lead.id).toMatch(/^\d+-leads$/)
    expect(env.fake.seen[0]!.body).toEqual({
      leads: [{ description: 'Car Wash Inc.', links: { owner: '1-users', contacts: ['3-contacts'] } }],
    })
  })

  it('rejects a wrongly typed field before any request, naming it', async () => {
    const error = await makeClient()
      .leads.create({ description: 'x', links: { contacts: '3-contacts' as never } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('links.contacts')
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('leads.update', () => {
  it('sends JSON Patch as application/json-patch+json and resolves to undefined on 204', async () => {
    const result = await makeClient().leads.update('1001-leads', [
      { op: 'replace', path: '/leads/0/description', value: 'Bigger deal' },
    ])
    expect(result).toBeUndefined()
    const req = env.fake.seen[0]!
    expect(req.method).toBe('PATCH')
    expect(req.headers.get('content-type')).toBe('application/json-patch+json')
    expect(env.fake.db.leads!.find((l) => l.id === '1001-leads')!.description).toBe('Bigger deal')
  })

  it('builds the ops from a plain change object, link edits included', async () => {
    await makeClient().leads.update('1001-leads', {
      description: 'Renamed',
      links: { contacts: { add: ['4-contacts'], remove: ['3-contacts'] } },
    })
    expect(env.fake.seen[0]!.body).toEqual([
      { op: 'replace', path: '/leads/0/description', value: 'Renamed' },
      { op: 'remove', path: '/leads/0/links/contacts/3-contacts' },
      { op: 'add', path: '/leads/0/links/contacts/-', value: '4-contacts' },
    ])
    const links = env.fake.db.leads!.find((l) => l.id === '1001-leads')!.links as Record<string, unknown>
    expect(links.contacts).toEqual(['4-contacts'])
  })

  it('returns the fresh lead only when asked, by a follow-up GET', async () => {
    const lead = await makeClient().leads.update('1002-leads', { confidence: 90 }, { returnRecord: true })
    expect(lead.confidence).toBe(90)
    expect(paths()).toEqual(['PATCH /rest/leads/1002-leads', 'GET /rest/leads/1002-leads'])
  })

  it('rejects an empty change before any request', async () => {
    await expect(makeClient().leads.update('1001-leads', {})).rejects.toBeInstanceOf(InputValidationError)
    expect(env.fake.seen).toHaveLength(0)
  })

  it('updates one record: a list of ids, a comma or a bad id is refused by name before any request', async () => {
    const ns = makeClient()
    for (const id of [['1001-leads', '1002-leads'], '1001-leads,1002-leads', '', 0, 'a b']) {
      const error = await ns.leads.update(id as string, { confidence: 1 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('id')
    }
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('leads.close', () => {
  it('closes as won with POST /leads/{id}/status and the outcome id looked up from /outcomes', async () => {
    const lead = await makeClient().leads.close('1001-leads', 'won')
    expect(lead.status).toBe('won')
    expect(paths()).toEqual(['GET /rest/outcomes', 'POST /rest/leads/1001-leads/status'])
    expect(env.fake.seen[1]!.body).toEqual({ outcomeId: '1-outcomes' })
  })

  it('looks the outcomes up once per client and reuses them', async () => {
    const ns = makeClient()
    await ns.leads.close('1001-leads', 'lost')
    await ns.leads.close('1002-leads', 'canceled')
    await ns.leads.close('1004-leads', 'cancelled')
    expect(paths().filter((p) => p === 'GET /rest/outcomes')).toHaveLength(1)
    // "Lost" is preferred over another lost outcome ("Too expensive") by its name.
    expect(env.fake.seen.slice(1).map((r) => r.body)).toEqual([
      { outcomeId: '3-outcomes' },
      { outcomeId: '4-outcomes' },
      { outcomeId: '4-outcomes' },
    ])
  })

  it('takes an explicit outcome id without a lookup', async () => {
    await makeClient().leads.close('1001-leads', { outcomeId: '2-outcomes' })
    expect(paths()).toEqual(['POST /rest/leads/1001-leads/status'])
  })

  it('rejects an unknown outcome name before any request', async () => {
    await expect(makeClient().leads.close('1001-leads', 'maybe' as never)).rejects.toBeInstanceOf(
      InputValidationError,
    )
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('other lead endpoints', () => {
  it('reopen POSTs /leads/{id}/reopen', async () => {
    const ns = makeClient()
    await ns.leads.close('1001-leads', { outcomeId: '1-outcomes' })
    const lead = await ns.leads.reopen('1001-leads')
    expect(lead.status).toBe('open')
  })

  it('setPipeline POSTs {stageset} to /leads/{id}/stageset', async () => {
    const lead = await makeClient().leads.setPipeline('1001-leads', '2-stagesets')
    expect(env.fake.seen[0]!.url.pathname).toBe('/rest/leads/1001-leads/stageset')
    expect(env.fake.seen[0]!.body).toEqual({ stageset: '2-stagesets' })
    expect((lead.links as Record<string, unknown>).stageset).toBe('2-stagesets')
  })

  it('delete answers with the lead; undelete restores it', async () => {
    const ns = makeClient()
    const gone = await ns.leads.delete('1003-leads')
    expect(gone?.id).toBe('1003-leads')
    await expect(ns.leads.get('1003-leads')).rejects.toBeInstanceOf(NotFoundError)
    const back = await ns.leads.undelete('1003-leads')
    expect(back.id).toBe('1003-leads')
    expect((await ns.leads.get('1003-leads')).id).toBe('1003-leads')
  })

  it('products(id) returns the product maps the lead links to, fetched in one call', async () => {
    const maps = await makeClient().leads.products('1001-leads')
    expect(maps.map((m) => [m.id, m.quantity])).toEqual([
      ['11-productMaps', 2],
      ['12-productMaps', 1],
    ])
    expect(paths()).toEqual([
      'GET /rest/leads/1001-leads',
      'GET /rest/productmaps/11-productMaps,12-productMaps',
    ])
  })

  it('products(id) of a lead without products is empty, with no second request', async () => {
    expect(await makeClient().leads.products('1002-leads')).toEqual([])
    expect(env.fake.seen).toHaveLength(1)
  })
})
