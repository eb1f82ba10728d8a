// "Paths cannot be steered": every public method that takes an id (found by reflection over the client's
// resources, so a new method is covered without editing this file) is called with generated hostile ids by
// the shared harness (core's path-fuzz.support.ts). Here: the client, its targets and benign arguments.
import { InputValidationError } from '@x/core'
import { describe, expect, it } from 'vitest'
import {
  fuzzPaths,
  isIdParam,
  paramNames,
  type Recorded,
  type Target,
} from '../../core/test/path-fuzz.support'
import { NutshellClient } from '../src'

const BASE = 'https://app.nutshell.test/rest'
const RECORD = { id: '1-leads', type: 'leads', name: 'Record', links: {} }
// One plausible body for every request: each collection's array holds a record.
const KEYS = [
  'leads',
  'contacts',
  'accounts',
  'activities',
  'tasks',
  'notes',
  'products',
  'productMaps',
  'users',
  'tags',
  'sources',
  'outcomes',
  'stagesets',
  'stages',
]
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

// Methods on resource prototypes that TypeScript marks private (not reachable by a caller).
const PRIVATE = new Set(['leads.outcomeId'])

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

/** Every (public method, id parameter) pair of the client's resources. */
function targets(ns: NutshellClient): Target[] {
  const out: Target[] = []
  for (const [resource, value] of Object.entries(ns)) {
    if (resource === 'transport' || resource === 'rpc' || typeof value !== 'object' || value === null)
      continue
    const proto = Object.getPrototypeOf(value) as Record<string, unknown>
    for (const method of Object.getOwnPropertyNames(proto)) {
      const fn = proto[method]
      if (method === 'constructor' || typeof fn !== 'function' || PRIVATE.has(`${resource}.${method}`))
        continue
      const params = paramNames(fn as (...args: unknown[]) => unknown)
      params.forEach((name, at) => {
        if (isIdParam(name)) out.push({ resource, method, params, at })
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
  const all = targets(ns)

  it('finds the id-taking methods by reflection', () => {
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
