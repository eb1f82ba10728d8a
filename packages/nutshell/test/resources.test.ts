import { describe, expect, it } from 'vitest'
import { InputValidationError, NotFoundError } from '../src'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()
const last = () => env.fake.seen[env.fake.seen.length - 1]!

describe('contacts', () => {
  it('list, get, create, update, delete (204) and undelete', async () => {
    const ns = makeClient()
    expect((await ns.contacts.list()).items.map((c) => c.name)).toEqual(['Gus Grill', 'Hana Ito'])
    expect(await ns.contacts.get('3-contacts')).toMatchObject({
      firstName: 'Gus',
      emails: [{ value: 'gus@acme.test' }],
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
    expect(await ns.contacts.delete(created.id)).toBeUndefined()
    await expect(ns.contacts.get(created.id)).rejects.toBeInstanceOf(NotFoundError)
    expect((await ns.contacts.undelete(created.id)).id).toBe(created.id)
  })
})

describe('accounts', () => {
  it('create reads the bare record the service answers with; delete answers with the account', async () => {
    const ns = makeClient()
    const account = await ns.accounts.create({ name: 'Initech', urls: [{ value: 'https://initech.test' }] })
    expect(account).toMatchObject({ name: 'Initech', type: 'accounts' })
    const removed = await ns.accounts.delete(account.id)
    expect(removed?.deletedTime).toBe(1716899999)
    expect((await ns.accounts.undelete(account.id)).name).toBe('Initech')
  })

  it('get of several ids returns them all from one call', async () => {
    const accounts = await makeClient().accounts.get(['5-accounts', '6-accounts'])
    expect(accounts.map((a) => a.name)).toEqual(['Acme Corp', 'Globex'])
    expect(env.fake.seen).toHaveLength(1)
  })

  it('update with a change object replaces a multi-value field whole, and returnRecord re-reads it', async () => {
    const account = await makeClient().accounts.update(
      '5-accounts',
      { phones: [{ value: '734-555-0199', name: 'Main' }] },
      { returnRecord: true },
    )
    expect(env.fake.seen[0]!.body).toEqual([
      { op: 'replace', path: '/accounts/0/phones', value: [{ value: '734-555-0199', name: 'Main' }] },
    ])
    expect(account.phones).toEqual([{ value: '734-555-0199', name: 'Main' }])
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
    expect((await ns.activities.get(activity.id)).name).toBe('Demo')
    expect((await ns.activities.list()).total).toBe(2)
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
    expect((await ns.tasks.list()).items).toHaveLength(2)
  })

  it('rejects a task without a title before any request', async () => {
    await expect(makeClient().tasks.create({} as never)).rejects.toBeInstanceOf(InputValidationError)
    expect(env.fake.seen).toHaveLength(0)
  })
})

describe('notes', () => {
  it('create sends {"data":{body, links:{parent}}}', async () => {
    const note = await makeClient().notes.create({ body: 'Loves the demo', links: { parent: '3-contacts' } })
    expect(env.fake.seen[0]!.body).toEqual({
      data: { body: 'Loves the demo', links: { parent: '3-contacts' } },
    })
    expect(note.body).toBe('Loves the demo')
  })

  it('list pages through notes', async () => {
    expect((await makeClient().notes.list()).items.map((n) => n.id)).toEqual(['51-notes'])
  })
})

describe('catalog and team', () => {
  it('products.list sorts by name or sku and products.get reads one', async () => {
    const ns = makeClient()
    await ns.products.list({ sort: '-name', q: 'g' })
    expect(env.fake.seen[0]!.url.searchParams.get('sort')).toBe('-name')
    expect((await ns.products.get('22-products')).sku).toBe('G-1')
    await expect(ns.products.list({ sort: 'price' as never })).rejects.toBeInstanceOf(InputValidationError)
  })

  it('users.list and users.get', async () => {
    const ns = makeClient()
    expect((await ns.users.list()).items.map((u) => u.name)).toEqual(['Ada Owner', 'Bo Seller'])
    expect((await ns.users.get('2-users')).name).toBe('Bo Seller')
  })

  it('tags.list filters by tagType; tags.create wraps under "tags"', async () => {
    const ns = makeClient()
    await ns.tags.list({ filter: { tagType: { eq: 'leads' } } })
    expect(env.fake.seen[0]!.url.searchParams.get('filter[tagType]')).toBe('leads')
    const tag = await ns.tags.create({ name: 'Hot', tagType: 'leads' })
    expect(last().body).toEqual({ tags: [{ name: 'Hot', tagType: '1' }] })
    expect(tag.name).toBe('Hot')
  })

  it('sources.list and sources.create', async () => {
    const ns = makeClient()
    expect((await ns.sources.list()).items.map((s) => s.name)).toEqual(['Trade show'])
    expect((await ns.sources.create({ name: 'Referral', channel: 3 })).name).toBe('Referral')
  })

  it('outcomes.list reads /outcomes', async () => {
    const outcomes = await makeClient().outcomes.list()
    expect(outcomes.items.map((o) => o.status)).toEqual(['won', 'lost', 'lost', 'canceled'])
  })
})
