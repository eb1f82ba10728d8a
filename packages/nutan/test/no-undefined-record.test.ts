// "Never `undefined` where a record was promised": every Nutan method that resolves to a record rejects
// with a typed error when the answer has no body (a ResponseValidationError for a 204 or an empty 200; a
// 304 may also be an ApiError), in every validation mode, and never resolves to `null` either. (A `{}` is an
// object with fields missing: loose mode reports it to `onResponse` as validation issues, strict mode throws.)
import { type Limiter, ResponseValidationError, SdkError, type ValidationMode } from '@x/core'
import { describe, expect, it } from 'vitest'
import { NutanClient } from '../src'

const BASE = 'https://api.nutan.test/v1'
const UNLIMITED: Limiter = { schedule: (fn) => fn() }

const BODILESS: Record<string, () => Response> = {
  '204': () => new Response(null, { status: 204 }),
  '304': () => new Response(null, { status: 304 }),
  'empty 200': () => new Response('', { status: 200 }),
}

function clientAnswering(answer: () => Response, validation: ValidationMode): NutanClient {
  return new NutanClient({
    accessToken: 'token',
    baseUrl: BASE,
    fetch: async () => answer(),
    maxRetries: 0,
    validation,
    limiter: { global: UNLIMITED, strict: UNLIMITED },
  })
}

type Call = (nutan: NutanClient) => PromiseLike<unknown>

// Every public resource method: a call when it promises a record, or why it is exempt.
const METHODS: Record<string, Call | string> = {
  'contacts.list': 'a page',
  'contacts.create': (n) => n.contacts.create({ name: 'Ada' }),
  'contacts.update': (n) => n.contacts.update('con_1', { name: 'Ada' }),
  'contacts.delete': 'a delete answers 204',
  'deals.list': 'a page',
  'deals.create': (n) => n.deals.create({ name: 'Deal' }),
  'deals.update': (n) => n.deals.update('deal_1', { name: 'Deal' }),
  'deals.delete': 'a delete answers 204',
  'deals.signals': 'a page',
  'deals.objections': 'a page',
  'meetings.list': 'a page',
  'meetings.create': (n) => n.meetings.create({ title: 'Sync' }),
  'meetings.delete': 'a delete answers 204',
  'meetings.participants': 'a page',
  'meetings.addParticipant': (n) => n.meetings.addParticipant('mtg_1', { name: 'Ada' }),
  'actionItems.list': 'a page',
  'actionItems.create': (n) => n.actionItems.create({ title: 'Follow up' }),
  'actionItems.update': (n) => n.actionItems.update('ai_1', { title: 'Follow up' }),
  'actionItems.delete': 'a delete answers 204',
  'usage.record': (n) => n.usage.record({ model: 'm', input_tokens: 1, output_tokens: 1 }),
  'sync.push': 'batch counts, not a record',
  'sync.eraseAll': 'a summary of a DELETE, not a record',
}

function publicMethods(nutan: NutanClient): string[] {
  const out: string[] = []
  for (const [resource, value] of Object.entries(nutan)) {
    if (typeof value !== 'object' || value === null) continue
    // Methods are made from the operation tables: each resource holds them as its own properties.
    for (const method of Object.keys(value)) out.push(`${resource}.${method}`)
  }
  return out
}

const calls = Object.entries(METHODS).filter((e): e is [string, Call] => typeof e[1] === 'function')

async function outcomeOf(
  call: Call,
  nutan: NutanClient,
): Promise<{ resolved: unknown } | { error: unknown }> {
  return Promise.resolve(call(nutan)).then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  )
}

describe('no undefined where a record was promised (Nutan)', () => {
  it('the table below lists every public resource method', () => {
    const nutan = clientAnswering(BODILESS['204']!, 'loose')
    expect(publicMethods(nutan).filter((m) => !(m in METHODS))).toEqual([])
  })

  for (const validation of ['loose', 'strict', 'off'] as const) {
    for (const [answerName, answer] of Object.entries(BODILESS)) {
      it(`every record-promising method rejects a bodiless ${answerName} (validation ${validation})`, async () => {
        for (const [name, call] of calls) {
          const outcome = await outcomeOf(call, clientAnswering(answer, validation))
          expect(outcome, `${name} resolved on ${answerName}`).toHaveProperty('error')
          const error = (outcome as { error: unknown }).error
          // A 304 to a request that sent no validator may also be refused as an ApiError.
          const expected = answerName === '304' ? SdkError : ResponseValidationError
          expect(error, `${name}: ${String(error)}`).toBeInstanceOf(expected)
        }
      })
    }
  }

  // A body that is no record at all (`null` is nothing): in the default (loose) mode too, a
  // record-promising call must not resolve to it.
  for (const [answerName, answer] of Object.entries({
    null: () => Response.json(null),
  })) {
    it(`every record-promising method rejects ${answerName} (validation loose)`, async () => {
      for (const [name, call] of calls) {
        const outcome = await outcomeOf(call, clientAnswering(answer, 'loose'))
        expect(outcome, `${name} resolved on ${answerName}`).toHaveProperty('error')
        expect((outcome as { error: unknown }).error).toBeInstanceOf(SdkError)
      }
    })
  }
})
