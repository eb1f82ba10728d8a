import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { rest } from './helpers'

const PATCH = 'application/json-patch+json'

describe('Nutshell REST creates', () => {
  test('a created lead is stored: POST {"leads":[...]} then GET returns it with its links', async () => {
    const sim = createNutshellSimulator()
    const created = await rest(sim, 'POST', '/leads', {
      body: {
        leads: [
          { description: 'Car Wash Inc.', links: { contacts: ['3-contacts'], accounts: ['2-accounts'] } },
        ],
      },
    })
    expect(created.status).toBe(201)
    const lead = created.body
    expect(lead).toMatchObject({ id: '1061-leads', name: 'Car Wash Inc.', status: 'open' })
    expect(lead.links).toMatchObject({
      contacts: ['3-contacts'],
      accounts: ['2-accounts'],
      owner: '1-users',
      stage: '101-stages',
    })
    const fetched = await rest(sim, 'GET', `/leads/${lead.id}`)
    expect(fetched.body.leads[0]).toEqual(lead)
    expect((await rest(sim, 'GET', '/leads')).body.meta.total).toBe(61)
  })

  test('only one record per create request', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'POST', '/leads', {
      body: { leads: [{ description: 'a' }, { description: 'b' }] },
    })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].detail).toBe('You may only create one leads resource per request.')
  })

  test('linking a record that does not exist is a 400', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'POST', '/leads', {
      body: { leads: [{ description: 'x', links: { contacts: ['9999-contacts'] } }] },
    })
    expect(reply.status).toBe(400)
  })

  test('contacts and accounts are created from their wrapped bodies', async () => {
    const sim = createNutshellSimulator()
    const contact = await rest(sim, 'POST', '/contacts', {
      body: {
        contacts: [
          {
            name: 'Nutty Fowler',
            emails: [{ value: 'nutty@example.com' }],
            links: { accounts: ['1-accounts'] },
          },
        ],
      },
    })
    expect(contact.status).toBe(200)
    expect(contact.body.contacts[0]).toMatchObject({
      firstName: 'Nutty',
      lastName: 'Fowler',
      emails: [{ value: 'nutty@example.com', isPrimary: true }],
    })
    const account = await rest(sim, 'POST', '/accounts', { body: { accounts: [{ name: 'Squirrel Co.' }] } })
    expect(account.status).toBe(201)
    expect(account.body.name).toBe('Squirrel Co.')
    const empty = await rest(sim, 'POST', '/accounts', { body: { accounts: [{ description: 'no name' }] } })
    expect(empty.status).toBe(400)
  })

  test('notes take {"data":{"body","links":{"parent"}}} and tasks a flat body', async () => {
    const sim = createNutshellSimulator()
    const note = await rest(sim, 'POST', '/notes', {
      body: { data: { body: 'Call back Tuesday', links: { parent: '3-contacts' } } },
    })
    expect(note.status).toBe(201)
    expect(note.body).toMatchObject({
      body: 'Call back Tuesday',
      parentType: 'contacts',
      links: { parent: '3-contacts' },
    })
    const task = await rest(sim, 'POST', '/tasks', {
      body: {
        title: 'Send quote',
        dueTime: '1767225600',
        links: { relatedEntity: '1001-leads', assignee: '2-users' },
      },
    })
    expect(task.status).toBe(200)
    expect(task.body.tasks[0]).toMatchObject({
      title: 'Send quote',
      dueTime: 1767225600,
      links: { assignee: '2-users' },
    })
  })

  test('activities are created wrapped and updated with PUT', async () => {
    const sim = createNutshellSimulator()
    const created = await rest(sim, 'POST', '/activities', {
      body: {
        activities: [
          {
            name: 'Call with Andy',
            startTime: 1767225600,
            endTime: 1767227400,
            links: { participants: ['3-contacts'] },
          },
        ],
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.activities[0].id
    const updated = await rest(sim, 'PUT', `/activities/${id}`, {
      body: { activities: [{ name: 'Call with Andy (moved)', isLogged: true }] },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.activities[0]).toMatchObject({ name: 'Call with Andy (moved)', isLogged: true })
    expect((await rest(sim, 'GET', `/activities/${id}`)).body.activities[0].name).toBe(
      'Call with Andy (moved)',
    )
  })
})

describe('Nutshell REST JSON Patch updates', () => {
  test('replace on /leads/0/field answers 204 and the change persists; the name follows the description', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'PATCH', '/leads/1001-leads', {
      contentType: PATCH,
      body: [{ op: 'replace', path: '/leads/0/description', value: 'Renamed deal' }],
    })
    expect(reply.status).toBe(204)
    expect(reply.text).toBe('')
    const lead = (await rest(sim, 'GET', '/leads/1001-leads')).body.leads[0]
    expect(lead).toMatchObject({ description: 'Renamed deal', name: 'Renamed deal' })
  })

  test('links: add ends in /-, remove ends in the removed id', async () => {
    const sim = createNutshellSimulator()
    const before = (await rest(sim, 'GET', '/leads/1001-leads')).body.leads[0].links.contacts as string[]
    const added = await rest(sim, 'PATCH', '/leads/1001-leads', {
      contentType: PATCH,
      body: [{ op: 'add', path: '/leads/0/links/contacts/-', value: '30-contacts' }],
    })
    expect(added.status).toBe(204)
    expect((await rest(sim, 'GET', '/leads/1001-leads')).body.leads[0].links.contacts).toEqual([
      ...before,
      '30-contacts',
    ])
    const removed = await rest(sim, 'PATCH', '/leads/1001-leads', {
      contentType: PATCH,
      body: [{ op: 'remove', path: `/leads/0/links/contacts/${before[0]}` }],
    })
    expect(removed.status).toBe(204)
    expect((await rest(sim, 'GET', '/leads/1001-leads')).body.leads[0].links.contacts).toEqual([
      ...before.slice(1),
      '30-contacts',
    ])
  })

  test('multi-value fields are replaced whole', async () => {
    const sim = createNutshellSimulator()
    await rest(sim, 'PATCH', '/contacts/3-contacts', {
      contentType: PATCH,
      body: [
        { op: 'replace', path: '/contacts/0/emails', value: [{ value: 'new@example.com', name: 'work' }] },
      ],
    })
    const contact = (await rest(sim, 'GET', '/contacts/3-contacts')).body.contacts[0]
    expect(contact.emails).toEqual([{ isPrimary: true, name: 'work', value: 'new@example.com' }])
  })

  test('a wrong content type is a 400 whose body is a JSON string', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'PATCH', '/contacts/3-contacts', {
      contentType: 'application/json',
      body: [{ op: 'replace', path: '/contacts/0/firstName', value: 'Nutty' }],
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toBe('application/json-patch+json is required, see http://jsonapi.org')
  })

  test('paths outside /<type>/0/, unknown link ids and an empty patch are 400s', async () => {
    const sim = createNutshellSimulator()
    const patch = (body: unknown) => rest(sim, 'PATCH', '/leads/1001-leads', { contentType: PATCH, body })
    expect((await patch([{ op: 'replace', path: '/description', value: 'x' }])).status).toBe(400)
    expect((await patch([{ op: 'remove', path: '/leads/0/links/contacts/9999-contacts' }])).status).toBe(400)
    expect(
      (await patch([{ op: 'add', path: '/leads/0/links/contacts/-', value: '9999-contacts' }])).status,
    ).toBe(400)
    expect((await patch([])).status).toBe(400)
  })

  test('tasks accept application/json on PATCH', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'PATCH', '/tasks/1-tasks', {
      body: [{ op: 'replace', path: '/tasks/0/title', value: 'Call the CFO' }],
    })
    expect(reply.status).toBe(204)
    expect((await rest(sim, 'GET', '/tasks/1-tasks')).body.tasks[0].title).toBe('Call the CFO')
  })
})

describe('Nutshell REST deletes and lead lifecycle', () => {
  test('contacts delete with 204; leads, accounts and tags with 200 and the record; undelete restores', async () => {
    const sim = createNutshellSimulator()
    const contact = await rest(sim, 'DELETE', '/contacts/3-contacts')
    expect(contact.status).toBe(204)
    expect((await rest(sim, 'GET', '/contacts/3-contacts')).status).toBe(404)
    for (const [path, key] of [
      ['/leads/1001-leads', 'leads'],
      ['/accounts/1-accounts', 'accounts'],
      ['/tags/1-tags', 'tags'],
    ]) {
      const reply = await rest(sim, 'DELETE', path!)
      expect(reply.status).toBe(200)
      expect(reply.body[key!][0].deletedTime).not.toBeNull()
    }
    expect((await rest(sim, 'GET', '/leads')).body.meta.total).toBe(59)
    const restored = await rest(sim, 'POST', '/contacts/3-contacts/undelete')
    expect(restored.status).toBe(200)
    expect(restored.body.contacts[0].deletedTime).toBeNull()
    expect((await rest(sim, 'GET', '/contacts/3-contacts')).status).toBe(200)
  })

  test('POST /leads/{id}/status with an outcome closes the lead; reopen opens it again', async () => {
    const sim = createNutshellSimulator()
    const open = sim.db.list('leads').find((lead) => lead.status === 'open')!
    const outcomes = (await rest(sim, 'GET', '/outcomes')).body.outcomes
    const lost = outcomes.find((outcome: { status: string }) => outcome.status === 'lost')
    const closed = await rest(sim, 'POST', `/leads/${open.id}/status`, { body: { outcomeId: lost.id } })
    expect(closed.status).toBe(200)
    expect(closed.body.leads[0]).toMatchObject({ status: 'lost', links: { outcome: lost.id } })
    expect(closed.body.leads[0].closedTime).not.toBeNull()
    const reopened = await rest(sim, 'POST', `/leads/${open.id}/reopen`)
    expect(reopened.body.leads[0]).toMatchObject({
      status: 'open',
      closedTime: null,
      links: { outcome: null },
    })
    const bad = await rest(sim, 'POST', `/leads/${open.id}/status`, { body: { outcomeId: '99-outcomes' } })
    expect(bad.status).toBe(400)
  })

  test('POST /leads/{id}/stageset moves the lead to the pipeline and its first stage', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'POST', '/leads/1001-leads/stageset', { body: { stageset: '2-stagesets' } })
    expect(reply.status).toBe(200)
    expect(reply.body.leads[0].links).toMatchObject({ stageset: '2-stagesets', stage: '201-stages' })
  })

  test('unknown paths under /rest are the HTML 404 page', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'GET', '/nothing-here')
    expect(reply.status).toBe(404)
    expect(reply.text).toContain('<html')
  })
})
