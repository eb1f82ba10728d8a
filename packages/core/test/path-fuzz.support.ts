// Shared by the path-fuzz tests of every client: "paths cannot be steered". Each client finds its id-taking
// methods (by reflection, with `paramNames`) and says how to call them; this harness calls each one with a
// benign id, then with fixed and generated hostile ids, and checks that every call either rejects with an
// SdkError before any request, or sends only requests whose path the URL parser leaves as written and that
// differ from the benign call's in the id segment alone.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { InputValidationError, SdkError } from '../src'

/** One request as the client's fetch saw it: the method and the raw URL string the transport built. */
export interface Recorded {
  method: string
  raw: string
}

/** One (public method, id parameter) pair of a client's resources. */
export interface Target {
  resource: string
  method: string
  params: string[]
  /** Index of the parameter fuzzed. */
  at: number
}

/** The parameter names of a method, read from its source (`update(id, params, options)`). */
export function paramNames(fn: (...args: unknown[]) => unknown): string[] {
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

/** Whether a parameter takes an id: `id`, `ids` or `…Id`. */
export const isIdParam = (name: string) => name === 'id' || name === 'ids' || /Id$/.test(name)

/** The path of a raw URL string as sent (before `?` or `#`), not as the URL parser would rewrite it. */
export function rawPath(raw: string): string {
  const origin = new URL(raw).origin
  expect(raw.startsWith(origin)).toBe(true)
  return raw.slice(origin.length).split(/[?#]/)[0]!
}

/**
 * Hostile ids every client is called with: dot segments (plain and encoded), separators, controls, lone
 * surrogates, odd numbers and non-string values. Each client adds its own (ids shaped like its records).
 */
export const HOSTILE_IDS: readonly unknown[] = [
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
  'x'.repeat(10_000),
  '-1',
  -1,
  0,
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
/** Generated hostile ids: arbitrary strings of every kind, numbers, bigints, arrays and objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.array(fc.oneof(hostileString, fc.integer(), fc.double()), { maxLength: 4 }),
  fc.object(),
)

/** What a client's path-fuzz test hands the harness. */
export interface PathFuzz {
  /** The client whose resources the targets name. */
  client: object
  /** The requests its fetch recorded; the harness empties it before each call. */
  sent: Recorded[]
  targets: readonly Target[]
  /** The fuzzed parameter's benign value. */
  benignId: string
  /** A benign value for every other parameter (other ids: a value distinct from `benignId`). */
  benignFor: (name: string) => unknown
  /** The client's own fixed hostile ids, called after HOSTILE_IDS. */
  fixed: readonly unknown[]
  /** Generated hostile ids per target. */
  runsPerTarget: number
}

/**
 * Registers, in the enclosing `describe`, one test per target (benign call, then every hostile id, checking
 * the outcome and the path shape) and a last test that the whole run made thousands of calls.
 */
export function fuzzPaths(spec: PathFuzz): void {
  const { client, sent, benignId } = spec
  const fixed = [...HOSTILE_IDS, ...spec.fixed]
  let calls = 0

  const call = (t: Target, value: unknown): PromiseLike<unknown> => {
    const args = t.params.map((name, i) => (i === t.at ? value : spec.benignFor(name)))
    const resource = (
      client as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>
    )[t.resource]!
    return resource[t.method]!(...args)
  }

  for (const t of spec.targets) {
    const label = `${t.resource}.${t.method}(${t.params[t.at]})`
    it(`${label}: hostile ids reject before any request or keep the path`, async () => {
      sent.length = 0
      await call(t, benignId)
      const benign = sent.map((r) => ({ method: r.method, segments: rawPath(r.raw).split('/') }))
      expect(
        benign.length,
        `${label} with a benign id must send a request (add its arguments to BENIGN_ARGS)`,
      ).toBeGreaterThan(0)
      const idAt = benign.map((r) => new Set(r.segments.flatMap((s, i) => (s.includes(benignId) ? [i] : []))))

      const check = async (value: unknown) => {
        calls++
        sent.length = 0
        let outcome: { ok: true } | { ok: false; error: unknown }
        try {
          await call(t, value)
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

      for (const value of fixed) await check(value)
      await fc.assert(fc.asyncProperty(hostileValue, check), { numRuns: spec.runsPerTarget })
    })
  }

  it('made thousands of calls', () => {
    expect(calls).toBeGreaterThanOrEqual(3000)
  })
}
