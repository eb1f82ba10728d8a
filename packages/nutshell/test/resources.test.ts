import { describe, expect, it } from 'vitest'
import { InputValidationError, NotFoundError } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env
const last = () => env.seen[env.seen.length - 1]!
/** A stored record of the simulator, by id. */
const stored = (id: string) => env.sim.db.get(id)!
/** The names of the simulator's live records of a type, in id order. */
const names = (type: Parameters<typeof env.sim.db.list>[0]) => env.sim.db.list(type).map((r) => r.name)

describe('contacts', () => {
  it('list, get, create, update, delete (204) and undelete', async () => {
    const ns = makeClient()
    expect((await ns.contacts.list()).items.map((c) => c.name)).toEqual(names('contacts'))
    const gus = stored('3-contacts') as unknown as { firstName: string; emails: { value: string }[] }
    expect(gus.emails.length).toBeGreaterThan(0)
    expect(await ns.contacts.get('3-contacts')).toMatchObject({
      firstName: gus.firstName,
      emails: [{ value: gus.emails[0]!.value }],
    })
    const created = await ns.contacts.create({
      name: 'Ivy New',
      emails: [{ value: 'ivy@acme.test', isPrimary: true }],
    })
    expect(last().body).toEqual({
      contacts: [{ name: 'Ivy New', emails: [{ value: 'ivy@acme.test', isPrimary: true }] }],
    })
    await ns.contacts.update(created.id, [{ op: 'replace', path: '/firstName', value: 'Nutty' }])
    expect(last().body).toEqual([{ op: 'replace', path: '/contacts/0/firstName', value: 'Nutty' }])
    expect(stored(created.id).firstName).toBe('Nutty')
    expect(await ns.contacts.delete(created.id)).toBeUndefined()
    expect(last().status).toBe(204)
    await expect(ns.contacts.get(created.id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await ns.contacts.undelete(created.id)).id).toBe(created.id)
  })
})

describe('accounts', () => {
  it('create reads the bare record the service answers with; delete answers with the account', async () => {
    const ns = makeClient()
    const account = await ns.accounts.create({ name: 'Initech', urls: [{ value: 'https://initech.test' }] })
    expect(env.seen.map((r) => `${r.method} ${r.url.pathname} ${r.status}`)).toEqual([
      'POST /rest/accounts 201',
    ])
    expect(account).toMatchObject({ name: 'Initech', type: 'accounts' })
    expect(stored(account.id)).toMatchObject({ name: 'Initech' })
    const removed = await ns.accounts.delete(account.id)
    expect(removed?.id).toBe(account.id)
    expect(removed?.deletedTime).toBeTruthy()
    expect(removed?.deletedTime).toEqual(stored(account.id).deletedTime)
    expect((await ns.accounts.undelete(account.id)).name).toBe('Initech')
  })

  it('get of several ids returns them all from one call', async () => {
    const accounts = await makeClient().accounts.get(['1-accounts', '2-accounts'])
    expect(accounts.map((a) => a.name)).toEqual([stored('1-accounts').name, stored('2-accounts').name])
    expect(env.seen).toHaveLength(1)
  })

  it('update with a change object replaces a multi-value field whole, and returnRecord re-reads it', async () => {
    // Two numbers before; the update leaves only the one it sends.
    const before = stored('1-accounts')
    before.phones = [
      { isPrimary: true, name: 'Work', value: { numberFormatted: '734-555-0100' } },
      { isPrimary: false, name: 'Fax', value: { numberFormatted: '734-555-0101' } },
    ]
    const account = await makeClient().accounts.update(
      '1-accounts',
      { phones: [{ value: '734-555-0199', name: 'Main' }] },
      { returnRecord: true },
    )
    expect(env.seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'PATCH /rest/accounts/1-accounts',
      'GET /rest/accounts/1-accounts',
    ])
    expect(env.seen[0]!.body).toEqual([
      { op: 'replace', path: '/accounts/0/phones', value: [{ value: '734-555-0199', name: 'Main' }] },
    ])
    // The service stores the number in its own shape (value.numberFormatted and friends).
    expect(account.phones).toEqual([
      expect.objectContaining({
        name: 'Main',
        value: expect.objectContaining({ numberFormatted: '734-555-0199' }),
      }),
    ])
    expect(account.phones).toEqual(stored('1-accounts').phones)
  })
})

describe('activities', () => {
  it('create wraps under "activities"; update is a PUT of field values', async () => {
    const ns = makeClient()
    const activity = await ns.activities.create({ name: 'Demo', startTime: 1716900000, endTime: 1716903600 })
    expect(last().body).toEqual({
      activities: [{ name: 'Demo', startTime: 1716900000, endTime: 1716903600 }],
    })
    const updated = await ns.activities.update(activity.id, { isLogged: true })
    expect(last().method).toBe('PUT')
    expect(updated.isLogged).toBe(true)
    expect(stored(activity.id).isLogged).toBe(true)
    expect((await ns.activities.get(activity.id)).name).toBe('Demo')
    const total = env.sim.db.list('activities').length
    expect(total).toBeGreaterThan(1)
    expect((await ns.activities.list()).total).toBe(total)
  })
})

describe('tasks', () => {
  it('create sends a flat body; update patches /tasks/0/... as application/json', async () => {
    const ns = makeClient()
    const task = await ns.tasks.create({
      title: 'Call back',
      links: { assignee: '1-users', relatedEntity: '1001-leads' },
    })
    expect(last().body).toEqual({
      title: 'Call back',
      links: { assignee: '1-users', relatedEntity: '1001-leads' },
    })
    await ns.tasks.update(task.id, { links: { assignee: '2-users' } })
    expect(last().headers.get('content-type')).toBe('application/json')
    expect(last().body).toEqual([{ op: 'replace', path: '/tasks/0/links/assignee', value: '2-users' }])
    expect(last().status).toBe(204)
    expect(stored(task.id).links!.assignee).toBe('2-users')
    const total = env.sim.db.list('tasks').length
    expect(total).toBeGreaterThan(1)
    expect((await ns.tasks.list()).total).toBe(total)
  })

  it('rejects a task without a title before any request', async () => {
    await expect(makeClient().tasks.create({} as never)).rejects.toBeInstanceOf(InputValidationError)
    expect(env.seen).toHaveLength(0)
  })
})

describe('notes', () => {
  it('create sends {"data":{body, links:{parent}}}', async () => {
    const note = await makeClient().notes.create({ body: 'Loves the demo', links: { parent: '3-contacts' } })
    expect(env.seen[0]!.body).toEqual({
      data: { body: 'Loves the demo', links: { parent: '3-contacts' } },
    })
    expect(note.body).toBe('Loves the demo')
    expect(stored(note.id)).toMatchObject({ body: 'Loves the demo' })
  })

  it('list pages through notes', async () => {
    const ns = makeClient()
    const ids = env.sim.db.list('notes').map((n) => n.id)
    const first = await ns.notes.list({ limit: 5 })
    expect(first.items.map((n) => n.id)).toEqual(ids.slice(0, 5))
    expect(first.total).toBe(ids.length)
    expect((await first.getNextPage()).items.map((n) => n.id)).toEqual(ids.slice(5, 10))
  })
})

describe('catalog and team', () => {
  it('products.list sorts by name or sku and products.get reads one', async () => {
    const ns = makeClient()
    await ns.products.list({ sort: '-name', q: 'g' })
    expect(env.seen[0]!.url.searchParams.get('sort')).toBe('-name')
    expect(env.seen[0]!.status).toBe(200)
    const sku = stored('2-products').sku
    expect(sku).toBeTruthy()
    expect((await ns.products.get('2-products')).sku).toBe(sku)
    await expect(ns.products.list({ sort: 'price' as never })).rejects.toBeInstanceOf(InputValidationError)
  })

  it('users.list and users.get', async () => {
    const ns = makeClient()
    expect((await ns.users.list()).items.map((u) => u.name)).toEqual(names('users'))
    expect((await ns.users.get('2-users')).name).toBe(stored('2-users').name)
  })

  it('tags.list filters by tagType; tags.create wraps under "tags"', async () => {
    const ns = makeClient()
    const leadTags = await ns.tags.list({ filter: { tagType: { eq: 'leads' } } })
    expect(env.seen[0]!.url.searchParams.get('filter[tagType]')).toBe('leads')
    expect(leadTags.items.map((t) => t.name)).toEqual(
      env.sim.db
        .list('tags')
        .filter((t) => t.tagType === 'leads')
        .map((t) => t.name),
    )
    const tag = await ns.tags.create({ name: 'Hot', tagType: 'leads' })
    expect(last().body).toEqual({ tags: [{ name: 'Hot', tagType: '1' }] })
    expect(tag.name).toBe('Hot')
    expect(stored(tag.id)).toMatchObject({ name: 'Hot' })
  })

  it('sources.list and sources.create', async () => {
    const ns = makeClient()
    expect((await ns.sources.list()).items.map((s) => s.name)).toEqual(names('sources'))
    const source = await ns.sources.create({ name: 'Webinar', channel: 3 })
    expect(source.name).toBe('Webinar')
    expect(last().body).toEqual({ sources: [{ name: 'Webinar', channel: 3 }] })
    expect(stored(source.id)).toMatchObject({ name: 'Webinar' })
  })

  it('outcomes.list reads /outcomes', async () => {
    const outcomes = await makeClient().outcomes.list()
    expect(outcomes.items.map((o) => o.status)).toEqual(['won', 'lost', 'canceled'])
    expect(outcomes.items.map((o) => o.id)).toEqual(env.sim.db.list('outcomes').map((o) => o.id))
    expect(env.seen.map((r) => r.url.pathname)).toEqual(['/rest/outcomes'])
  })
})
