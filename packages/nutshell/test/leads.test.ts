import { describe, expect, it } from 'vitest'
import { InputValidationError, NotFoundError, related, type User } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env
const paths = () => env.seen.map((r) => `${r.method} ${r.url.pathname}`)
/** A stored record of the simulator, by id. */
const stored = (id: string) => env.sim.db.get(id)!

describe('leads.get', () => {
  it('returns the one lead from the array a single-record GET answers with', async () => {
    const lead = await makeClient().leads.get('1002-leads')
    const { value } = stored('1002-leads') as unknown as { value: { amount: unknown } }
    expect(value.amount).toBeDefined()
    expect(lead).toMatchObject({ id: '1002-leads', status: 'open', value: { amount: value.amount } })
  })

  it('fetches several leads in one call with the ids comma-joined', async () => {
    const leads = await makeClient().leads.get(['1001-leads', '1003-leads'])
    expect(leads.map((l) => l.id)).toEqual(['1001-leads', '1003-leads'])
    expect(paths()).toEqual(['GET /rest/leads/1001-leads,1003-leads'])
  })

  it('reaches the owner and contacts the response carried beside the lead, without another request', async () => {
    const { data: lead, related: rel } = await makeClient().leads.get('1001-leads').withRelated()
    const links = rel.of<{ owner: User; contacts: { id: string; name: string }[]; outcome: null }>(lead)
    const { owner, contacts } = stored('1001-leads').links as { owner: string; contacts: string[] }
    expect(links.owner).toMatchObject({ id: owner, name: stored(owner).name })
    expect(contacts.length).toBeGreaterThan(0)
    expect(links.contacts?.map((c) => c.name)).toEqual(contacts.map((id) => stored(id).name))
    expect(links.outcome).toBeNull()
    expect(env.seen).toHaveLength(1)
  })

  it('a list page gives its related records too', async () => {
    const page = await makeClient().leads.list({ limit: 2 })
    const owner = (stored(page.items[0]!.id).links as { owner: string }).owner
    expect(related(page).of(page.items[0]!).owner).toMatchObject({ id: owner, name: stored(owner).name })
    expect(env.seen).toHaveLength(1)
  })

  it('an unknown id is a NotFoundError with the request id, not the HTML page', async () => {
    const error = await makeClient()
      .leads.get('999-leads')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(env.seen[0]!.status).toBe(404)
    expect((error as NotFoundError).requestId).toBe(env.seen[0]!.requestId)
    expect((error as NotFoundError).requestId).toMatch(/^[0-9a-f]{32}$/)
    expect((error as Error).message).not.toMatch(/<html|doctype|could not be found/i)
  })

  it('rejects an id with a comma or an empty id list before any request', async () => {
    const ns = makeClient()
    await expect(ns.leads.get('1-leads,2-leads')).rejects.toBeInstanceOf(InputValidationError)
    await expect(ns.leads.get([])).rejects.toBeInstanceOf(InputValidationError)
    expect(env.seen).toHaveLength(0)
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
    expect(stored(lead.id)).toMatchObject({ description: 'Car Wash Inc.' })
    expect(env.seen[0]!.body).toEqual({
      leads: [{ description: 'Car Wash Inc.', links: { owner: '1-users', contacts: ['3-contacts'] } }],
    })
  })

  it('rejects a wrongly typed field before any request, naming it', async () => {
    const error = await makeClient()
      .leads.create({ description: 'x', links: { contacts: '3-contacts' as never } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('links.contacts')
    expect(env.seen).toHaveLength(0)
  })
})

describe('leads.update', () => {
  it('sends JSON Patch as application/json-patch+json and resolves to undefined on 204', async () => {
    const result = await makeClient().leads.update('1001-leads', [
      { op: 'replace', path: '/leads/0/description', value: 'Bigger deal' },
    ])
    expect(result).toBeUndefined()
    const req = env.seen[0]!
    expect(req.method).toBe('PATCH')
    expect(req.status).toBe(204)
    expect(req.headers.get('content-type')).toBe('application/json-patch+json')
    expect(stored('1001-leads').description).toBe('Bigger deal')
  })

  it('builds the ops from a plain change object, link edits included', async () => {
    await makeClient().leads.update('1001-leads', {
      description: 'Renamed',
      links: { contacts: { add: ['4-contacts'], remove: ['1-contacts'] } },
    })
    expect(env.seen[0]!.body).toEqual([
      { op: 'replace', path: '/leads/0/description', value: 'Renamed' },
      { op: 'remove', path: '/leads/0/links/contacts/1-contacts' },
      { op: 'add', path: '/leads/0/links/contacts/-', value: '4-contacts' },
    ])
    expect(stored('1001-leads').description).toBe('Renamed')
    const links = stored('1001-leads').links as Record<string, unknown>
    expect(links.contacts).toEqual(['4-contacts'])
  })

  it('returns the fresh lead only when asked, by a follow-up GET', async () => {
    const lead = await makeClient().leads.update('1002-leads', { confidence: 90 }, { returnRecord: true })
    expect(lead.confidence).toBe(90)
    expect(stored('1002-leads').confidence).toBe(90)
    expect(paths()).toEqual(['PATCH /rest/leads/1002-leads', 'GET /rest/leads/1002-leads'])
  })

  it('rejects an empty change before any request', async () => {
    await expect(makeClient().leads.update('1001-leads', {})).rejects.toBeInstanceOf(InputValidationError)
    expect(env.seen).toHaveLength(0)
  })

  it('updates one record: a list of ids, a comma or a bad id is refused by name before any request', async () => {
    const ns = makeClient()
    for (const id of [['1001-leads', '1002-leads'], '1001-leads,1002-leads', '', 0, 'a b']) {
      const error = await ns.leads.update(id as string, { confidence: 1 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('id')
    }
    expect(env.seen).toHaveLength(0)
  })
})

describe('leads.close', () => {
  it('closes as won with POST /leads/{id}/status and the outcome id looked up from /outcomes', async () => {
    const lead = await makeClient().leads.close('1001-leads', 'won')
    expect(lead.status).toBe('won')
    expect(paths()).toEqual(['GET /rest/outcomes', 'POST /rest/leads/1001-leads/status'])
    expect(stored('1-outcomes')).toMatchObject({ name: 'Won', status: 'won' })
    expect(env.seen[1]!.body).toEqual({ outcomeId: '1-outcomes' })
    expect(stored('1001-leads').status).toBe('won')
  })

  it('looks the outcomes up once per client and reuses them', async () => {
    // Two lost outcomes, the one named "Lost" listed last: 1-Won, 2-Too expensive, 3-Canceled, 4-Lost.
    Object.assign(stored('2-outcomes'), { name: 'Too expensive', status: 'lost' })
    const lost = env.sim.db.insert('outcomes', { name: 'Lost', status: 'lost' })
    expect(lost.id).toBe('4-outcomes')
    expect(stored('3-outcomes')).toMatchObject({ status: 'canceled' })
    const ns = makeClient()
    await ns.leads.close('1001-leads', 'lost')
    await ns.leads.close('1002-leads', 'canceled')
    await ns.leads.close('1004-leads', 'cancelled')
    expect(paths().filter((p) => p === 'GET /rest/outcomes')).toHaveLength(1)
    // "Lost" is preferred over another lost outcome ("Too expensive") by its name.
    expect(env.seen.slice(1).map((r) => r.body)).toEqual([
      { outcomeId: '4-outcomes' },
      { outcomeId: '3-outcomes' },
      { outcomeId: '3-outcomes' },
    ])
  })

  it('takes an explicit outcome id without a lookup', async () => {
    await makeClient().leads.close('1001-leads', { outcomeId: '2-outcomes' })
    expect(paths()).toEqual(['POST /rest/leads/1001-leads/status'])
    expect(env.seen[0]!.body).toEqual({ outcomeId: '2-outcomes' })
    expect(stored('1001-leads').status).toBe('lost')
  })

  it('rejects an unknown outcome name before any request', async () => {
    await expect(makeClient().leads.close('1001-leads', 'maybe' as never)).rejects.toBeInstanceOf(
      InputValidationError,
    )
    expect(env.seen).toHaveLength(0)
  })
})

describe('other lead endpoints', () => {
  it('reopen POSTs /leads/{id}/reopen', async () => {
    const ns = makeClient()
    const closed = await ns.leads.close('1001-leads', { outcomeId: '1-outcomes' })
    expect(closed.status).toBe('won')
    const lead = await ns.leads.reopen('1001-leads')
    expect(lead.status).toBe('open')
    expect(paths().at(-1)).toBe('POST /rest/leads/1001-leads/reopen')
    expect(stored('1001-leads').status).toBe('open')
  })

  it('setPipeline POSTs {stageset} to /leads/{id}/stageset', async () => {
    const lead = await makeClient().leads.setPipeline('1001-leads', '2-stagesets')
    expect(env.seen[0]!.url.pathname).toBe('/rest/leads/1001-leads/stageset')
    expect(env.seen[0]!.body).toEqual({ stageset: '2-stagesets' })
    expect(stored('1001-leads').links!.stageset).toBe('2-stagesets')
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
    // The simulator links maps to their lead (map.links.lead); the live lead also lists them in links.productMaps.
    const maps = env.sim.db.tables.productMaps.filter((m) => m.links?.lead === '1007-leads')
    expect(maps.map((m) => m.id)).toEqual(['6-productMaps', '7-productMaps'])
    stored('1007-leads').links!.productMaps = maps.map((m) => m.id)
    const got = await makeClient().leads.products('1007-leads')
    expect(got.map((m) => [m.id, m.quantity])).toEqual(maps.map((m) => [m.id, m.quantity]))
    expect(got.every((m) => typeof m.quantity === 'number')).toBe(true)
    expect(paths()).toEqual([
      'GET /rest/leads/1007-leads',
      'GET /rest/productmaps/6-productMaps,7-productMaps',
    ])
  })

  it('products(id) of a lead without products is empty, with no second request', async () => {
    expect(env.sim.db.tables.productMaps.some((m) => m.links?.lead === '1001-leads')).toBe(false)
    expect(await makeClient().leads.products('1001-leads')).toEqual([])
    expect(env.seen).toHaveLength(1)
  })
})
