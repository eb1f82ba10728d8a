import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod/mini'
import { checkResponse } from '../src'
import { closureCheck } from '../src/validation/closure-check'
import { compileCheck } from '../src/validation/compile-check'
import type { SchemaNode } from '../src/validation/describe-schema'
import { generatedCheck } from '../src/validation/generated-check'

const place = { method: 'GET', path: '/leads' }
const Lead = z.looseObject({
  id: z.string(),
  status: z.nullish(z.enum(['open', 'won'])),
  value: z.nullish(z.looseObject({ amount: z.union([z.string(), z.number()]) })),
  links: z.optional(z.record(z.string(), z.union([z.string(), z.null(), z.array(z.string())]))),
  tags: z.optional(z.array(z.string())),
  strictPart: z.optional(z.strictObject({ a: z.boolean() })),
  kind: z.optional(z.literal('leads')),
})
const Body = z.looseObject({ leads: z.array(Lead), meta: z.optional(z.looseObject({ total: z.number() })) })

const good = {
  leads: [
    {
      id: '1-leads',
      status: 'open',
      value: { amount: '10.00' },
      links: { owner: '1-users', outcome: null, contacts: ['3-contacts'] },
      extra: { any: 1 },
    },
    { id: '2-leads', status: null, tags: [], strictPart: { a: true }, kind: 'leads' },
  ],
  meta: { total: 2 },
}
const bad: unknown[] = [
  { leads: [{ id: 1 }] },
  { leads: [{ id: '1', status: 'lost' }] },
  { leads: [{ id: '1', value: { amount: true } }] },
  { leads: [{ id: '1', links: { owner: 5 } }] },
  { leads: [{ id: '1', tags: 'a' }] },
  { leads: [{ id: '1', strictPart: { a: true, b: 1 } }] },
  { leads: [{ id: '1', kind: 'contacts' }] },
  { leads: [{}] },
  { leads: {} },
  { meta: { total: Number.NaN }, leads: [] },
  null,
]

afterEach(() => {
  vi.unstubAllGlobals()
  z.config({ jitless: false })
})

// Checked types, and values near their edges: integers at the safe limit, code points against UTF-16
// units (a surrogate pair, a lone surrogate), a pattern's match and miss.
const CHECKED = [
  z.int().check(z.gte(1)),
  z.number().check(z.positive(), z.lt(5)),
  z.number().check(z.lte(0)),
  z.int32(),
  z.uint32(),
  z.float32(),
  z.string().check(z.minLength(2)),
  z.string().check(z.maxLength(1)),
  z.string().check(z.length(1)),
  z.string().check(z.regex(/^o/)),
  z.string().check(z.trim()),
]
// Keys a generated check must quote correctly, and values that tell the number and class rules apart.
const KEYS = ['a', 'b', 'x"y', 'back\\slash', 'line\u2028sep', '}); throw 1; //']
const schemas = fc.letrec<{ schema: z.ZodMiniType }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(z.string(), z.number(), z.int(), z.boolean(), z.null(), z.unknown()),
    fc.constantFrom(...CHECKED),
    fc.constantFrom(z.literal('open'), z.literal(0), z.literal(null), z.enum(['won', 'lost'])),
    tie('schema').map((s) => z.optional(s)),
    tie('schema').map((s) => z.exactOptional(s)),
    tie('schema').map((s) => z.nullable(s)),
    fc.tuple(tie('schema'), tie('schema')).map(([a, b]) => z.union([a, b])),
    tie('schema').map((s) => z.array(s)),
    tie('schema').map((s) => z.array(s).check(z.minLength(1), z.maxLength(2))),
    tie('schema').map((s) => z.record(z.string(), s)),
    fc
      .dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 3 })
      .map((shape) => z.looseObject(shape)),
    fc
      .dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 3 })
      .map((shape) => z.strictObject(shape)),
  ),
})).schema
function buildOrNull(build: () => (value: unknown) => boolean) {
  try {
    return build()
  } catch {
    return null
  }
}
// Values that tell the number, length, pattern and class rules apart.
const EDGES: unknown[] = [
  'open',
  'won',
  'other',
  '',
  '\u{1F600}',
  'o\u{1F600}',
  '\uD800',
  ' o ',
  0,
  1,
  -1,
  5,
  1.5,
  2 ** 53,
  -(2 ** 31) - 1,
  4e38,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  null,
  undefined,
]
const values = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...EDGES),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 3 }),
  ),
})).value

describe('compiled response checks', () => {
  it('accept exactly what the schema accepts', () => {
    const check = compileCheck(Body)!
    expect(check(good)).toBe(true)
    expect(Body.safeParse(good).success).toBe(true)
    for (const value of bad) expect([check(value), Body.safeParse(value).success]).toEqual([false, false])
  })

  it('hand back the body itself when it fits, with unknown fields intact', () => {
    const result = checkResponse(Body, good, 'loose', place)
    expect(result.data).toBe(good)
    expect(result.issues).toEqual([])
  })

  it('still name the mismatching field in loose and strict mode', () => {
    expect(checkResponse(Body, bad[0], 'loose', place).issues[0]?.path).toBe('leads[0].id')
    expect(() => checkResponse(Body, bad[0], 'strict', place)).toThrow('leads[0].id')
  })

  it('leave schemas that change their input to zod', () => {
    const Stripping = z.object({ id: z.string() })
    expect(compileCheck(Stripping)).toBeNull()
    expect(checkResponse(Stripping, { id: 'a', extra: 1 }, 'loose', place).data).toEqual({ id: 'a' })
    expect(compileCheck(z.looseObject({ n: z.pipe(z.string(), z.transform(Number)) }))).toBeNull()
  })

  it('model number formats, bounds, lengths and patterns: an integer field refuses 1.5', () => {
    const Counted = z.looseObject({ count: z.int() })
    const check = compileCheck(Counted)!
    expect([check({ count: 2 }), check({ count: 1.5 }), check({ count: 2 ** 53 })]).toEqual([
      true,
      false,
      false,
    ])
    expect(() => checkResponse(Counted, { count: 1.5 }, 'strict', place)).toThrow('count')
    const Id = compileCheck(z.string().check(z.minLength(2), z.regex(/^[a-z]+$/g)))!
    // A global pattern keeps its place between tests unless reset, as zod resets it.
    expect([Id('ab'), Id('ab'), Id('a'), Id('a1')]).toEqual([true, true, false, false])
    // Lengths count code points, as zod does: one emoji is one character.
    expect(compileCheck(z.string().check(z.maxLength(1)))!('\u{1F600}')).toBe(true)
  })

  it('accept exactly what zod accepts for every checked type and edge value', () => {
    for (const schema of CHECKED) {
      for (const node of [schema, z.union([z.null(), schema]), z.array(schema).check(z.minLength(1))]) {
        const generated = buildOrNull(() => generatedCheck(node as unknown as SchemaNode))
        const closures = buildOrNull(() => closureCheck(node as unknown as SchemaNode))
        if (!generated || !closures) continue
        for (const value of [...EDGES, [...EDGES]]) {
          const expected = node.safeParse(value).success
          expect([generated(value), closures(value)], String(value)).toEqual([expected, expected])
        }
      }
    }
  })

  it('leave checks that rewrite or cannot be modelled to zod', () => {
    expect(compileCheck(z.string().check(z.trim()))).toBeNull()
    expect(compileCheck(z.string().check(z.refine((s) => s !== 'x')))).toBeNull()
    expect(compileCheck(z.email())).toBeNull()
    expect(compileCheck(z.number().check(z.multipleOf(0.1)))).toBeNull()
    expect(compileCheck(z.date().check(z.gte(new Date(0))))).toBeNull()
  })

  it('accept exactly what zod accepts, generated or built from closures, for any schema and value', () => {
    fc.assert(
      fc.property(schemas, fc.array(values, { minLength: 1, maxLength: 8 }), (schema, inputs) => {
        const generated = buildOrNull(() => generatedCheck(schema as unknown as SchemaNode))
        const closures = buildOrNull(() => closureCheck(schema as unknown as SchemaNode))
        // A schema neither can model (here: exactOptional) is left to zod by both.
        expect(generated === null).toBe(closures === null)
        if (!generated || !closures) return
        for (const input of inputs) {
          const expected = schema.safeParse(input).success
          expect([generated(input), closures(input)]).toEqual([expected, expected])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('generate no code when zod is told not to (z.config({ jitless: true }))', () => {
    const codegen = vi.fn(() => {
      throw new EvalError('must not be called')
    })
    vi.stubGlobal('Function', codegen)
    z.config({ jitless: true })
    const check = compileCheck(z.looseObject({ leads: z.array(Lead) }))!
    expect(check(good)).toBe(true)
    expect(check(bad[0])).toBe(false)
    expect(codegen).not.toHaveBeenCalled()
  })

  it('work where code generation is forbidden (a strict Content-Security-Policy)', () => {
    vi.stubGlobal('Function', () => {
      throw new EvalError('Refused to evaluate a string as JavaScript')
    })
    const Fresh = z.looseObject({ leads: z.array(Lead) })
    const check = compileCheck(Fresh)!
    expect(check(good)).toBe(true)
    for (const value of bad.slice(0, 8)) expect(check(value)).toBe(false)
  })
})
