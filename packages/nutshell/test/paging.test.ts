import { describe, expect, it } from 'vitest'
import { InputValidationError } from '../src'
import { SIZE, useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env
const seen = () => env.seen

describe('leads.list paging', () => {
  it('sends page[page] (0-based) and page[limit], and maps meta.total to Page.total', async () => {
    const ns = makeClient()
    const page = await ns.leads.list({ limit: 3 })
    expect(page.items.map((l) => l.id)).toEqual(['1001-leads', '1002-leads', '1003-leads'])
    expect(page.total).toBe(SIZE.leads)
    expect(SIZE.leads).toBe(7)
    const url = seen()[0]!.url
    expect(url.pathname).toBe('/rest/leads')
    expect(url.searchParams.get('page[page]')).toBe('0')
    expect(url.searchParams.get('page[limit]')).toBe('3')
  })

  it('fetches the next page with the next 0-based index until total is reached', async () => {
    const ns = makeClient()
    const first = await ns.leads.list({ limit: 3 })
    expect(first.hasNextPage()).toBe(true)
    const second = await first.getNextPage()
    expect(second.items.map((l) => l.id)).toEqual(['1004-leads', '1005-leads', '1006-leads'])
    const third = await second.getNextPage()
    expect(third.items.map((l) => l.id)).toEqual(['1007-leads'])
    expect(third.hasNextPage()).toBe(false)
    expect(seen().map((r) => r.url.searchParams.get('page[page]'))).toEqual(['0', '1', '2'])
  })

  it('for await walks every record across pages, one request per page', async () => {
    const ns = makeClient()
    const ids: string[] = []
    for await (const lead of ns.leads.list({ limit: 2 })) ids.push(lead.id)
    expect(ids).toHaveLength(7)
    expect(new Set(ids).size).toBe(7)
    expect(seen()).toHaveLength(4)
  })

  it('starts from the page the caller asks for', async () => {
    const ns = makeClient()
    const page = await ns.leads.list({ page: 2, limit: 3 })
    expect(page.items.map((l) => l.id)).toEqual(['1007-leads'])
    expect(page.hasNextPage()).toBe(false)
  })

  it('toArray collects with a bound', async () => {
    const ns = makeClient()
    const leads = await ns.leads.list({ limit: 2 }).toArray({ max: 3 })
    expect(leads).toHaveLength(3)
  })

  it.each([
    ['a negative page', { page: -1 }, 'page'],
    ['a fractional page', { page: 1.5 }, 'page'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['a limit of a million', { limit: 1e6 }, 'limit'],
    ['an unknown sort field', { sort: 'favoriteColor' }, 'sort'],
    ['an unknown parameter', { pageSize: 10 }, 'pageSize'],
  ])('rejects %s with InputValidationError before any request', async (_name, params, field) => {
    const ns = makeClient()
    const error = await ns.leads.list(params as never).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe(field)
    expect(seen()).toHaveLength(0)
  })

  it('lists that the service returns whole (products, users, tags) come as one page', async () => {
    const ns = makeClient()
    const products = await ns.products.list()
    const stored = env.sim.db.list('products').map((p) => p.name)
    expect(stored.length).toBeGreaterThan(1)
    expect(products.items.map((p) => p.name)).toEqual(stored)
    expect(products.hasNextPage()).toBe(false)
    expect(seen()[0]!.url.searchParams.has('page[limit]')).toBe(false)
  })

  it('pipelines and stages read the bare arrays /stagesets and /stages answer with', async () => {
    const ns = makeClient()
    const pipelines = await ns.pipelines.list()
    expect(pipelines.items).toEqual([
      expect.objectContaining({ id: '1-stagesets', name: 'Sales' }),
      expect.objectContaining({ id: '2-stagesets', name: 'Partnerships' }),
    ])
    const stages = await ns.stages.list()
    expect(stages.items.map((s) => s.name)).toEqual(env.sim.db.list('stages').map((s) => s.name))
    expect(stages.items.map((s) => s.name).slice(0, 2)).toEqual(['Qualify', 'Discovery'])
    expect(seen().map((r) => r.url.pathname)).toEqual(['/rest/stagesets', '/rest/stages'])
    expect(seen().map((r) => r.status)).toEqual([200, 200])
  })

  it('sends sort, q and email where the service takes them', async () => {
    const ns = makeClient()
    await ns.leads.list({ sort: ['-closedTime', 'name'], q: 'wash' })
    await ns.contacts.list({ email: 'gus@acme.test', sort: '-name' })
    const [leads, contacts] = seen()
    expect(seen().map((r) => r.status)).toEqual([200, 200])
    expect(leads!.url.searchParams.get('sort')).toBe('-closedTime,name')
    expect(leads!.url.searchParams.get('q')).toBe('wash')
    expect(contacts!.url.searchParams.get('email')).toBe('gus@acme.test')
    expect(contacts!.url.searchParams.get('sort')).toBe('-name')
  })
})
