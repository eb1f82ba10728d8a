// "Paths cannot be steered": every public method that takes an id (found by reflection over the client's
// resources, so a new method is covered without editing this file) is called with generated hostile ids.
// Each call either rejects with an SdkError before any request, or sends only requests whose path the URL
// parser leaves as written and that differ from the same call with a benign id in the id segment alone.
import { InputValidationError, type Limiter, SdkError } from '@x/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NutanClient } from '../src'

const BASE = 'https://api.nutan.test/v1'
const RECORD = { id: 'rec_1', name: 'Record', title: 'Record' }
const UNLIMITED: Limiter = { schedule: (fn) => fn() }

interface Recorded {
  method: string
  raw: string
}

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
    rateLimits: { global: UNLIMITED, strict: UNLIMITED },
  })
  return { nutan, sent }
}

/** The parameter names of a method, read from its source (`update(id, params, options)`). */
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

// Benign values for the other parameters of id-taking methods; a method missing one fails the benign
// check below with a message saying to add it.
const BENIGN_ARGS: Record<string, () => unknown> = {
  params: () => ({ notes: 'x' }),
  participant: () => ({ name: 'Ada' }),
  options: () => undefined,
}
// The fuzzed parameter's benign value, and every other id parameter's: distinct.
const BENIGN_ID = 'rec_424242'
const OTHER_ID = 'rec_777'
const benignFor = (name: string): unknown => (isIdParam(name) ? OTHER_ID : BENIGN_ARGS[name]?.())

interface Target {
  resource: string
  method: string
  params: string[]
  at: number
}

/** Every (public method, id parameter) pair of the client's resources. */
function targets(nutan: NutanClient): Target[] {
  const out: Target[] = []
  for (const [resource, value] of Object.entries(nutan)) {
    if (typeof value !== 'object' || value === null) continue
    const proto = Object.getPrototypeOf(value) as Record<string, unknown>
    for (const method of Object.getOwnPropertyNames(proto)) {
      const fn = proto[method]
      if (method === 'constructor' || typeof fn !== 'function') continue
      const params = paramNames(fn as (...args: unknown[]) => unknown)
      params.forEach((name, at) => {
        if (isIdParam(name)) out.push({ resource, method, params, at })
      })
    }
  }
  return out
}

function call(nutan: NutanClient, t: Target, value: unknown): PromiseLike<unknown> {
  const args = t.params.map((name, i) => (i === t.at ? value : benignFor(name)))
  const resource = (
    nutan as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>
  )[t.resource]!
  return resource[t.method]!(...args)
}

function rawPath(raw: string): string {
  const origin = new URL(raw).origin
  expect(raw.startsWith(origin)).toBe(true)
  return raw.slice(origin.length).split(/[?#]/)[0]!
}

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
  'ü',
  '１',
  'x'.repeat(10_000),
  'a,b',
  '-1',
  -1,
  0,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  2 ** 60,
  -0,
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
  ['rec_1', '../x'],
  ['rec_1', '\uD800'],
  [[1]],
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

const RUNS_PER_TARGET = 250

describe('paths cannot be steered (Nutan)', () => {
  const { nutan, sent } = recordingClient()
  const all = targets(nutan)
  let calls = 0

  it('finds the id-taking methods by reflection', () => {
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

  for (const t of all) {
    const label = `${t.resource}.${t.method}(${t.params[t.at]})`
    it(`${label}: hostile ids reject before any request or keep the path`, async () => {
      sent.length = 0
      await call(nutan, t, BENIGN_ID)
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
          await call(nutan, t, value)
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

  it('a circular list param is an InputValidationError naming the key path, not a RangeError', async () => {
    const { nutan, sent } = recordingClient()
    const loop: Record<string, unknown> = { a: { b: {} } }
    ;(loop.a as { b: Record<string, unknown> }).b.c = loop
    const error = await Promise.resolve(nutan.deals.list({ filter: loop } as never)).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('filter.a.b.c')
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
