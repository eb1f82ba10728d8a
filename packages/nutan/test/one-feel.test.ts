// The Nutan client feels like the Nutshell one: named record types with `extraFields`, exact list params,
// exact and non-empty updates, `string | number` ids, the `limiter` option, options checked at
// construction, `sync.push(...).withResponse()`, and the core's errors and types re-exported.
import * as core from '@x/core'
import { afterEach, describe, expect, expectTypeOf, it, test } from 'vitest'
import type * as z from 'zod/mini'
import {
  type ActionItem,
  AuthenticationError,
  createRateLimiter,
  type Deal,
  type DealCreateInput,
  DealCreateInputSchema,
  type DealListParams,
  DealListParamsSchema,
  DealSchema,
  type Deals,
  type DealUpdateInput,
  DealUpdateInputSchema,
  extraFields,
  fieldsOf,
  type Hooks,
  InputValidationError,
  type Limiter,
  type Meetings,
  NotFoundError,
  NUTAN_BASE_URL,
  NutanClient,
  type NutanContact,
  type NutanContactCreateInput,
  NutanContactSchema,
  type Page,
  type PagePromise,
  type RequestOptions,
  SyncPushPromise,
  type SyncPushResult,
  type SyncPushWithResponse,
} from '../src'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
afterEach(() => {
  server = undefined as never
})

const errorOf = async (run: () => PromiseLike<unknown> | unknown): Promise<InputValidationError> => {
  try {
    await run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputValidationError)
    return error as InputValidationError
  }
  throw new Error('expected an InputValidationError')
}

describe('1. records are named interfaces; unknown fields reachable through extraFields', () => {
  it('types: Deal, Page<Deal>, no index signature', () => {
    expectTypeOf(DealSchema).toEqualTypeOf<core.Schema<Deal>>()
    expectTypeOf(NutanContactSchema).toEqualTypeOf<core.Schema<NutanContact>>()
    expectTypeOf<ReturnType<Deals['list']>>().toEqualTypeOf<PagePromise<Deal, DealListParams>>()
    expectTypeOf<Awaited<ReturnType<Deals['list']>>>().toEqualTypeOf<Page<Deal, DealListParams>>()
    expectTypeOf<Awaited<ReturnType<Deals['update']>>>().toEqualTypeOf<Deal>()
    expectTypeOf<Deal['stage']>().toEqualTypeOf<Deal['stage']>()
    const deal = {} as Deal
    // @ts-expect-error: a typo of a record field does not compile
    deal.stagee
    // @ts-expect-error: a record type has no index signature
    const _indexed: Record<string, unknown> = deal
    const item = {} as ActionItem
    // @ts-expect-error: the same for every record type
    item.titel
  })

  it('unknown fields pass through at run time and extraFields hands back exactly those', async () => {
    server = nutanServer({ extraFields: { deals: { forecast: 'commit', score: 7 } } })
    const nutan = server.client()
    const page = await nutan.deals.list({ limit: 5 })
    const deal = page.items[0]!
    expect(deal).toMatchObject({ forecast: 'commit', score: 7 })
    expect(extraFields(deal, DealSchema)).toEqual({ forecast: 'commit', score: 7 })
    expect(Object.isFrozen(extraFields(deal, DealSchema))).toBe(true)
    expect(fieldsOf(deal).forecast).toBe('commit')
    const created = await nutan.deals.create({ name: 'New' })
    expect(extraFields(created, DealSchema)).toEqual({ forecast: 'commit', score: 7 })
    // A record the SDK did not parse (validation off) reads the same way.
    const raw = await server.client({ validation: 'off' }).deals.list({ limit: 1 })
    expect(extraFields(raw.items[0]!, DealSchema)).toEqual({ forecast: 'commit', score: 7 })
  })
})

describe('2. list params are exact; limit is bounded', () => {
  test('an unknown list key is refused before any request, naming it', async () => {
    server = nutanServer()
    const nutan = server.client()
    // @ts-expect-error: `stgae` is not a deal filter
    const error = await errorOf(() => nutan.deals.list({ stgae: 'proposal' }))
    expect(error.message).toContain('stgae')
    expect(error.message).toContain('deals.list')
    // @ts-expect-error: the same for the paging-only lists
    const paging = await errorOf(() => nutan.deals.signals('deal_1', { notes: 'x' }))
    expect(paging.message).toContain('notes')
    expect(server.sent).toHaveLength(0)
    expect(() => DealListParamsSchema.parse({ stgae: 'proposal' })).toThrow()
  })

  test('limit is 1..200, else an InputValidationError naming `limit`', async () => {
    server = nutanServer()
    const nutan = server.client()
    for (const limit of [0, 201, 2.5, -3]) {
      expect((await errorOf(() => nutan.contacts.list({ limit }))).field).toBe('limit')
      expect((await errorOf(() => nutan.meetings.participants('m', { limit }))).field).toBe('limit')
    }
    expect(server.sent).toHaveLength(0)
    expect((await nutan.contacts.list({ limit: 200 })).items.length).toBeGreaterThan(0)
  })
})

describe('3. one naming scheme with Nutshell', () => {
  it('inputs are <Resource><Verb>Input with <...>InputSchema; the method groups are plural', () => {
    expectTypeOf(DealCreateInputSchema).toEqualTypeOf<z.ZodMiniType<DealCreateInput, DealCreateInput>>()
    expectTypeOf(DealUpdateInputSchema.parse).returns.toEqualTypeOf<DealUpdateInput>()
    expectTypeOf<Parameters<NutanClient['contacts']['create']>[0]>().toEqualTypeOf<NutanContactCreateInput>()
    expectTypeOf<NutanClient['deals']>().toEqualTypeOf<Deals>()
    expectTypeOf<NutanClient['meetings']>().toEqualTypeOf<Meetings>()
    expect(NUTAN_BASE_URL).toBe('https://api.nutan.ai/v1')
  })
})

describe('4. ids are string | number', () => {
  test('a number is sent as its decimal string; a bad id is refused naming `id`', async () => {
    server = nutanServer()
    const nutan = server.client()
    expectTypeOf<Parameters<Deals['update']>[0]>().toEqualTypeOf<string | number>()
    await nutan.deals.delete(42).catch(() => undefined)
    expect(server.sent.at(-1)?.path).toBe('/v1/deals/42')
    expect((await errorOf(() => nutan.deals.delete(1.5))).field).toBe('id')
    // @ts-expect-error: an id is a string or a number
    expect((await errorOf(() => nutan.deals.delete(true))).field).toBe('id')
  })
})

describe('5. options: limiter, validation at construction, rateLimit', () => {
  it('`limiter` takes one shared Limiter, per-tier budgets or false; `rateLimits` is refused', async () => {
    server = nutanServer()
    const calls: string[] = []
    const shared: Limiter = {
      schedule: (fn) => {
        calls.push('shared')
        return fn()
      },
    }
    const nutan = server.client({ limiter: shared })
    await nutan.deals.list()
    await nutan.sync.push({ upserts: { deals: [{ id: 'd_1', name: 'D' }] } })
    // One slot per call, strict or not: the same Limiter is every tier.
    expect(calls).toEqual(['shared', 'shared'])
    expect(() => server.client({ limiter: { global: false, strict: false } })).not.toThrow()
    expect(() => server.client({ limiter: { strict: Number.POSITIVE_INFINITY } })).not.toThrow()
    expect(() =>
      server.client({ limiter: { strict: createRateLimiter({ limit: 1, interval: 10 }) } }),
    ).not.toThrow()
    // @ts-expect-error: renamed to `limiter`
    const renamed = await errorOf(() => new NutanClient({ accessToken: 't', rateLimits: {} }))
    expect(renamed.field).toBe('rateLimits')
  })

  it('every option is checked at construction, the error naming it', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ limiter: { strict: 0 } }, 'limiter.strict'],
      [{ limiter: { global: 'fast' } }, 'limiter.global'],
      [{ limiter: { global: 5, burst: 2 } }, 'limiter.burst'],
      [{ limiter: 5 }, 'limiter'],
      [{ auth: { tokenPath: '' } }, 'auth.tokenPath'],
      [{ auth: { bodyFormat: 'xml' } }, 'auth.bodyFormat'],
      [{ onTokens: 'save' }, 'onTokens'],
      [{ timeout: -1 }, 'timeout'],
      [{ baseUrl: 'ftp://x' }, 'baseUrl'],
    ]
    for (const [options, field] of bad) {
      const error = await errorOf(() => new NutanClient({ accessToken: 't', ...options } as never))
      expect(error.field, JSON.stringify(options)).toBe(field)
    }
    const exchange = await errorOf(() =>
      NutanClient.exchangeCode({ code: 'c', redirectUri: 'r', limiter: { strict: -1 } }),
    )
    expect(exchange.field).toBe('limiter.strict')
  })

  it('rateLimit is the latest response snapshot', async () => {
    server = nutanServer()
    const nutan = server.client()
    expect(nutan.rateLimit).toBeUndefined()
    await nutan.deals.list()
    expect(nutan.rateLimit?.limit).toBeGreaterThan(0)
    expectTypeOf(nutan.rateLimit).toEqualTypeOf<core.RateLimitSnapshot | undefined>()
  })

  it('there is no get(id): Nutan has no GET /<collection>/{id}', () => {
    expect(Object.keys(new NutanClient({ accessToken: 't' }).deals)).not.toContain('get')
  })
})

describe('5. sync.push(...).withResponse()', () => {
  test('gives the result with the last batch response (and every batch response)', async () => {
    server = nutanServer()
    const nutan = server.client()
    const rows = Array.from({ length: 12 }, (_, i) => ({ id: `r_${i}`, name: `Row ${i}` }))
    const pushed = nutan.sync.push({ upserts: { contacts: rows } }, { batchSize: 5 })
    expect(pushed).toBeInstanceOf(SyncPushPromise)
    const { data, response, responses } = await pushed.withResponse()
    expect(data.rows).toBe(12)
    expect(responses).toHaveLength(3)
    expect(response).toBe(responses[2])
    expect(response?.status).toBe(200)
    expect((await nutan.sync.push({ upserts: { contacts: rows } })).batches).toBe(1)
    const empty = await nutan.sync.push({}).withResponse()
    expect(empty.response).toBeUndefined()
    expectTypeOf(pushed.withResponse).returns.resolves.toEqualTypeOf<SyncPushWithResponse>()
    expectTypeOf(pushed).resolves.toEqualTypeOf<SyncPushResult>()
  })
})

describe('6. updates: not empty, no read-only keys', () => {
  test('update(id, {}) is refused before any request, naming `changes`', async () => {
    server = nutanServer()
    const nutan = server.client()
    for (const run of [
      () => nutan.deals.update('deal_1', {}),
      () => nutan.contacts.update('c', { name: undefined }),
      () => nutan.actionItems.update(7, {}),
    ]) {
      const error = await errorOf(run)
      expect(error.field).toBe('changes')
      expect(error.message).toMatch(/update/)
    }
    expect(server.sent).toHaveLength(0)
  })

  test('{ id } and other read-only or unknown keys do not compile; read-only ones are refused at run time', async () => {
    server = nutanServer()
    const nutan = server.client()
    // @ts-expect-error: `id` is not a field of an update
    const id = await errorOf(() => nutan.deals.update('deal_1', { id: 'other' }))
    expect(id.field).toBe('changes.id')
    // @ts-expect-error: the server sets timestamps
    const stamp = await errorOf(() => nutan.contacts.create({ name: 'A', created_at: 'now' }))
    expect(stamp.field).toMatch(/(^|\.)created_at$/)
    // @ts-expect-error: an unknown key does not compile
    nutan.deals.update('deal_1', { stagee: 'proposal' }).catch(() => undefined)
    expect(server.sent.filter((s) => s.method !== 'PATCH')).toHaveLength(0)
  })
})

describe('7. the core re-exports', () => {
  it('errors, Hooks, RequestOptions and createRateLimiter come from @x/nutan as the same bindings', () => {
    expect(AuthenticationError).toBe(core.AuthenticationError)
    expect(NotFoundError).toBe(core.NotFoundError)
    expect(InputValidationError).toBe(core.InputValidationError)
    expect(createRateLimiter).toBe(core.createRateLimiter)
    expectTypeOf<Hooks>().toEqualTypeOf<core.Hooks>()
    expectTypeOf<RequestOptions>().toEqualTypeOf<core.RequestOptions>()
  })
})
