import { AbortError, BadRequestError, InputValidationError, ServerError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { SyncError, type SyncProgress } from '../src'
import { BASE, clientFor, createFakeNutan, type FakeNutan, nutanError } from './support/fake-nutan'
import { changeSet, type FakeSync, installSync } from './support/fake-sync'

let fake: FakeNutan
let sync: FakeSync
beforeEach(() => {
  fake = createFakeNutan()
  sync = installSync(fake)
})
afterEach(() => {
  vi.useRealTimers()
})

const rowsIn = (body: { upserts?: Record<string, unknown[]>; deletes?: Record<string, unknown[]> }) =>
  Object.values(body.upserts ?? {}).flat().length + Object.values(body.deletes ?? {}).flat().length

const storedIds = () => [...sync.tables.values()].flatMap((t) => [...t.keys()]).sort()

describe('sync.push', () => {
  test('splits 1,200 rows into requests of at most 500, in order, reporting progress', async () => {
    const progress: SyncProgress[] = []
    const changes = changeSet(1100, 100)
    const result = await clientFor(fake).sync.push(changes, { onProgress: (p) => progress.push(p) })
    expect(sync.bodies.map(rowsIn)).toEqual([500, 500, 200])
    expect(progress).toEqual([
      { done: 500, total: 1200, batch: 1, batches: 3 },
      { done: 1000, total: 1200, batch: 2, batches: 3 },
      { done: 1200, total: 1200, batch: 3, batches: 3 },
    ])
    expect(result).toMatchObject({ rows: 1200, upserted: 1100, deleted: 100, batches: 3 })
    expect(storedIds()).toHaveLength(1100)
    // Order: contacts' upserts first, and the deletes travel last.
    expect(Object.keys(sync.bodies[0]!.upserts!)).toEqual(['contacts', 'deals'])
    expect(sync.bodies[2]!.deletes!.contacts).toHaveLength(100)
  })

  test('sync requests go to the strict tier and carry the bearer token', async () => {
    const events: string[] = []
    await clientFor(fake, {
      hooks: { onRequest: (e) => events.push(`${e.method} ${e.path} ${e.tier}`) },
    }).sync.push(changeSet(3))
    expect(events).toEqual(['POST /v1/sync strict'])
    expect(fake.to('/sync')[0]!.headers.get('authorization')).toMatch(/^Bearer /)
  })

  test('on failure, reports exactly which rows were applied and which are pending; pushing pending resumes without loss or duplicates', async () => {
    const changes = changeSet(1600)
    sync.script = (n) =>
      n === 3 ? { before: nutanError(400, 'validation_error', 'Request validation failed') } : undefined
    const error = (await clientFor(fake)
      .sync.push(changes)
      .catch((e: unknown) => e)) as SyncError
    expect(error).toBeInstanceOf(SyncError)
    expect(error.cause).toBeInstanceOf(BadRequestError)
    expect(error.failedBatch).toBe(2)
    expect(error.applied.rows).toBe(1000)
    expect(error.pendingRows).toBe(600)
    expect(error.message).toMatch(/batch 3 of 4: 1000 of 1600 rows applied, 600 pending/)

    const appliedIds = [...Object.values(error.applied.upserts).flat()]
    const pendingIds = Object.values(error.pending.upserts).flatMap((rows) => rows.map((r) => r.id))
    const allIds = Object.values(changes.upserts).flatMap((rows) => rows.map((r) => r.id))
    expect([...appliedIds, ...pendingIds].sort()).toEqual([...allIds].sort())
    expect(new Set([...appliedIds, ...pendingIds]).size).toBe(1600)
    expect(storedIds()).toEqual([...appliedIds].sort())

    sync.script = () => undefined
    const resumed = await clientFor(fake).sync.push(error.pending)
    expect(resumed.rows).toBe(600)
    expect(storedIds()).toEqual([...allIds].sort())
  })

  test('a batch the server applied but whose answer was lost is pending, and resending it is harmless', async () => {
    sync.script = (n) =>
      n === 2 ? { after: HttpResponse.json({ error: 'gateway' }, { status: 502 }) } : undefined
    const client = clientFor(fake, { maxRetries: 0 })
    const error = (await client.sync.push(changeSet(900)).catch((e: unknown) => e)) as SyncError
    expect(error.cause).toBeInstanceOf(ServerError)
    expect(error.applied.rows).toBe(500)
    expect(error.pendingRows).toBe(400)
    sync.script = () => undefined
    await client.sync.push(error.pending)
    expect(storedIds()).toHaveLength(900)
  })

  test('upsert batches are idempotent, so a transient 503 is retried like a GET', async () => {
    vi.useFakeTimers()
    sync.script = (n) =>
      n === 1 ? { before: HttpResponse.json({ error: 'busy' }, { status: 503 }) } : undefined
    const pushed = clientFor(fake).sync.push(changeSet(10))
    await vi.runAllTimersAsync()
    expect((await pushed).rows).toBe(10)
    expect(sync.bodies).toHaveLength(2)
  })

  test('an aborted push stops before the next batch with the resume report', async () => {
    const controller = new AbortController()
    const error = (await clientFor(fake)
      .sync.push(changeSet(1200), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.batch === 1) controller.abort()
        },
      })
      .catch((e: unknown) => e)) as SyncError
    expect(error).toBeInstanceOf(SyncError)
    expect(error.cause).toBeInstanceOf(AbortError)
    expect(sync.bodies).toHaveLength(1)
    expect(error.applied.rows).toBe(500)
    expect(error.pendingRows).toBe(700)
  })

  test('an invalid change set throws before any request, naming the row', async () => {
    const client = clientFor(fake)
    const error = await client.sync
      .push({ upserts: { contacts: [{ id: 'a' }, { name: 'no id' } as never] } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('upserts.contacts[1].id')
    const typo = await client.sync.push({ upsert: {} } as never).catch((e: unknown) => e)
    expect(typo).toBeInstanceOf(InputValidationError)
    const big = await client.sync.push(changeSet(2), { batchSize: 501 }).catch((e: unknown) => e)
    expect((big as InputValidationError).field).toBe('options.batchSize')
    expect(sync.bodies).toHaveLength(0)
  })

  test('an empty change set sends nothing', async () => {
    const result = await clientFor(fake).sync.push({ upserts: { contacts: [] } })
    expect(result).toMatchObject({ rows: 0, batches: 0 })
    expect(fake.sent).toHaveLength(0)
  })

  test('SyncError.toJSON carries counts, never row contents', async () => {
    sync.script = () => ({ before: nutanError(400, 'validation_error', 'bad') })
    const error = (await clientFor(fake)
      .sync.push({ upserts: { contacts: [{ id: 'c1', email: 'ada@example.com' }] } })
      .catch((e: unknown) => e)) as SyncError
    const json = JSON.stringify(error)
    expect(json).not.toContain('ada@example.com')
    expect(JSON.parse(json)).toMatchObject({
      name: 'SyncError',
      appliedRows: 0,
      pendingRows: 1,
      failedBatch: 0,
    })
  })
})

describe('sync.eraseAll', () => {
  test('refuses without the explicit confirm, before any request', async () => {
    const client = clientFor(fake)
    for (const params of [undefined, {}, { confirm: false }, { confirm: 'yes' }]) {
      const error = await client.sync.eraseAll(params as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toMatch(/^(confirm)?$/)
    }
    expect(fake.sent).toHaveLength(0)
    expect(sync.erased).toBe(0)
  })

  test('with confirm: true, sends DELETE /v1/sync in the strict tier', async () => {
    const tiers: string[] = []
    const client = clientFor(fake, { hooks: { onRequest: (e) => tiers.push(e.tier) } })
    await client.sync.push(changeSet(3))
    const result = await client.sync.eraseAll({ confirm: true })
    expect(result).toEqual({ erased: true, rows: 3 })
    expect(fake.to('/sync', 'DELETE')).toHaveLength(1)
    expect(tiers).toEqual(['strict', 'strict'])
  })

  test('is never retried once the server may have acted', async () => {
    fake.use(http.delete(`${BASE}/sync`, () => HttpResponse.json({ error: 'unavailable' }, { status: 503 })))
    const error = await clientFor(fake)
      .sync.eraseAll({ confirm: true })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(fake.to('/sync', 'DELETE')).toHaveLength(1)
  })
})
