import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRetryAfter, readRateLimit, serializeQuery } from '../src'

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0)

describe('Retry-After parsing (property)', () => {
  it('delta seconds give seconds × 1000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 86_400 }),
        (s) => parseRetryAfter(new Headers({ 'retry-after': String(s) }), NOW) === s * 1000,
      ),
    )
  })

  it('an HTTP date gives the time until it (never negative)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3600, max: 86_400 }), (s) => {
        const date = new Date(NOW + s * 1000).toUTCString()
        return parseRetryAfter(new Headers({ 'retry-after': date }), NOW) === Math.max(0, s * 1000)
      }),
    )
  })

  it('retry-after-ms wins over Retry-After', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 0, max: 1000 }), (ms, s) => {
        return (
          parseRetryAfter(new Headers({ 'retry-after-ms': String(ms), 'retry-after': String(s) }), NOW) === ms
        )
      }),
    )
  })

  it('reset headers accept delta seconds and epoch seconds alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3600 }),
        fc.constantFrom('ratelimit-reset', 'x-ratelimit-reset'),
        (s, name) => {
          const delta = parseRetryAfter(new Headers({ [name]: String(s) }), NOW)
          const epoch = parseRetryAfter(new Headers({ [name]: String(NOW / 1000 + s) }), NOW)
          return delta === s * 1000 && epoch === s * 1000
        },
      ),
    )
  })

  it('garbage gives no hint rather than a wrong one', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => Number.isNaN(Number(s)) && Number.isNaN(Date.parse(s))),
        (s) => {
          return (
            parseRetryAfter(new Headers({ 'retry-after': s.replace(/[\r\n\0]/g, '') }), NOW) === undefined
          )
        },
      ),
    )
  })

  it('reads rate-limit snapshots from either header family', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.nat(1000),
        fc.constantFrom('ratelimit-', 'x-ratelimit-'),
        (limit, remaining, prefix) => {
          const snap = readRateLimit(
            new Headers({ [`${prefix}limit`]: String(limit), [`${prefix}remaining`]: String(remaining) }),
            NOW,
          )
          return snap?.limit === limit && snap.remaining === remaining
        },
      ),
    )
    expect(readRateLimit(new Headers(), NOW)).toBeUndefined()
  })
})

describe('query serialization (property)', () => {
  const key = fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/)
  const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean())

  it('every scalar survives a round trip through URLSearchParams', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (query) => {
        const parsed = new URLSearchParams(serializeQuery(query))
        return Object.entries(query).every(([k, v]) => parsed.get(k) === String(v))
      }),
    )
  })

  it('arrays become key[] entries in order, nested objects key[sub]', () => {
    fc.assert(
      fc.property(key, key, fc.array(value, { maxLength: 5 }), (outer, inner, list) => {
        const parsed = new URLSearchParams(
          serializeQuery({ filter: { [outer]: list, nested: { [inner]: 'x' } } }),
        )
        return (
          JSON.stringify(parsed.getAll(`filter[${outer}][]`)) === JSON.stringify(list.map(String)) &&
          parsed.get(`filter[nested][${inner}]`) === 'x'
        )
      }),
    )
  })

  it('keys named in `repeat` send their arrays as repeated key=value pairs without [], in order; other keys keep []', () => {
    fc.assert(
      fc.property(key, key, fc.array(value, { maxLength: 5 }), (outer, other, list) => {
        fc.pre(outer !== other)
        const parsed = new URLSearchParams(
          serializeQuery({ filter: { [outer]: list, [other]: list } }, [`filter[${outer}]`]),
        )
        const sent = JSON.stringify(list.map(String))
        return (
          JSON.stringify(parsed.getAll(`filter[${outer}]`)) === sent &&
          parsed.getAll(`filter[${outer}][]`).length === 0 &&
          JSON.stringify(parsed.getAll(`filter[${other}][]`)) === sent
        )
      }),
    )
  })

  it('any text, lone surrogates included, reads back as URLSearchParams would send it', () => {
    // UTF-16 code units one by one, so lone surrogates come up as well as pairs.
    const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))
    const text = fc.string({ unit, maxLength: 8 })
    fc.assert(
      fc.property(fc.dictionary(text, text, { maxKeys: 4 }), (query) => {
        const sent = [...new URLSearchParams(serializeQuery(query))]
        expect(sent).toEqual([...new URLSearchParams(Object.entries(query))])
      }),
    )
  })

  it('escapes every character that would end or split a pair; a space goes as %20', () => {
    expect(serializeQuery({ q: 'a b&c=d+e#f?g', 'k[x]': '%' })).toBe(
      'q=a%20b%26c%3Dd%2Be%23f%3Fg&k%5Bx%5D=%25',
    )
  })

  it('drops undefined and null, serializes dates as ISO', () => {
    const d = new Date(NOW)
    expect(serializeQuery({ a: undefined, b: null, c: d })).toBe(`c=${encodeURIComponent(d.toISOString())}`)
  })
})
