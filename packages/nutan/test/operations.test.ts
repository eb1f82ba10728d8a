// Methods made from the operation tables: each sends its entry's method and path, checks its input before
// any request, keeps the signatures the hand-written resources had, and declares the effects the agent's
// rules read.
import {
  type ApiPromise,
  InputValidationError,
  type Limiter,
  type PagePromise,
  pathParamNames,
  type RequestOptions,
} from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type ActionItem,
  type ActionItemCreateInput,
  type ActionItemListParams,
  type ActionItemUpdateInput,
  type Deal,
  type DealCreateInput,
  type DealListParams,
  type DealUpdateInput,
  type EraseInput,
  type EraseResult,
  type Meeting,
  type MeetingCreateInput,
  type MeetingListParams,
  NUTAN_OPERATION_TABLES,
  NutanClient,
  type NutanContact,
  type NutanContactCreateInput,
  type NutanContactListParams,
  type NutanContactUpdateInput,
  type Objection,
  type PagingParams,
  type Participant,
  type ParticipantCreateInput,
  type Signal,
  type SyncChangeSetInput,
  type SyncPushOptions,
  type SyncPushPromise,
  type UsageRecord,
  type UsageRecordInput,
} from '../src'
import type { Operation } from '../src/operations/operation'

const BASE = 'https://api.nutan.test/v1'
const UNLIMITED: Limiter = { schedule: (fn) => fn() }

interface Sent {
  method: string
  path: string
  query: string
  body: unknown
}

/** A client whose fetch records every request and answers 200 with a body every method can read. */
function recording() {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    const target = new URL(String(url))
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    sent.push({ method: init?.method ?? 'GET', path: target.pathname, query: target.search, body })
    return Response.json({ id: 'rec_1', data: [], total: 0, limit: 50, offset: 0 })
  }
  const nutan = new NutanClient({
    accessToken: 'token',
    baseUrl: BASE,
    fetch,
    maxRetries: 0,
    limiter: { global: UNLIMITED, strict: UNLIMITED },
  })
  return { nutan, sent }
}

// A valid input for every operation whose input has required fields (or, an update, must change one); the
// others are called with `{}`.
const INPUTS: Record<string, unknown> = {
  'contacts.create': { name: 'Ada' },
  'contacts.update': { name: 'Ada' },
  'deals.update': { stage: 'proposal' },
  'actionItems.update': { status: 'done' },
  'deals.create': { name: 'Deal' },
  'meetings.create': { title: 'Sync' },
  'meetings.addParticipant': { name: 'Ada' },
  'actionItems.create': { title: 'Follow up' },
  'usage.record': { model: 'm', input_tokens: 1, output_tokens: 1 },
  'sync.push': { upserts: { deals: [{ id: 'deal_1' }] } },
  'sync.eraseAll': { confirm: true },
}

type AnyMethod = (...args: unknown[]) => PromiseLike<unknown>

function methodOf(nutan: NutanClient, resource: string, name: string): AnyMethod {
  return (nutan as unknown as Record<string, Record<string, AnyMethod>>)[resource]![name]!
}

function operations(): [string, string, Operation][] {
  return Object.entries(NUTAN_OPERATION_TABLES).flatMap(([resource, table]) =>
    Object.entries(table as Record<string, Operation>).map(
      ([name, op]) => [resource, name, op] as [string, string, Operation],
    ),
  )
}

describe('every operation of every table', () => {
  it('the client has exactly the tables’ methods', () => {
    const { nutan } = recording()
    for (const [resource, table] of Object.entries(NUTAN_OPERATION_TABLES)) {
      expect(Object.keys((nutan as unknown as Record<string, object>)[resource]!), resource).toEqual(
        Object.keys(table),
      )
    }
  })

  for (const [resource, name, op] of operations()) {
    it(`${resource}.${name} sends ${op.method} ${op.path}`, async () => {
      const { nutan, sent } = recording()
      const ids = pathParamNames(op.path).map((param) => `rec_${param}`)
      const args = op.input ? [...ids, INPUTS[`${resource}.${name}`] ?? {}] : ids
      await methodOf(nutan, resource, name)(...args)
      const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) => `rec_${param}`)
      expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([`${op.method} /v1${path}`])
    })
  }

  for (const [resource, name, op] of operations().filter(([, , o]) => o.input)) {
    it(`${resource}.${name} refuses a malformed input before any request`, async () => {
      const { nutan, sent } = recording()
      const ids = pathParamNames(op.path).map(() => 'rec_1')
      const error = await Promise.resolve()
        .then(() => methodOf(nutan, resource, name)(...ids, 42))
        .then(
          () => undefined,
          (e: unknown) => e,
        )
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).message).toContain(`${resource}.${name}`)
      expect(sent).toEqual([])
    })
  }

  it('a GET sends its input as the query, a write as the body; eraseAll sends no confirmation', async () => {
    const { nutan, sent } = recording()
    await nutan.deals.list({ status: 'won', limit: 10 })
    await nutan.deals.update('deal_1', { status: 'lost' })
    await nutan.sync.eraseAll({ confirm: true })
    expect(sent).toEqual([
      { method: 'GET', path: '/v1/deals', query: '?limit=10&status=won', body: undefined },
      { method: 'PATCH', path: '/v1/deals/deal_1', query: '', body: { status: 'lost' } },
      { method: 'DELETE', path: '/v1/sync', query: '', body: undefined },
    ])
  })
})

describe('effects the agent reads', () => {
  it('declares each operation’s effect and the fields that make a write a close or a delete', () => {
    const declared = Object.fromEntries(
      operations().map(([resource, name, op]) => [
        `${resource}.${name}`,
        op.effectFields ? [op.effect, Object.keys(op.effectFields)] : op.effect,
      ]),
    )
    const settles = ['close']
    expect(declared).toEqual({
      'contacts.list': 'read',
      'contacts.create': 'create',
      'contacts.update': 'update',
      'contacts.delete': 'delete',
      'deals.list': 'read',
      'deals.create': ['create', settles],
      'deals.update': ['update', settles],
      'deals.delete': 'delete',
      'deals.signals': 'read',
      'deals.objections': 'read',
      'meetings.list': 'read',
      'meetings.create': 'create',
      'meetings.delete': 'delete',
      'meetings.participants': 'read',
      'meetings.addParticipant': 'create',
      'actionItems.list': 'read',
      'actionItems.create': 'create',
      'actionItems.update': 'update',
      'actionItems.delete': 'delete',
      'sync.push': ['update', ['create', 'delete']],
      'sync.eraseAll': 'erase',
      'usage.record': 'create',
    })
    const { deals, sync } = NUTAN_OPERATION_TABLES
    const closes = deals.update.effectFields?.close as (input: unknown) => boolean
    expect([{ status: 'won' }, { status: 'lost' }, { stage: 'closed' }].map(closes)).toEqual([
      true,
      true,
      true,
    ])
    expect([{ status: 'open' }, { stage: 'proposal' }, { name: 'x' }, null].map(closes)).toEqual([
      false,
      false,
      false,
      false,
    ])
    const { create, delete: deletes } = sync.push.effectFields as Record<string, (input: unknown) => boolean>
    expect(create!({ upserts: { deals: [{ id: 'd-1' }] } })).toBe(true)
    expect(create!({ deletes: { deals: ['d-1'] } })).toBe(false)
    expect(deletes!({ deletes: { deals: ['d-1'] } })).toBe(true)
    expect(deletes!({ upserts: { deals: [{ id: 'd-1' }] }, deletes: { deals: [] } })).toBe(false)
    for (const [resource, name, op] of operations()) {
      expect(op.description, `${resource}.${name}`).toMatch(/^\S.*\.$/)
      expect(op.description, `${resource}.${name}`).not.toContain('\n')
    }
  })
})

describe('types: the signatures of the hand-written resources', () => {
  it('lists, records, deletes and sync keep their parameters and promises', () => {
    const { nutan } = recording()
    type Opts = [options?: RequestOptions]
    expectTypeOf(nutan.contacts.list).toEqualTypeOf<
      (params?: NutanContactListParams, ...rest: Opts) => PagePromise<NutanContact, NutanContactListParams>
    >()
    expectTypeOf(nutan.contacts.create).toEqualTypeOf<
      (params: NutanContactCreateInput, ...rest: Opts) => ApiPromise<NutanContact>
    >()
    expectTypeOf(nutan.contacts.update).toEqualTypeOf<
      (id: string | number, params: NutanContactUpdateInput, ...rest: Opts) => ApiPromise<NutanContact>
    >()
    expectTypeOf(nutan.contacts.delete).toEqualTypeOf<
      (id: string | number, ...rest: Opts) => ApiPromise<void>
    >()
    expectTypeOf(nutan.deals.list).toEqualTypeOf<
      (params?: DealListParams, ...rest: Opts) => PagePromise<Deal, DealListParams>
    >()
    expectTypeOf(nutan.deals.create).toEqualTypeOf<
      (params: DealCreateInput, ...rest: Opts) => ApiPromise<Deal>
    >()
    expectTypeOf(nutan.deals.update).toEqualTypeOf<
      (id: string | number, params: DealUpdateInput, ...rest: Opts) => ApiPromise<Deal>
    >()
    expectTypeOf(nutan.deals.signals).toEqualTypeOf<
      (id: string | number, params?: PagingParams, ...rest: Opts) => PagePromise<Signal, PagingParams>
    >()
    expectTypeOf(nutan.deals.objections).toEqualTypeOf<
      (id: string | number, params?: PagingParams, ...rest: Opts) => PagePromise<Objection, PagingParams>
    >()
    expectTypeOf(nutan.meetings.list).toEqualTypeOf<
      (params?: MeetingListParams, ...rest: Opts) => PagePromise<Meeting, MeetingListParams>
    >()
    expectTypeOf(nutan.meetings.create).toEqualTypeOf<
      (params: MeetingCreateInput, ...rest: Opts) => ApiPromise<Meeting>
    >()
    expectTypeOf(nutan.meetings.participants).toEqualTypeOf<
      (id: string | number, params?: PagingParams, ...rest: Opts) => PagePromise<Participant, PagingParams>
    >()
    expectTypeOf(nutan.meetings.addParticipant).toEqualTypeOf<
      (id: string | number, participant: ParticipantCreateInput, ...rest: Opts) => ApiPromise<Participant>
    >()
    expectTypeOf(nutan.actionItems.list).toEqualTypeOf<
      (params?: ActionItemListParams, ...rest: Opts) => PagePromise<ActionItem, ActionItemListParams>
    >()
    expectTypeOf(nutan.actionItems.create).toEqualTypeOf<
      (params: ActionItemCreateInput, ...rest: Opts) => ApiPromise<ActionItem>
    >()
    expectTypeOf(nutan.actionItems.update).toEqualTypeOf<
      (id: string | number, params: ActionItemUpdateInput, ...rest: Opts) => ApiPromise<ActionItem>
    >()
    expectTypeOf(nutan.sync.push).toEqualTypeOf<
      (changes: SyncChangeSetInput, given?: SyncPushOptions) => SyncPushPromise
    >()
    expectTypeOf(nutan.sync.eraseAll).toEqualTypeOf<
      (params: EraseInput, ...rest: Opts) => ApiPromise<EraseResult>
    >()
    expectTypeOf(nutan.usage.record).toEqualTypeOf<
      (params: UsageRecordInput, ...rest: Opts) => ApiPromise<UsageRecord>
    >()
  })
})
