import { AbortError, BadRequestError, InputValidationError, ServerError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { SyncError, type SyncProgress } from '../src'
import { changeSet, type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
})
afterEach(() => {
  vi.useRealTimers()
})

const SYNC = { method: 'POST', path: '/v1/sync' }

const rowsIn = (body: { upserts?: Record<string, unknown[]>; deletes?: Record<string, unknown[]> }) =>
  Object.values(body.upserts ?? {}).flat().length + Object.values(body.deletes ?? {}).flat().length

/** Bodies of the sync pushes the client sent, in order. */
const bodies = () => server.to('/sync', 'POST').map((s) => s.body)
/** Ids of every row the simulator holds from sync pushes. */
const storedIds = () =>
  Object.values(server.sim.db.synced)
    .flatMap((table) => [...table.keys()])
    .sort()
/** Pushes the simulator answered 200 to: the ones it applied. */
const applied = () => server.to('/sync', 'POST').filter((s) => s.status === 200)

describe('sync.push', () => {
  test('splits 1,200 rows into requests of at most 500, in order, reporting progress', async () => {
    const progress: SyncProgress[] = []
    const changes = changeSet(1100, 100)
    const result = await server.client().sync.push(changes, { onProgress: (p) => progress.push(p) })
    expect(bodies().map(rowsIn)).toEqual([500, 500, 200])
    expect(applied()).toHaveLength(3)
    expect(progress).toEqual([
      { done: 500, total: 1200, batch: 1, batches: 3 },
      { done: 1000, total: 1200, batch: 2, batches: 3 },
      { done: 1200, total: 1200, batch: 3, batches: 3 },
    ])
    expect(result).toMatchObject({ rows: 1200, upserted: 1100, deleted: 100, batches: 3 })
    expect(storedIds()).toHaveLength(1100)
    // Order: contacts' upserts first, and the deletes travel last.
    expect(Object.keys(bodies()[0]!.upserts!)).toEqual(['contacts', 'deals'])
    expect(bodies()[2]!.deletes!.contacts).toHaveLength(100)
  })

  test('sync requests go to the strict tier and carry the bearer token', async () => {
    const events: string[] = []
    await server
      .client({ hooks: { onRequest: (e) => events.push(`${e.method} ${e.path} ${e.tier}`) } })
      .sync.push(changeSet(3))
    expect(events).toEqual(['POST /v1/sync strict'])
    expect(server.to('/sync')[0]!.headers.get('authorization')).toMatch(/^Bearer /)
    expect(server.to('/sync')[0]!.status).toBe(200)
  })

  test('on failure, reports exactly which rows were applied and which are pending; pushing pending resumes without loss or duplicates', async () => {
    const changes = changeSet(1600)
    // The third push is refused with a 400 (nothing of it applied).
    server.sim.faults.set({ error: { at: [3], status: 400, match: SYNC } })
    const error = (await server
      .client()
      .sync.push(changes)
      .catch((e: unknown) => e)) as SyncError
    expect(server.to('/sync').map((s) => s.status)).toEqual([200, 200, 400])
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

    server.sim.faults.clear()
    const resumed = await server.client().sync.push(error.pending)
    expect(resumed.rows).toBe(600)
    expect(storedIds()).toEqual([...allIds].sort())
  })

  test('a batch the server applied but whose answer was lost is pending, and resending it is harmless', async () => {
    // The second push reaches the simulator, which applies it; a gateway then answers 502 instead.
    let pushes = 0
    server.use(
      http.post('*/v1/sync', async ({ request }) => {
        if (++pushes !== 2) return undefined
        await server.sim.fetch(request)
        return HttpResponse.json({ error: 'bad_gateway', message: 'Bad gateway' }, { status: 502 })
      }),
    )
    const client = server.client({ maxRetries: 0 })
    const error = (await client.sync.push(changeSet(900)).catch((e: unknown) => e)) as SyncError
    expect(error.cause).toBeInstanceOf(ServerError)
    expect(error.applied.rows).toBe(500)
    expect(error.pendingRows).toBe(400)
    // The lost batch is stored already.
    expect(storedIds()).toHaveLength(900)
    await client.sync.push(error.pending)
    expect(storedIds()).toHaveLength(900)
    expect(server.to('/sync', 'POST')).toHaveLength(3)
  })

  test('upsert batches are idempotent, so a transient 503 is retried like a GET', async () => {
    vi.useFakeTimers()
    server.sim.faults.next({ status: 503, match: SYNC })
    const pushed = server.client().sync.push(changeSet(10))
    await vi.runAllTimersAsync()
    expect((await pushed).rows).toBe(10)
    expect(server.to('/sync').map((s) => s.status)).toEqual([503, 200])
    expect(storedIds()).toHaveLength(10)
  })

  test('an aborted push stops before the next batch with the resume report', async () => {
    const controller = new AbortController()
    const error = (await server
      .client()
      .sync.push(changeSet(1200), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.batch === 1) controller.abort()
        },
      })
      .catch((e: unknown) => e)) as SyncError
    expect(error).toBeInstanceOf(SyncError)
    expect(error.cause).toBeInstanceOf(AbortError)
    expect(bodies()).toHaveLength(1)
    expect(storedIds()).toHaveLength(500)
    expect(error.applied.rows).toBe(500)
    expect(error.pendingRows).toBe(700)
  })

  test('an invalid change set throws before any request, naming the row', async () => {
    const client = server.client()
    const error = await client.sync
      .push({ upserts: { contacts: [{ id: 'a' }, { name: 'no id' } as never] } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('upserts.contacts[1].id')
    const typo = await client.sync.push({ upsert: {} } as never).catch((e: unknown) => e)
    expect(typo).toBeInstanceOf(InputValidationError)
    const big = await client.sync.push(changeSet(2), { batchSize: 501 }).catch((e: unknown) => e)
    expect((big as InputValidationError).field).toBe('options.batchSize')
    expect(bodies()).toHaveLength(0)
  })

  test('an empty change set sends nothing', async () => {
    const result = await server.client().sync.push({ upserts: { contacts: [] } })
    expect(result).toMatchObject({ rows: 0, batches: 0 })
    expect(server.sent).toHaveLength(0)
  })

  test('SyncError.toJSON carries counts, never row contents', async () => {
    server.sim.faults.next({ status: 400, match: SYNC })
    const error = (await server
      .client()
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
    const client = server.client()
    const contacts = server.sim.db.contacts.size
    for (const params of [undefined, {}, { confirm: false }, { confirm: 'yes' }]) {
      const error = await client.sync.eraseAll(params as never).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toMatch(/^(confirm)?$/)
    }
    expect(server.sent).toHaveLength(0)
    expect(server.sim.db.contacts.size).toBe(contacts)
  })

  test('with confirm: true, sends DELETE /v1/sync in the strict tier', async () => {
    const tiers: string[] = []
    const client = server.client({ hooks: { onRequest: (e) => tiers.push(e.tier) } })
    await client.sync.push(changeSet(3))
    expect(storedIds()).toHaveLength(3)
    const db = server.sim.db
    const everything =
      storedIds().length +
      db.usage.length +
      [db.contacts, db.deals, db.meetings, db.participants, db.actionItems, db.signals, db.objections].reduce(
        (n, table) => n + table.size,
        0,
      )
    const result = await client.sync.eraseAll({ confirm: true })
    expect(result).toEqual({ erased: true, rows: everything })
    expect(storedIds()).toHaveLength(0)
    expect(server.sim.db.contacts.size).toBe(0)
    expect(server.to('/sync', 'DELETE')).toHaveLength(1)
    expect(tiers).toEqual(['strict', 'strict'])
  })

  test('is never retried once the server may have acted', async () => {
    server.sim.faults.next({ status: 503, match: { method: 'DELETE', path: '/v1/sync' } })
    const error = await server
      .client()
      .sync.eraseAll({ confirm: true })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(server.to('/sync', 'DELETE')).toHaveLength(1)
  })
})
