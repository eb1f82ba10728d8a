// "Never `undefined` where a record was promised": every method that resolves to a record rejects with a
// typed error when the answer holds none (a 204, a 304, an empty 200, `{}`, `{ "leads": [] }`, `null`).
import { ApiError, NotFoundError, ResponseValidationError, SdkError, type ValidationMode } from '@x/core'
import { describe, expect, it } from 'vitest'
import { NutshellClient } from '../src'

const BASE = 'https://app.nutshell.test/rest'
const KEYS = [
  'leads',
  'contacts',
  'accounts',
  'activities',
  'tasks',
  'notes',
  'products',
  'tags',
  'sources',
  'users',
]

/** Answers that hold no record. */
const EMPTY_ANSWERS: Record<string, () => Response> = {
  '204': () => new Response(null, { status: 204 }),
  '304': () => new Response(null, { status: 304 }),
  'empty 200': () => new Response('', { status: 200 }),
  '{}': () => Response.json({}),
  '{ "<key>": [] }': () => Response.json(Object.fromEntries(KEYS.map((k) => [k, []]))),
  '{ "<key>": [null] }': () => Response.json(Object.fromEntries(KEYS.map((k) => [k, [null]]))),
  null: () => Response.json(null),
}

function clientAnswering(answer: () => Response, validation: ValidationMode): NutshellClient {
  // A PATCH answers 204 as the service does, so `update({ returnRecord })` reaches its GET.
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) =>
    init?.method === 'PATCH' ? new Response(null, { status: 204 }) : answer()
  return new NutshellClient({
    email: 'e@example.test',
    apiKey: 'k',
    baseUrl: BASE,
    fetch,
    maxRetries: 0,
    validation,
  })
}

type Call = (ns: NutshellClient) => PromiseLike<unknown>

// Every public method of the REST resources: a call when it promises a record, or why it is exempt.
const METHODS: Record<string, Call | string> = {
  'leads.list': 'a page',
  'leads.get': (ns) => ns.leads.get('1-leads'),
  'leads.create': (ns) => ns.leads.create({ description: 'New' }),
  'leads.update': (ns) => ns.leads.update('1-leads', { description: 'x' }, { returnRecord: true }),
  'leads.close': (ns) => ns.leads.close('1-leads', { outcomeId: '5-outcomes' }),
  'leads.reopen': (ns) => ns.leads.reopen('1-leads'),
  'leads.delete': 'a delete may answer with nothing',
  'leads.undelete': (ns) => ns.leads.undelete('1-leads'),
  'leads.products': (ns) => ns.leads.products('1-leads'),
  'leads.setPipeline': (ns) => ns.leads.setPipeline('1-leads', '2-stagesets'),
  'contacts.list': 'a page',
  'contacts.get': (ns) => ns.contacts.get('3-contacts'),
  'contacts.create': (ns) => ns.contacts.create({ name: 'Ivy' }),
  'contacts.update': (ns) => ns.contacts.update('3-contacts', { name: 'Ivy' }, { returnRecord: true }),
  'contacts.delete': 'a delete may answer with nothing',
  'contacts.undelete': (ns) => ns.contacts.undelete('3-contacts'),
  'accounts.list': 'a page',
  'accounts.get': (ns) => ns.accounts.get('4-accounts'),
  'accounts.create': (ns) => ns.accounts.create({ name: 'Initech' }),
  'accounts.update': (ns) => ns.accounts.update('4-accounts', { name: 'I' }, { returnRecord: true }),
  'accounts.delete': 'a delete may answer with nothing',
  'accounts.undelete': (ns) => ns.accounts.undelete('4-accounts'),
  'activities.list': 'a page',
  'activities.get': (ns) => ns.activities.get('5-activities'),
  'activities.create': (ns) =>
    ns.activities.create({
      name: 'Call',
      activityType: '1-activityTypes',
      startTime: 1,
      endTime: 2,
    } as never),
  'activities.update': (ns) => ns.activities.update('5-activities', { name: 'Call' } as never),
  'tasks.list': 'a page',
  'tasks.get': (ns) => ns.tasks.get('6-tasks'),
  'tasks.create': (ns) => ns.tasks.create({ title: 'Do' } as never),
  'tasks.update': (ns) => ns.tasks.update('6-tasks', { title: 'Do' } as never, { returnRecord: true }),
  'tasks.delete': 'a delete may answer with nothing',
  'notes.list': 'a page',
  'notes.get': (ns) => ns.notes.get('7-notes'),
  'notes.create': (ns) => ns.notes.create({ body: 'Hi', links: { parent: '1-leads' } } as never),
  'notes.delete': 'a delete may answer with nothing',
  'notes.undelete': (ns) => ns.notes.undelete('7-notes'),
  'products.list': 'a page',
  'products.get': (ns) => ns.products.get('8-products'),
  'products.delete': 'a delete may answer with nothing',
  'products.undelete': (ns) => ns.products.undelete('8-products'),
  'pipelines.list': 'a page',
  'stages.list': 'a page',
  'users.list': 'a page',
  'users.get': (ns) => ns.users.get('9-users'),
  'tags.list': 'a page',
  'tags.create': (ns) => ns.tags.create({ name: 'hot', tagType: 'leads' } as never),
  'tags.delete': 'a delete may answer with nothing',
  'tags.undelete': (ns) => ns.tags.undelete('10-tags'),
  'sources.list': 'a page',
  'sources.create': (ns) => ns.sources.create({ name: 'Web' }),
  'sources.delete': 'a delete may answer with nothing',
  'sources.undelete': (ns) => ns.sources.undelete('11-sources'),
  'outcomes.list': 'a page',
  'events.list': 'a batch of events, not a record',
}

/**
 * `resource.method` for every hand-written method on the client's resource prototypes. (Methods made from
 * the operation table are own properties, and the table's rule is tested for all of them at once in
 * operations.test.ts.)
 */
function publicMethods(ns: NutshellClient): string[] {
  const out: string[] = []
  for (const [resource, value] of Object.entries(ns)) {
    if (resource === 'transport' || resource === 'rpc' || typeof value !== 'object' || value === null)
      continue
    const proto = Object.getPrototypeOf(value) as object
    if (proto === Object.prototype) continue
    for (const method of Object.getOwnPropertyNames(proto)) {
      if (method !== 'constructor' && !(resource === 'leads' && method === 'outcomeId'))
        out.push(`${resource}.${method}`)
    }
  }
  return out
}

describe('no undefined where a record was promised (Nutshell)', () => {
  it('the table below lists every public resource method', () => {
    const ns = clientAnswering(EMPTY_ANSWERS['204']!, 'loose')
    expect(publicMethods(ns).filter((m) => !(m in METHODS))).toEqual([])
  })

  const calls = Object.entries(METHODS).filter((e): e is [string, Call] => typeof e[1] === 'function')
  for (const validation of ['loose', 'off'] as const) {
    for (const [answerName, answer] of Object.entries(EMPTY_ANSWERS)) {
      it(`every record-promising method rejects on ${answerName} (validation ${validation})`, async () => {
        for (const [name, call] of calls) {
          const outcome = await Promise.resolve(call(clientAnswering(answer, validation))).then(
            (value) => ({ resolved: value }),
            (error: unknown) => ({ error }),
          )
          expect(outcome, `${name} resolved on ${answerName}`).toHaveProperty('error')
          const error = (outcome as { error: unknown }).error
          expect(error, `${name}: ${String(error)}`).toBeInstanceOf(SdkError)
          // A GET answered with an empty `<key>` array found nothing: a 404 in all but status. A 304 to a
          // request that sent no validator may also be refused as an ApiError.
          const typed =
            error instanceof ResponseValidationError ||
            error instanceof NotFoundError ||
            (answerName === '304' && error instanceof ApiError)
          expect(typed, `${name}: ${String(error)}`).toBe(true)
        }
      })
    }
  }

  it('names what was missing', async () => {
    const ns = clientAnswering(EMPTY_ANSWERS['204']!, 'loose')
    const error = await Promise.resolve(ns.leads.create({ description: 'New' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as ResponseValidationError).message).toMatch(/"leads" record .*leads\.create.*HTTP 204/)
    expect((error as ResponseValidationError).method).toBe('POST')
  })

  it('delete and update without returnRecord still resolve on a 204', async () => {
    const ns = clientAnswering(EMPTY_ANSWERS['204']!, 'loose')
    await expect(Promise.resolve(ns.leads.delete('1-leads'))).resolves.toBeUndefined()
    await expect(ns.leads.update('1-leads', { description: 'x' })).resolves.toBeUndefined()
    await expect(ns.contacts.delete('3-contacts')).resolves.toBeUndefined()
  })
})
