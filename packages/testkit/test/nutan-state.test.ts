import { describe, expect, it } from 'vitest'
import {
  createNutanState,
  NUTAN_TEST_REFRESH_TOKEN,
  type NutanState,
  nutanHandlers,
  resetNutanState,
} from '../src/nutan/index'
import { hmacSha256, sha256 } from '../src/nutan/sha256'
import { nutanHarness } from './nutan-harness'

const dump = (s: NutanState) =>
  JSON.stringify(
    [s.contacts, s.deals, s.meetings, s.participants, s.actionItems, s.signals, s.objections].map((t) => [
      ...t.values(),
    ]),
  )

describe('Nutan simulator: seed data', () => {
  it('is identical for the same seed and differs for another', () => {
    expect(dump(createNutanState({ seed: 7 }))).toBe(dump(createNutanState({ seed: 7 })))
    expect(dump(createNutanState({ seed: 7 }))).not.toBe(dump(createNutanState({ seed: 8 })))
  })

  it('starts with 40 contacts, 30 deals over every stage and status, 20 meetings with related records', () => {
    const state = createNutanState({ seed: 42 })
    expect([state.contacts.size, state.deals.size, state.meetings.size]).toEqual([40, 30, 20])
    const deals = [...state.deals.values()]
    expect(new Set(deals.map((d) => d.stage))).toEqual(
      new Set(['discovery', 'qualification', 'proposal', 'negotiation', 'closed']),
    )
    expect(new Set(deals.map((d) => d.status))).toEqual(new Set(['open', 'won', 'lost']))
    const meetingIds = new Set(state.meetings.keys())
    for (const p of state.participants.values()) expect(meetingIds.has(p.meeting_id)).toBe(true)
    for (const id of meetingIds)
      expect([...state.actionItems.values()].some((a) => a.meeting_id === id)).toBe(true)
    for (const d of deals) expect([...state.signals.values()].some((s) => s.deal_id === d.id)).toBe(true)
    expect(state.objections.size).toBeGreaterThan(0)
  })

  it('takes custom sizes, including 100,000 contacts that page like any other list', async () => {
    const sim = nutanHarness({ size: { contacts: 100_000, deals: 5, meetings: 3 } })
    expect(sim.state.contacts.size).toBe(100_000)
    const last = await sim.call('GET', '/contacts?limit=200&offset=99950')
    expect(last.body.total).toBe(100_000)
    expect(last.body.data).toHaveLength(50)
    expect(last.body.data.at(-1).id).toBe('con_100000')
  })

  it('reset brings back the seed data, the test refresh token and fresh rate windows', async () => {
    const state = createNutanState({ seed: 3 })
    const fresh = dump(state)
    let now = Date.UTC(2025, 0, 1)
    const { getResponse } = await import('msw')
    const handlers = nutanHandlers(state, {
      accessTokenTtlMs: 60_000,
      now: () => now,
      rateLimits: { strictPerMinute: 1 },
    })
    const refresh = () =>
      getResponse(
        handlers,
        new Request('https://api.nutan.ai/v1/auth/token', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: NUTAN_TEST_REFRESH_TOKEN }),
        }),
      )
    expect((await refresh())!.status).toBe(200)
    state.contacts.delete('con_000001')
    now += 1
    expect((await refresh())!.status).toBe(429)

    resetNutanState(state, 3)
    expect(dump(state)).toBe(fresh)
    expect((await refresh())!.status).toBe(200)
  })
})

describe('Nutan simulator: token signing primitives', () => {
  it('computes SHA-256 and HMAC-SHA256 exactly as Web Crypto does', async () => {
    const enc = new TextEncoder()
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(64), 'z'.repeat(200)]) {
      const bytes = enc.encode(text)
      expect(sha256(bytes)).toEqual(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)))
      for (const keyText of ['k', 'q'.repeat(100)]) {
        const key = await crypto.subtle.importKey(
          'raw',
          enc.encode(keyText),
          { name: 'HMAC', hash: 'SHA-256' },
          false,
          ['sign'],
        )
        expect(hmacSha256(enc.encode(keyText), bytes)).toEqual(
          new Uint8Array(await crypto.subtle.sign('HMAC', key, bytes)),
        )
      }
    }
  })
})
