import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assertPlainData, buildPath, InputValidationError, pathParam, serializeQuery } from '../src'

function refusal(run: () => unknown): InputValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputValidationError)
    return error as InputValidationError
  }
  throw new Error('expected an InputValidationError')
}

describe('pathParam', () => {
  it('encodes ordinary ids and safe integers', () => {
    expect(pathParam('1-leads')).toBe('1-leads')
    expect(pathParam('a b&c=d')).toBe('a%20b%26c%3Dd')
    expect(pathParam('ü😀')).toBe(encodeURIComponent('ü😀'))
    expect(pathParam('%2e%2e')).toBe('%252e%252e')
    expect(pathParam('...')).toBe('...')
    expect(pathParam(42)).toBe('42')
    expect(pathParam(-1)).toBe('-1')
  })

  it.each([
    ['', 'empty'],
    ['.', 'dot'],
    ['..', 'dot dot'],
    ['a/b', 'slash'],
    ['a\\b', 'backslash'],
    ['?x', 'query'],
    ['#x', 'fragment'],
    ['a\u0000', 'NUL'],
    ['\u001f', 'C0'],
    ['\u007f', 'DEL'],
    ['\u0085', 'C1'],
    ['\uD800', 'lone high surrogate'],
    ['x\uDC00', 'lone low surrogate'],
  ])('refuses %j (%s), naming the field and the method', (value) => {
    const error = refusal(() => pathParam(value, 'leads.delete', 'ids[2]'))
    expect(error.field).toBe('ids[2]')
    expect(error.message).toContain('leads.delete')
  })

  it.each([
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 60,
    10n,
    null,
    undefined,
    true,
    {},
    ['1'],
    Symbol('x'),
    () => '1',
  ])('refuses the non-id %s', (value) => {
    expect(refusal(() => pathParam(value, 'x.get')).field).toBe('id')
  })

  it('never throws anything but InputValidationError, and its output is one segment the URL parser keeps', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string(), fc.double(), fc.integer()),
        (value) => {
          let segment: string
          try {
            segment = pathParam(value)
          } catch (error) {
            expect(error).toBeInstanceOf(InputValidationError)
            return
          }
          const raw = `/base/${segment}/tail`
          expect(new URL(`https://h.test${raw}`).pathname).toBe(raw)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('buildPath', () => {
  it('fills placeholders with checked, encoded values', () => {
    expect(buildPath('/leads/{id}/watch', { id: 'a b' })).toBe('/leads/a%20b/watch')
    expect(buildPath('/m/{meetingId}/p/{id}', { meetingId: 1, id: 'x' })).toBe('/m/1/p/x')
  })

  it('refuses a missing or bad value, naming the placeholder', () => {
    expect(refusal(() => buildPath('/leads/{id}', {}, 'leads.get')).field).toBe('id')
    expect(refusal(() => buildPath('/m/{meetingId}', { meetingId: '..' })).field).toBe('meetingId')
    expect(refusal(() => buildPath('/m/{constructor}', {})).field).toBe('constructor')
  })
})

describe('serializeQuery refuses what it cannot send, naming the key path', () => {
  it('a circular value', () => {
    const loop: Record<string, unknown> = { b: {} }
    ;(loop.b as Record<string, unknown>).c = loop
    const error = refusal(() => serializeQuery({ filter: { a: loop } } as never))
    expect(error.field).toBe('filter.a.b.c')
  })

  it('an absurdly deep value', () => {
    let deep: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < 10_000; i++) deep = { d: deep }
    expect(refusal(() => serializeQuery({ q: deep } as never)).field).toMatch(/^q(\.d)+$/)
  })

  it.each<[unknown, string]>([
    [() => 1, 'function'],
    [Symbol('s'), 'symbol'],
    [10n, 'bigint'],
    [new Date(Number.NaN), 'invalid Date'],
  ])('%s (%s)', (value) => {
    expect(refusal(() => serializeQuery({ filter: { tags: ['a', value] } } as never)).field).toBe(
      'filter.tags[1]',
    )
  })

  it('keeps shared (non-circular) references and lone surrogates as U+FFFD', () => {
    const shared = ['x']
    expect(serializeQuery({ a: shared, b: shared })).toBe('a%5B%5D=x&b%5B%5D=x')
    expect(serializeQuery({ q: 'a\uD800' })).toBe(`q=a${encodeURIComponent('\uFFFD')}`)
  })

  it('never throws anything but InputValidationError', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything({ withBigInt: true, withDate: true })), (query) => {
        try {
          serializeQuery(query as never)
        } catch (error) {
          expect(error).toBeInstanceOf(InputValidationError)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('assertPlainData', () => {
  it('accepts JSON data, Dates and shared references', () => {
    const shared = { a: 1 }
    expect(() => assertPlainData({ x: shared, y: [shared], d: new Date(0), u: undefined })).not.toThrow()
  })

  it('refuses cycles, depth, bigint, functions and symbols, naming the path after the prefix', () => {
    const loop: Record<string, unknown> = {}
    loop.self = [loop]
    expect(refusal(() => assertPlainData(loop, 'x.create')).field).toBe('self[0]')
    expect(refusal(() => assertPlainData({ n: 1n }, 'x.create', 'body')).field).toBe('body.n')
    expect(refusal(() => assertPlainData([() => 1])).field).toBe('[0]')
    expect(refusal(() => assertPlainData({ s: Symbol('s') })).field).toBe('s')
    let deep: unknown = 1
    for (let i = 0; i < 100; i++) deep = [deep]
    expect(refusal(() => assertPlainData(deep)).message).toContain('deeper than')
  })
})
