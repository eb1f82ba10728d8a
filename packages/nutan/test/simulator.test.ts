// End to end against @x/testkit's stateful Nutan simulator: the SDK's inferred shapes and the
// simulator's (both from INFERRED-API.md) must agree.

import { NotFoundError, ResponseValidationError } from '@x/core'
import { createNutanSimulator } from '@x/testkit'
import { describe, expect, test } from 'vitest'
import { NutanClient, type NutanTokens } from '../src'

async function signedIn(validation: 'strict' | 'loose' = 'strict') {
  const sim = createNutanSimulator({ seed: 7 })
  const tokens = await NutanClient.exchangeCode({
    code: sim.credentials.authCode,
    redirectUri: 'nutan://callback',
    fetch: sim.fetch,
  })
  const saved: NutanTokens[] = []
  const client = new NutanClient({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    onTokens: (t) => {
      saved.push(t)
    },
    fetch: sim.fetch,
    validation,
  })
  return { sim, client, saved }
}

describe('against the testkit simulator', () => {
  test('every record the simulator serves fits the SDK schemas (strict validation)', async () => {
    const { client } = await signedIn()
    const [contacts, deals, meetings, items] = await Promise.all([
      client.contacts.list({ limit: 5 }),
      client.deals.list({ limit: 5 }),
      client.meetings.list({ limit: 5 }),
      client.actionItems.list({ limit: 5 }),
    ])
    expect(contacts.items.length).toBeGreaterThan(0)
    expect(contacts.total).toBeGreaterThanOrEqual(contacts.items.length)
    const deal = deals.items[0]!
    const meeting = meetings.items[0]!
    await client.deals.signals(deal.id).toArray()
    await client.deals.objections(deal.id).toArray()
    await client.meetings.participants(meeting.id).toArray()
    expect(items.items.every((i) => typeof i.id === 'string')).toBe(true)
  })

  test('create, update, delete round trip', async () => {
    const { client } = await signedIn()
    const contact = await client.contacts.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
    const updated = await client.contacts.update(contact.id, { title: 'CTO' })
    expect(updated).toMatchObject({ id: contact.id, title: 'CTO' })
    await client.contacts.delete(contact.id)
    await expect(client.contacts.update(contact.id, { title: 'x' })).rejects.toBeInstanceOf(NotFoundError)

    const deal = await client.deals.create({ name: 'Engine', stage: 'proposal', value: 1000 })
    const meeting = await client.meetings.create({ title: 'Kick-off', deal_id: deal.id })
    const participant = await client.meetings.addParticipant(meeting.id, {
      name: 'Grace',
      is_internal: false,
    })
    expect((await client.meetings.participants(meeting.id)).items.map((p) => p.id)).toContain(participant.id)
    const item = await client.actionItems.create({ title: 'Send proposal', deal_id: deal.id })
    expect(await client.actionItems.update(item.id, { status: 'done' })).toMatchObject({ status: 'done' })
    await client.actionItems.delete(item.id)
    await client.meetings.delete(meeting.id)
    await client.deals.delete(deal.id)
    const usage = await client.usage.record({ model: 'small', input_tokens: 10, output_tokens: 2 })
    expect(usage.id).toBeTruthy()
  })

  test('a 1,200-row push lands every row, then eraseAll removes everything', async () => {
    const { sim, client } = await signedIn()
    const upserts = {
      chats: Array.from({ length: 700 }, (_, i) => ({ id: `chat_${i}`, text: `hello ${i}` })),
      knowledge: Array.from({ length: 500 }, (_, i) => ({ id: `kn_${i}`, title: `doc ${i}` })),
    }
    const result = await client.sync.push({ upserts })
    expect(result).toMatchObject({ rows: 1200, upserted: 1200, batches: 3 })
    expect(sim.db.synced.chats.size).toBe(700)
    expect(sim.db.synced.knowledge.size).toBe(500)
    const erased = await client.sync.eraseAll({ confirm: true })
    expect(erased.erased).toBe(true)
    expect(sim.db.synced.chats.size).toBe(0)
  })

  test('an expired access token is refreshed and the new pair handed to onTokens', async () => {
    const { sim, client, saved } = await signedIn()
    sim.db.tokens.secret = 'rotated-signing-key'
    await client.deals.list()
    expect(saved).toHaveLength(1)
    expect(saved[0]!.refreshToken).toMatch(/^nrt_/)
  })

  test('strict validation reports a response that does not fit', async () => {
    const { sim, client } = await signedIn()
    const row = [...sim.db.deals.values()][0]!
    sim.db.deals.set(row.id, { ...row, value: 'a lot' as never })
    await expect(client.deals.list({ limit: 200 }).toArray()).rejects.toBeInstanceOf(ResponseValidationError)
  })
})
