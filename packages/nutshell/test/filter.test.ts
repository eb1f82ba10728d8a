import { serializeQuery } from '@x/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Filter, filterQuery, InputValidationError } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env

/** The `filter[...]` entries a filter turns into, decoded, in order. */
function entries(filter: Filter): [string, string][] {
  return [...new URLSearchParams(serializeQuery({ filter: filterQuery(filter) })).entries()]
}

describe('filter serialization', () => {
  it('sends a value as filter[key][]=value and a list as one entry per value', () => {
    expect(entries({ status: 'open' })).toEqual([['filter[status][]', 'open']])
    expect(entries({ tags: ['1-tags', '2-tags'] })).toEqual([
      ['filter[tags][]', '1-tags'],
      ['filter[tags][]', '2-tags'],
    ])
  })

  it('sends a range as <from> TO <to>, Dates as ISO time ranges', () => {
    expect(entries({ value: { from: 100, to: 500 } })).toEqual([['filter[value]', '100 TO 500']])
    const from = new Date('2024-01-01T00:00:00.000Z')
    const to = new Date('2024-03-31T23:59:59.000Z')
    expect(entries({ createdTime: { from, to } })).toEqual([
      ['filter[createdTime]', '2024-01-01T00:00:00.000Z TO 2024-03-31T23:59:59.000Z'],
    ])
  })

  it('sends operators before the value and eq as the bare value', () => {
    expect(entries({ number: { gt: 1020 } })).toEqual([['filter[number]', '>1020']])
    expect(entries({ number: { gte: 1020 } })).toEqual([['filter[number]', '>=1020']])
    expect(entries({ confidence: { lt: 50 } })).toEqual([['filter[confidence]', '<50']])
    expect(entries({ confidence: { lte: 50 } })).toEqual([['filter[confidence]', '<=50']])
    expect(entries({ flagged: { eq: true } })).toEqual([['filter[flagged]', 'true']])
  })

  it('sends subfields as filter[key][sub]=value', () => {
    expect(entries({ address: { country: 'US', state: ['MI', 'OH'] } })).toEqual([
      ['filter[address][country]', 'US'],
      ['filter[address][state][]', 'MI'],
      ['filter[address][state][]', 'OH'],
    ])
  })

  it('reads an object keyed by an operator name as the operator, never as a subfield', () => {
    expect(entries({ x: { gt: '' } })).toEqual([['filter[x]', '>']])
    expect(entries({ x: { eq: 'a' } })).toEqual([['filter[x]', 'a']])
    expect(entries({ x: { from: 'a', to: 'b' } })).toEqual([['filter[x]', 'a TO b']])
  })

  it('leaves out undefined conditions and sends no filter for an empty object', () => {
    expect(entries({ status: undefined, owner: '1-users' })).toEqual([['filter[owner][]', '1-users']])
    expect(filterQuery({})).toBeUndefined()
  })

  const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/)
  const scalar = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean())

  it('property: every value of a list survives the round trip, in order, under filter[key][]', () => {
    fc.assert(
      fc.property(key, fc.array(scalar, { minLength: 1, maxLength: 6 }), (k, values) => {
        const got = entries({ [k]: values })
        expect(got).toEqual(values.map((v) => [`filter[${k}][]`, String(v)]))
      }),
    )
  })

  it('property: a range is one filter[key] entry reading "<from> TO <to>"', () => {
    fc.assert(
      fc.property(key, fc.integer(), fc.integer(), (k, from, to) => {
        expect(entries({ [k]: { from, to } })).toEqual([[`filter[${k}]`, `${from} TO ${to}`]])
      }),
    )
  })

  // Operator names win (see `FilterCondition`), so a subfield is never named like one.
  const OPERATOR_NAMES = ['gt', 'gte', 'lt', 'lte', 'eq', 'from', 'to']
  const subfield = key.filter((s) => !OPERATOR_NAMES.includes(s))

  it('property: subfields keep their names and values', () => {
    fc.assert(
      fc.property(
        key,
        fc.dictionary(subfield, fc.string({ maxLength: 10 }), { minKeys: 1, maxKeys: 4 }),
        (k, subs) => {
          const got = entries({ [k]: subs })
          expect(got).toEqual(Object.entries(subs).map(([s, v]) => [`filter[${k}][${s}]`, v]))
        },
      ),
    )
  })

  it('list() sends the filter on every page request', async () => {
    const ns = makeClient()
    const leads = await ns.leads.list({ filter: { status: 'open' }, limit: 2 }).toArray()
    expect(leads.every((l) => l.status === 'open')).toBe(true)
    const open = env.sim.db.list('leads').filter((l) => l.status === 'open')
    expect(open.length).toBeLessThan(env.sim.db.list('leads').length)
    expect(leads.map((l) => l.id)).toEqual(open.map((l) => l.id))
    expect(leads).toHaveLength(5)
    expect(env.seen).toHaveLength(3)
    for (const request of env.seen)
      expect(request.url.searchParams.getAll('filter[status][]')).toEqual(['open'])
  })

  it.each([
    ['two operators at once', { value: { gt: 1, lt: 5 } }],
    ['half a range', { createdTime: { from: '2024-01-01' } }],
    ['subfields nested twice', { address: { country: { code: 'US' } } }],
    ['an operator name beside a subfield', { address: { country: 'US', gt: 'A' } }],
  ])('rejects %s before any request', async (_name, filter) => {
    const ns = makeClient()
    const error = await ns.leads.list({ filter: filter as never }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toMatch(/^filter\./)
    expect(env.seen).toHaveLength(0)
  })

  it.each([
    [{ x: { gt: '' } }, 'filter.x.gt'],
    [{ x: { eq: '  ' } }, 'filter.x.eq'],
    [{ x: { from: '', to: 5 } }, 'filter.x.from'],
    [{ address: { zip: { lt: '' } } }, 'filter.address.zip.lt'],
  ])('refuses an empty operand in %j, naming %s', async (filter, field) => {
    const ns = makeClient()
    const error = await ns.leads.list({ filter }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe(field)
    expect((error as InputValidationError).message).toContain('must not be empty')
    expect(env.seen).toHaveLength(0)
  })
})
