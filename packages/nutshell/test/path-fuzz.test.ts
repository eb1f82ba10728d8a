// "Paths cannot be steered": every public method that takes an id (found by reflection over the client's
// resources, so a new method is covered without editing this file) is called with generated hostile ids.
// Each call either rejects with an SdkError before any request, or sends only requests whose path the URL
// parser leaves as written and that differ from the same call with a benign id in the id segment alone.
import { InputValidationError, SdkError } from '@x/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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

interface Recorded {
  method: string
  raw: string
}

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

/** The parameter names of a method, read from its source (`get(ids, options)` → ['ids', 'options']). */
function paramNames(fn: (...args: unknown[]) => unknown): string[] {
  const source = fn.toString()
  const open = source.indexOf('(')
  let depth = 0
  let end = open
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i]!)) depth++
    else if (')]}'.includes(source[i]!) && --depth === 0) {
      end = i
      break
    }
  }
  const names: string[] = []
  let piece = ''
  depth = 0
  for (const ch of source.slice(open + 1, end)) {
    if ('([{'.includes(ch)) depth++
    if (')]}'.includes(ch)) depth--
    if (ch === ',' && depth === 0) {
      names.push(piece)
      piece = ''
    } else piece += ch
  }
  names.push(piece)
  return names.map((p) => /^\s*(?:\.\.\.)?([\w$]+)/.exec(p)?.[1] ?? '').filter(Boolean)
}

const isIdParam = (name: string) => name === 'id' || name === 'ids' || /Id$/.test(name)

// Methods on resource prototypes that TypeScript marks private (not reachable by a caller).
const PRIVATE = new Set(['leads.outcomeId'])

// Benign values for the other parameters of id-taking methods; a method missing here fails the benign
// check below with a message saying to add it.
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

interface Target {
  resource: string
  method: string
  params: string[]
  /** Index of the parameter fuzzed. */
  at: number
}

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

function call(ns: NutshellClient, t: Target, value: unknown): PromiseLike<unknown> {
  const args = t.params.map((name, i) => (i === t.at ? value : benignFor(name)))
  const resource = (
    ns as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>
  )[t.resource]!
  return resource[t.method]!(...args)
}

function rawPath(raw: string): string {
  const origin = new URL(raw).origin
  expect(raw.startsWith(origin)).toBe(true)
  return raw.slice(origin.length).split(/[?#]/)[0]!
}

// Hostile ids: dot segments (plain and encoded), separators, controls, lone surrogates, odd numbers and
// non-string values, then arbitrary strings of every kind.
const FIXED: unknown[] = [
  '',
  '.',
  '..',
  '...',
  '%2e',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e.',
  '../x',
  '..%2f',
  '..%2F..',
  'a/b',
  '/',
  '//x',
  '?x',
  '#x',
  'a?b=c',
  '\\',
  '..\\x',
  'a\\b',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  'a\u0000b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\uD800',
  '\uDFFF',
  'a\uD800',
  '\uDC00a',
  '😀',
  'ü-leads',
  '１-leads',
  '.'.repeat(3),
  'x'.repeat(10_000),
  '1-leads,2-leads',
  '1,2',
  '-1',
  -1,
  0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 60,
  -0,
  Number.MAX_SAFE_INTEGER + 1,
  null,
  undefined,
  true,
  10n,
  Symbol('..'),
  () => '..',
  {},
  { id: '..' },
  { toString: () => '..' },
  new String('..'),
  new Date(0),
  [],
  ['..'],
  ['1-leads', '../x'],
  ['1-leads', '\uD800'],
  [1, 2, Number.NaN],
  [[1]],
  [{}],
]

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('.', '/', '\\', '%', '2', 'e', 'E', 'f', '?', '#', 'a', '\u0000', '\uD800'),
  }),
  fc.string({ minLength: 500, maxLength: 3000 }),
)
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.array(fc.oneof(hostileString, fc.integer(), fc.double()), { maxLength: 4 }),
  fc.object(),
)

const RUNS_PER_TARGET = 110

describe('paths cannot be steered (Nutshell REST)', () => {
  const { ns, sent } = recordingClient()
  const all = targets(ns)
  let calls = 0

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

  for (const t of all) {
    const label = `${t.resource}.${t.method}(${t.params[t.at]})`
    it(`${label}: hostile ids reject before any request or keep the path`, async () => {
      sent.length = 0
      await call(ns, t, BENIGN_ID)
      const benign = sent.map((r) => ({ method: r.method, segments: rawPath(r.raw).split('/') }))
      expect(
        benign.length,
        `${label} with a benign id must send a request (add its arguments to BENIGN_ARGS)`,
      ).toBeGreaterThan(0)
      const idAt = benign.map(
        (r) => new Set(r.segments.flatMap((s, i) => (s.includes(BENIGN_ID) ? [i] : []))),
      )

      const check = async (value: unknown) => {
        calls++
        sent.length = 0
        let outcome: { ok: true } | { ok: false; error: unknown }
        try {
          await call(ns, t, value)
          outcome = { ok: true }
        } catch (error) {
          outcome = { ok: false, error }
        }
        if (!outcome.ok) {
          const error = outcome.error
          expect(error, `${label}: ${String(error)}`).toBeInstanceOf(SdkError)
          if (error instanceof InputValidationError)
            expect(sent, `${label}: sent before refusing`).toEqual([])
        }
        expect(sent.length).toBeLessThanOrEqual(benign.length)
        sent.forEach((request, i) => {
          const path = rawPath(request.raw)
          expect(new URL(request.raw).pathname, `${label}: the URL parser rewrote ${path}`).toBe(path)
          const segments = path.split('/')
          expect(request.method).toBe(benign[i]!.method)
          expect(segments.length, `${label}: ${path}`).toBe(benign[i]!.segments.length)
          segments.forEach((s, j) => {
            if (!idAt[i]!.has(j)) expect(s, `${label}: ${path}`).toBe(benign[i]!.segments[j])
          })
        })
      }

      for (const value of FIXED) await check(value)
      await fc.assert(fc.asyncProperty(hostileValue, check), { numRuns: RUNS_PER_TARGET })
    })
  }

  it('made thousands of calls', () => {
    expect(calls).toBeGreaterThanOrEqual(3000)
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
