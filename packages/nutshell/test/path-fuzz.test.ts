// "Paths cannot be steered": every public method that takes an id (found from the operation tables, so a
// new operation is covered without editing this file) is called with generated hostile ids by
// the shared harness (core's path-fuzz.support.ts). Here: the client, its targets and benign arguments.
import { InputValidationError, pathParamNames } from '@x/core'
import { describe, expect, it } from 'vitest'
import { fuzzPaths, isIdParam, type Recorded, type Target } from '../../core/test/path-fuzz.support'
import { NutshellClient } from '../src'
import { OPERATION_TABLES } from '../src/operations'
import type { Operation } from '../src/operations/operation'

const BASE = 'https://app.nutshell.test/rest'
const RECORD = { id: '1-leads', type: 'leads', name: 'Record', links: {} }
// One plausible body for every request: each table's records array holds a record.
const KEYS = Object.values(OPERATION_TABLES).flatMap((table) =>
  Object.values(table as Record<string, Operation>).map(
    (op) => (op.returns as { key?: string }).key ?? 'records',
  ),
)
const BODY = JSON.stringify({ meta: { total: 1 }, ...Object.fromEntries(KEYS.map((k) => [k, [RECORD]])) })

/** A client whose fetch records each request's raw URL string and answers 200 with BODY. */
function recordingClient(): { ns: NutshellClient; sent: Recorded[] } {
  const sent: Recorded[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof input !== 'string') throw new Error('the transport must hand fetch the URL string it built')
    sent.push({ method: init?.method ?? 'GET', raw: input })
    return new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } })
  }
  const ns = new NutshellClient({
    email: 'fuzz@example.test',
    apiKey: 'key',
    baseUrl: BASE,
    fetch,
    maxRetries: 0,
  })
  return { ns, sent }
}

// Benign values for the other parameters of id-taking methods; a method missing here fails the benign
// check with a message saying to add it.
const BENIGN_ARGS: Record<string, (name: string) => unknown> = {
  changes: () => ({ name: 'Renamed' }),
  outcome: () => ({ outcomeId: '5-outcomes' }),
  options: () => undefined,
}
// The fuzzed parameter's benign value, and every other id parameter's: distinct, so the id segment found
// from the benign call is the fuzzed parameter's own.
const BENIGN_ID = '424242'
const OTHER_ID = '777'
const benignFor = (name: string): unknown => (isIdParam(name) ? OTHER_ID : BENIGN_ARGS[name]?.(name))

/** A method's parameter names: its path parameters (`ids` where a list is taken), its input, its options. */
function paramsOf(op: Operation): string[] {
  const many = op.returns.kind === 'record' && op.returns.ids === 'many'
  const names = pathParamNames(op.path).map((name) => (name === 'id' && many ? 'ids' : name))
  if (op.input) names.push(op.inputName ?? 'input')
  return [...names, 'options']
}

/**
 * Every (method, id parameter) pair of the client's tables whose other arguments have a benign value
 * here (an input with required fields is fuzzed by operations.test.ts, which builds one per operation).
 */
function targets(): Target[] {
  const out: Target[] = []
  for (const [resource, table] of Object.entries(OPERATION_TABLES)) {
    for (const [method, op] of Object.entries(table as Record<string, Operation>)) {
      const params = paramsOf(op)
      const name = op.inputName ?? 'input'
      if (
        op.input &&
        !(name in BENIGN_ARGS) &&
        !isIdParam(name) &&
        !op.input.safeParse(undefined).success &&
        !op.input.safeParse({}).success
      )
        continue
      params.forEach((param, at) => {
        if (isIdParam(param)) out.push({ resource, method, params, at })
      })
    }
  }
  return out
}

// Hostile ids shaped like Nutshell's (`1-leads`, comma-joined lists), after the shared ones.
const FIXED: unknown[] = [
  'ü-leads',
  '１-leads',
  '.'.repeat(3),
  '1-leads,2-leads',
  '1,2',
  Number.MAX_SAFE_INTEGER + 1,
  ['1-leads', '../x'],
  ['1-leads', '\uD800'],
  [1, 2, Number.NaN],
  [{}],
]

const RUNS_PER_TARGET = 110

describe('paths cannot be steered (Nutshell REST)', () => {
  const { ns, sent } = recordingClient()
  const all = targets()

  it('finds the id-taking methods from the operation tables', () => {
    const names = all.map((t) => `${t.resource}.${t.method}(${t.params[t.at]})`)
    for (const expected of [
      'leads.get(ids)',
      'leads.delete(id)',
      'leads.close(id)',
      'leads.setPipeline(stagesetId)',
      'leads.products(id)',
      'contacts.delete(id)',
      'activities.update(id)',
      'tags.undelete(id)',
      'users.get(ids)',
    ]) {
      expect(names).toContain(expected)
    }
    expect(all.length).toBeGreaterThanOrEqual(30)
  })

  fuzzPaths({
    client: ns,
    sent,
    targets: all,
    benignId: BENIGN_ID,
    benignFor,
    fixed: FIXED,
    runsPerTarget: RUNS_PER_TARGET,
  })
})

describe('dot segments', () => {
  it("leads.delete('..') rejects with an InputValidationError on `id`, sending nothing", async () => {
    const { ns, sent } = recordingClient()
    const error = await ns.leads.delete('..').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect((error as InputValidationError).message).toContain('leads.delete')
    expect(sent).toEqual([])
  })

  it('names the offending member of a multi-id get', async () => {
    const { ns, sent } = recordingClient()
    const error = await ns.leads.get(['1-leads', '2-leads', '.']).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('ids[2]')
    expect(sent).toEqual([])
  })

  it('a lone surrogate is an InputValidationError, not a URIError', async () => {
    const { ns, sent } = recordingClient()
    await expect(ns.contacts.get('\uD800')).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toEqual([])
  })
})

describe('bodies and queries are plain data', () => {
  it('a circular create input is an InputValidationError naming the field, before any request', async () => {
    const { ns, sent } = recordingClient()
    const loop: Record<string, unknown> = { name: 'x' }
    loop.self = loop
    const error = await Promise.resolve(ns.leads.create({ description: 'd', extra: loop } as never)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('extra.self')
    expect(sent).toEqual([])
  })

  it('a bigint in a patch is an InputValidationError, before any request', async () => {
    const { ns, sent } = recordingClient()
    await expect(ns.leads.update('1-leads', { customFields: { n: 10n } } as never)).rejects.toBeInstanceOf(
      InputValidationError,
    )
    expect(sent).toEqual([])
  })

  it('a malformed refetch source is an InputValidationError, and its ids are checked like any other', async () => {
    const { ns, sent } = recordingClient()
    for (const source of [
      null,
      {},
      [{}],
      { refetch: { leads: 'x' } },
      [{ entityType: 'leads', recordIds: [1] }],
    ]) {
      await expect(ns.refetch(source as never)).rejects.toBeInstanceOf(InputValidationError)
    }
    const batch = { refetch: { leads: ['1-leads', '..'] } }
    await expect(ns.refetch(batch as never)).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toEqual([])
  })

  it('circular JSON-RPC params are an InputValidationError', async () => {
    const { ns } = recordingClient()
    const loop: Record<string, unknown> = {}
    loop.self = loop
    await expect(ns.rpc.call('getLead', { leadId: 1, loop })).rejects.toBeInstanceOf(InputValidationError)
  })
})
