import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { rest } from './helpers'

describe('Nutshell REST reads', () => {
  test('lists page 0-based with page[limit], and meta reports the page count and the total', async () => {
    const sim = createNutshellSimulator({ seed: 7 })
    const first = await rest(sim, 'GET', '/leads?page[limit]=25')
    const third = await rest(sim, 'GET', '/leads?page[page]=2&page[limit]=25')
    expect(first.status).toBe(200)
    expect(first.body.meta).toMatchObject({ count: 25, total: 60, totalFormatted: '60' })
    expect(first.body.leads[0].id).toBe('1001-leads')
    expect(third.body.meta).toMatchObject({ count: 10, total: 60 })
    expect(third.body.leads[0].id).toBe('1051-leads')
  })

  test('the default page size is 20 and a page past the end is an empty array with the total', async () => {
    const sim = createNutshellSimulator()
    expect((await rest(sim, 'GET', '/leads')).body.leads).toHaveLength(20)
    const past = await rest(sim, 'GET', '/accounts?page[page]=9')
    expect(past.body).toMatchObject({ links: {}, accounts: [], meta: { count: 0, total: 20 } })
  })

  test('a negative page is a 400 with the errors array Nutshell sends', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'GET', '/accounts?page[page]=-1')
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({
      accounts: [],
      errors: [{ type: 'errors', status: '400', detail: 'Invalid page number: -1', title: 'Invalid filter' }],
    })
  })

  test('records carry id, type, href, htmlUrl and links; lead status is a string', async () => {
    const sim = createNutshellSimulator()
    const lead = (await rest(sim, 'GET', '/leads/1003-leads')).body.leads[0]
    expect(lead).toMatchObject({
      id: '1003-leads',
      type: 'leads',
      href: 'https://app.nutshell.com/rest/leads/1003-leads',
      htmlUrl: 'https://app.nutshell.com/lead/1003',
      htmlUrlPath: '/lead/1003',
    })
    expect(typeof lead.status).toBe('string')
    expect(lead.links.owner).toMatch(/^\d+-users$/)
    expect(lead.createdTime).toEqual(expect.objectContaining({ timestamp: expect.any(Number) }))
    expect(lead.number).not.toBe(1003)
  })

  test('a lead list carries the users, contacts and accounts it references beside the leads', async () => {
    const sim = createNutshellSimulator()
    const body = (await rest(sim, 'GET', '/leads?page[limit]=5')).body
    const owners = new Set(body.leads.map((lead: { links: { owner: string } }) => lead.links.owner))
    expect(new Set(body.users.map((user: { id: string }) => user.id))).toEqual(owners)
    expect(body.contacts.length).toBeGreaterThan(0)
    expect(body.links['leads.contacts']).toEqual({
      href: 'https://app.nutshell.com/rest/contacts/{leads.contacts}',
      type: 'contacts',
    })
  })

  test('comma-joined ids return every record found, in an array; none found is the HTML 404 page', async () => {
    const sim = createNutshellSimulator()
    const many = await rest(sim, 'GET', '/accounts/1-accounts,3-accounts,999-accounts')
    expect(many.body.accounts.map((account: { id: string }) => account.id)).toEqual([
      '1-accounts',
      '3-accounts',
    ])
    const plain = await rest(sim, 'GET', '/accounts/2')
    expect(plain.body.accounts[0].id).toBe('2-accounts')
    const missing = await rest(sim, 'GET', '/leads/99999-leads')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('text/html')
    expect(missing.text).toContain('<html')
  })

  test('filters by status (one or several values), owner, and number ranges', async () => {
    const sim = createNutshellSimulator()
    const won = (await rest(sim, 'GET', '/leads?filter[status]=won&page[limit]=100')).body.leads
    expect(won.length).toBeGreaterThan(0)
    expect(won.every((lead: { status: string }) => lead.status === 'won')).toBe(true)
    const closed = (
      await rest(sim, 'GET', '/leads?filter[status][]=won&filter[status][]=lost&page[limit]=100')
    ).body
    expect(closed.leads.every((lead: { status: string }) => ['won', 'lost'].includes(lead.status))).toBe(true)
    expect(closed.meta.total).toBeGreaterThan(won.length)
    const mine = (await rest(sim, 'GET', '/leads?filter[owner]=2-users&page[limit]=100')).body.leads
    expect(mine.every((lead: { links: { owner: string } }) => lead.links.owner === '2-users')).toBe(true)
    const big = (await rest(sim, 'GET', '/leads?filter[value]=>10000&page[limit]=100')).body.leads
    expect(big.every((lead: { value: { amount: string } }) => Number(lead.value.amount) > 10000)).toBe(true)
    const numbered = (await rest(sim, 'GET', '/leads?filter[number]=>1050&page[limit]=100')).body.leads
    expect(numbered.map((lead: { number: number }) => lead.number)).toEqual(
      Array.from({ length: 9 }, (_, i) => 1051 + i),
    )
  })

  test('filters by a createdTime range, tags, and an address subfield', async () => {
    const sim = createNutshellSimulator()
    const range = '2024-03-01T00:00:00Z TO 2024-05-31T23:59:59Z'
    const spring = (
      await rest(sim, 'GET', `/leads?filter[createdTime]=${encodeURIComponent(range)}&page[limit]=100`)
    ).body
    expect(spring.meta.total).toBeGreaterThan(0)
    for (const lead of spring.leads) {
      expect(lead.createdTime.value >= '2024-03-01' && lead.createdTime.value < '2024-06-01').toBe(true)
    }
    const tagged = (await rest(sim, 'GET', '/leads?filter[tags][]=1-tags&page[limit]=100')).body.leads
    expect(tagged.every((lead: { links: { tags: string[] } }) => lead.links.tags.includes('1-tags'))).toBe(
      true,
    )
    const canadian = (await rest(sim, 'GET', '/accounts?filter[address][country]=CA&page[limit]=100')).body
      .accounts
    expect(canadian.length).toBeGreaterThan(0)
    expect(
      canadian.every(
        (account: { addresses: { country: string }[] }) => account.addresses[0]!.country === 'CA',
      ),
    ).toBe(true)
  })

  test('an unknown filter key is a 400 errors array', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'GET', '/leads?filter[favouriteColour]=blue')
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].detail).toContain('favouriteColour')
  })

  test('sorts by name and by -createdTime', async () => {
    const sim = createNutshellSimulator()
    const names = (await rest(sim, 'GET', '/contacts?sort=name&page[limit]=100')).body.contacts.map(
      (contact: { name: string }) => contact.name,
    )
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
    const newest = (await rest(sim, 'GET', '/leads?sort=-createdTime&page[limit]=3')).body.leads
    expect(newest.map((lead: { id: string }) => lead.id)).toEqual(['1060-leads', '1059-leads', '1058-leads'])
  })

  test('q searches names and email finds contacts by address', async () => {
    const sim = createNutshellSimulator()
    const contact = (await rest(sim, 'GET', '/contacts/5-contacts')).body.contacts[0]
    const byEmail = (await rest(sim, 'GET', `/contacts?email=${encodeURIComponent(contact.emails[0].value)}`))
      .body
    expect(byEmail.contacts.map((found: { id: string }) => found.id)).toEqual(['5-contacts'])
    const byName = (
      await rest(sim, 'GET', `/contacts?q=${encodeURIComponent(contact.lastName.toLowerCase())}`)
    ).body
    expect(byName.contacts.some((found: { id: string }) => found.id === '5-contacts')).toBe(true)
  })

  test('reference lists exist: pipelines (stagesets), stages, outcomes, users, tags, sources, products', async () => {
    const sim = createNutshellSimulator()
    expect((await rest(sim, 'GET', '/stagesets')).body[0]).toMatchObject({
      id: '1-stagesets',
      default: true,
    })
    expect((await rest(sim, 'GET', '/pipelines')).body.stagesets).toHaveLength(2)
    expect((await rest(sim, 'GET', '/stages')).body[0]).toMatchObject({
      id: '101-stages',
      links: { stageset: '1-stagesets' },
    })
    const outcomes = (await rest(sim, 'GET', '/outcomes')).body.outcomes
    expect(outcomes.map((outcome: { status: string }) => outcome.status)).toEqual(['won', 'lost', 'canceled'])
    expect((await rest(sim, 'GET', '/users')).body.users[0].emails).toEqual([sim.credentials.email])
    for (const path of ['/tags', '/sources', '/products', '/activities', '/tasks', '/notes']) {
      expect((await rest(sim, 'GET', path)).body.meta.total).toBeGreaterThan(0)
    }
  })

  test('list/fields names the valid filter keys', async () => {
    const sim = createNutshellSimulator()
    const fields = (await rest(sim, 'GET', '/leads/list/fields')).body.properties
    expect(fields.status).toMatchObject({ isFilterable: true, enum: expect.arrayContaining(['open', 'won']) })
    expect(fields.owner.relationships).toEqual(['users'])
  })

  test('a lead lists its products', async () => {
    const sim = createNutshellSimulator()
    const withProducts = sim.db.tables.productMaps[0]!.links!.lead as string
    const body = (await rest(sim, 'GET', `/leads/${withProducts}/products`)).body
    expect(body.productMaps.length).toBeGreaterThan(0)
    expect(body.products[0].type).toBe('products')
  })

  test('the events feed pages newest first with limit and since_id', async () => {
    const sim = createNutshellSimulator()
    const first = (await rest(sim, 'GET', '/events?limit=5')).body
    expect(first.events).toHaveLength(5)
    const ids = first.events.map((event: { id: string }) => Number.parseInt(event.id, 10))
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(first.events[0]).toMatchObject({ type: 'events', action: 'create', links: { actor: '1-users' } })
    await rest(sim, 'POST', '/contacts', { body: { contacts: [{ name: 'Feed Person' }] } })
    const newer = (await rest(sim, 'GET', `/events?since_id=${first.events[0].id}`)).body
    expect(newer.events).toHaveLength(1)
    expect(newer.events[0]).toMatchObject({ payloadType: 'contacts', action: 'create' })
    expect(newer.payloads[0].name).toBe('Feed Person')
  })
})

describe('Nutshell REST auth and headers', () => {
  test('a missing or wrong API key is a 401 HTML page, and every response has x-nutshell-request-id', async () => {
    const sim = createNutshellSimulator()
    const none = await rest(sim, 'GET', '/leads', { auth: null })
    expect(none.status).toBe(401)
    expect(none.headers.get('content-type')).toContain('text/html')
    const wrong = await rest(sim, 'GET', '/leads', { auth: `Basic ${btoa(`${sim.credentials.email}:nope`)}` })
    expect(wrong.status).toBe(401)
    expect(none.headers.get('x-nutshell-request-id')).toMatch(/^[0-9a-f]{32}$/)
    const ok = await rest(sim, 'GET', '/leads')
    expect(ok.headers.get('x-nutshell-request-id')).not.toBe(none.headers.get('x-nutshell-request-id'))
  })

  test('any configured user can authenticate; the first is the credentials', async () => {
    const users = [
      { email: 'ada@example.com', apiKey: 'key-ada' },
      { email: 'bob@example.com', apiKey: 'key-bob' },
    ]
    const sim = createNutshellSimulator({ users })
    expect(sim.credentials).toEqual(users[0])
    const asBob = await rest(sim, 'GET', '/users', { auth: `Basic ${btoa('bob@example.com:key-bob')}` })
    expect(asBob.status).toBe(200)
  })
})

describe('determinism', () => {
  test('the same seed gives the same data and a different seed different data', async () => {
    const a = createNutshellSimulator({ seed: 11 })
    const b = createNutshellSimulator({ seed: 11 })
    const c = createNutshellSimulator({ seed: 12 })
    const page = async (sim: typeof a) => (await rest(sim, 'GET', '/leads?page[limit]=60')).body
    expect(await page(a)).toEqual(await page(b))
    expect((await page(a)).leads).not.toEqual((await page(c)).leads)
  })

  test('size sets how many leads, contacts and accounts the seed has', () => {
    const sim = createNutshellSimulator({ size: { leads: 500, contacts: 30, accounts: 10 } })
    expect(sim.db.list('leads')).toHaveLength(500)
    expect(sim.db.list('contacts')).toHaveLength(30)
    expect(sim.db.list('accounts')).toHaveLength(10)
  })

  test('reset() puts the data back to the seed state', async () => {
    const sim = createNutshellSimulator()
    const before = (await rest(sim, 'GET', '/leads/1001-leads')).body
    await rest(sim, 'DELETE', '/leads/1001-leads')
    sim.reset()
    expect(sim.requests).toEqual([])
    expect((await rest(sim, 'GET', '/leads/1001-leads')).body).toEqual(before)
  })
})
