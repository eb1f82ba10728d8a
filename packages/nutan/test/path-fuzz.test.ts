// "Paths cannot be steered": every public method that takes an id (found from the operation tables, so a
// new operation is covered without editing this file) is called with generated hostile ids by the shared
// harness (core's path-fuzz.support.ts). Here: the client, its targets and benign arguments.
import { InputValidationError, type Limiter, pathParamNames } from '@x/core'
import { describe, expect, it } from 'vitest'
import { fuzzPaths, isIdParam, type Recorded, type Target } from '../../core/test/path-fuzz.support'
import { NUTAN_OPERATION_TABLES, NutanClient } from '../src'
import type { Operation } from '../src/operations/operation'

const BASE = 'https://api.nutan.test/v1'
const RECORD = { id: 'rec_1', name: 'Record', title: 'Record' }
const UNLIMITED: Limiter = { schedule: (fn) => fn() }

/** A client whose fetch records each request's raw URL string and answers as the API would. */
function recordingClient(): { nutan: NutanClient; sent: Recorded[] } {
  const sent: Recorded[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof input !== 'string') throw new Error('the transport must hand fetch the URL string it built')
    const method = init?.method ?? 'GET'
    sent.push({ method, raw: input })
    if (method === 'DELETE') return new Response(null, { status: 204 })
    if (method === 'GET') return Response.json({ data: [RECORD], total: 1, limit: 50, offset: 0 })
    return Response.json(RECORD)
  }
  const nutan = new NutanClient({
    accessToken: 'fuzz-token',
    baseUrl: BASE,
    fetch,
    maxRetries: 0,
    limiter: { global: UNLIMITED, strict: UNLIMITED },
  })
  return { nutan, sent }
}

// Benign values for the other parameters of id-taking methods; a method missing one fails the benign
// check with a message saying to add it.
const BENIGN_ARGS: Record<string, () => unknown> = {
  params: () => ({ limit: 10 }),
  changes: () => ({ notes: 'x' }),
  participant: () => ({ name: 'Ada' }),
  options: () => undefined,
}
// The fuzzed parameter's benign value, and every other id parameter's: distinct.
const BENIGN_ID = 'rec_424242'
const OTHER_ID = 'rec_777'
const benignFor = (name: string): unknown => (isIdParam(name) ? OTHER_ID : BENIGN_ARGS[name]?.())

/** A method's parameter names: its path parameters, its input (`params` unless named), its options. */
function paramsOf(op: Operation): string[] {
  const names = pathParamNames(op.path)
  if (op.input) names.push(op.inputName ?? 'params')
  return [...names, 'options']
}

/** Every (method, path parameter) pair of the client's operation tables. */
function targets(): Target[] {
  const out: Target[] = []
  for (const [resource, table] of Object.entries(NUTAN_OPERATION_TABLES)) {
    for (const [method, op] of Object.entries(table as Record<string, Operation>)) {
      const params = paramsOf(op)
      params.forEach((name, at) => {
        if (isIdParam(name)) out.push({ resource, method, params, at })
      })
    }
  }
  return out
}

// Hostile ids shaped like Nutan's, after the shared ones.
const FIXED: unknown[] = ['ü', '１', 'a,b', 1, ['rec_1', '../x'], ['rec_1', '\uD800']]

const RUNS_PER_TARGET = 250

describe('paths cannot be steered (Nutan)', () => {
  const { nutan, sent } = recordingClient()
  const all = targets()

  it('finds the id-taking methods from the operation tables', () => {
    const names = all.map((t) => `${t.resource}.${t.method}`)
    for (const expected of [
      'contacts.update',
      'contacts.delete',
      'deals.update',
      'deals.delete',
      'deals.signals',
      'deals.objections',
      'meetings.delete',
      'meetings.participants',
      'meetings.addParticipant',
      'actionItems.update',
      'actionItems.delete',
    ]) {
      expect(names).toContain(expected)
    }
  })

  fuzzPaths({
    client: nutan,
    sent,
    targets: all,
    benignId: BENIGN_ID,
    benignFor,
    fixed: FIXED,
    runsPerTarget: RUNS_PER_TARGET,
  })
})

describe('dot segments and unsendable values', () => {
  it("deals.delete('..') rejects with an InputValidationError on `id`, sending nothing", async () => {
    const { nutan, sent } = recordingClient()
    const error = await nutan.deals.delete('..').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect((error as InputValidationError).message).toContain('deals.delete')
    expect(sent).toEqual([])
  })

  it('a lone surrogate is an InputValidationError, not a URIError', async () => {
    const { nutan, sent } = recordingClient()
    await expect(nutan.contacts.delete('\uD800')).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toEqual([])
  })

  it('a circular list param is an InputValidationError naming the unknown key, not a RangeError', async () => {
    const { nutan, sent } = recordingClient()
    const loop: Record<string, unknown> = { a: { b: {} } }
    ;(loop.a as { b: Record<string, unknown> }).b.c = loop
    const error = await Promise.resolve(nutan.deals.list({ filter: loop } as never)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('filter')
    expect((error as InputValidationError).message).toContain('deals.list')
    expect(sent).toEqual([])
  })

  it('a circular or bigint body is an InputValidationError before any request', async () => {
    const { nutan, sent } = recordingClient()
    const loop: Record<string, unknown> = {}
    loop.self = loop
    await expect(nutan.deals.create({ name: 'D', extra: loop } as never)).rejects.toBeInstanceOf(
      InputValidationError,
    )
    await expect(nutan.contacts.update('con_1', { n: 10n } as never)).rejects.toBeInstanceOf(
      InputValidationError,
    )
    const push = nutan.sync.push({ upserts: { deals: [{ id: 'd1', loop }] } })
    await expect(push).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toEqual([])
  })
})
