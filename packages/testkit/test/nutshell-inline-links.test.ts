import { NutshellClient } from '@x/nutshell'
import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src'
import { rest } from './helpers'

describe('Nutshell POST /leads with inline accounts and contacts', () => {
  test('the SDK creates a lead with a new account and contact, linked and stored', async () => {
    const sim = createNutshellSimulator({ seed: 1 })
    const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
    const accountsBefore = sim.db.list('accounts').length
    const contactsBefore = sim.db.list('contacts').length

    const lead = await ns.leads.create({
      description: 'Inline deal',
      links: { accounts: [{ name: 'Acme Inline' }], contacts: [{ name: 'Ada Lovelace' }] },
    })

    expect(lead.name).toBe('Inline deal')
    const [accountId] = (lead.links?.accounts ?? []) as string[]
    const [contactId] = (lead.links?.contacts ?? []) as string[]
    expect(accountId).toMatch(/^\d+-accounts$/)
    expect(contactId).toMatch(/^\d+-contacts$/)
    expect(sim.db.live(accountId!)).toMatchObject({ type: 'accounts', name: 'Acme Inline' })
    expect(sim.db.live(contactId!)).toMatchObject({
      type: 'contacts',
      name: 'Ada Lovelace',
      firstName: 'Ada',
      lastName: 'Lovelace',
    })
    expect(sim.db.list('accounts')).toHaveLength(accountsBefore + 1)
    expect(sim.db.list('contacts')).toHaveLength(contactsBefore + 1)
    expect(sim.db.live(lead.id)?.links).toMatchObject({ accounts: [accountId], contacts: [contactId] })
  })

  test('ids and inline objects mix; an object with an id links that record', async () => {
    const sim = createNutshellSimulator({ seed: 1 })
    const reply = await rest(sim, 'POST', '/leads', {
      body: {
        leads: [
          {
            description: 'x',
            links: { accounts: [{ name: 'Acme' }, '3-accounts'], contacts: [{ id: '2-contacts' }] },
          },
        ],
      },
    })
    expect(reply.status).toBe(201)
    const links = reply.body.links
    expect(links.accounts).toHaveLength(2)
    expect(links.accounts[1]).toBe('3-accounts')
    expect(sim.db.live(links.accounts[0])).toMatchObject({ name: 'Acme' })
    expect(links.contacts).toEqual(['2-contacts'])
  })

  test('an invalid inline object gets the direct create error and nothing is stored', async () => {
    const sim = createNutshellSimulator({ seed: 1 })
    const direct = await rest(sim, 'POST', '/accounts', { body: { accounts: [{ description: 'no name' }] } })
    const directContact = await rest(sim, 'POST', '/contacts', { body: { contacts: [{ jobTitle: 'CTO' }] } })
    expect([direct.status, directContact.status]).toEqual([400, 400])
    const counts = () => ['leads', 'accounts', 'contacts'].map((type) => sim.db.list(type as 'leads').length)
    const before = counts()

    const badAccount = await rest(sim, 'POST', '/leads', {
      body: {
        leads: [
          { description: 'x', links: { accounts: [{ description: 'no name' }], contacts: [{ name: 'Ok' }] } },
        ],
      },
    })
    expect(badAccount.status).toBe(direct.status)
    expect(badAccount.body).toEqual(direct.body)

    const badContact = await rest(sim, 'POST', '/leads', {
      body: {
        leads: [{ description: 'x', links: { accounts: [{ name: 'Ok' }], contacts: [{ jobTitle: 'CTO' }] } }],
      },
    })
    expect(badContact.status).toBe(directContact.status)
    expect(badContact.body).toEqual(directContact.body)

    const badTag = await rest(sim, 'POST', '/leads', {
      body: { leads: [{ description: 'x', links: { accounts: [{ name: 'Ok' }], tags: ['9999-tags'] } }] },
    })
    expect(badTag.status).toBe(400)
    expect(counts()).toEqual(before)
  })
})
