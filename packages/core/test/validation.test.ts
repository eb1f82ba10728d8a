import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  checkClientOptions,
  checkRequestOptions,
  checkResponse,
  InputValidationError,
  openEnum,
  parseInput,
  ResponseValidationError,
  toIssues,
} from '../src'
import { BASE, makeTransport, recordHooks, useServer } from './helpers'

const server = useServer()
const Lead = z.looseObject({
  id: z.string(),
  status: openEnum(['open', 'won', 'lost']),
  value: z.optional(z.nullable(z.number())),
})
const Input = z.object({
  filter: z.optional(z.object({ createdTime: z.string() })),
  limit: z.optional(z.number().check(z.minimum(1))),
})

describe('input validation', () => {
  it('names the offending field path', () => {
    const error = (() => {
      try {
        parseInput(Input, { filter: { createdTime: 5 } }, 'leads.list')
      } catch (e) {
        return e
      }
    })() as InputValidationError
    expect(error).toBeInstanceOf(InputValidationError)
    expect(error.field).toBe('filter.createdTime')
    expect(error.message).toContain('leads.list')
    expect(error.message).toContain('filter.createdTime: expected string')
  })

  it('lists the allowed choices when a value matches none of a union of literals', () => {
    const Sort = z.object({
      sort: z.optional(z.union([z.enum(['name', '-name']), z.enum(['value', '-value'])])),
    })
    expect(() => parseInput(Sort, { sort: 'bogus' })).toThrow(
      'sort: must be one of "name", "-name", "value", "-value"',
    )
  })

  it('explains range problems', () => {
    expect(() => parseInput(Input, { limit: 0 })).toThrow(/limit: must be >= 1/)
  })

  it('checks ids and flat inputs, and still names what is wrong', () => {
    const Params = z.looseObject({
      limit: z.optional(z.int().check(z.positive())),
      q: z.optional(z.string()),
    })
    const Id = z.union([z.string().check(z.minLength(1), z.regex(/^[^,/]+$/)), z.int().check(z.gte(1))])
    expect(parseInput(Params, { limit: 50, q: 'acme', extra: true })).toEqual({
      limit: 50,
      q: 'acme',
      extra: true,
    })
    expect(parseInput(Id, '12-leads')).toBe('12-leads')
    expect(parseInput(Id, 7)).toBe(7)
    expect(() => parseInput(Params, { limit: 2.5 }, 'contacts.list')).toThrow(/limit/)
    expect(() => parseInput(Params, { limit: 0 })).toThrow(/limit/)
    expect(() => parseInput(Id, '1,2', 'leads.update', 'id')).toThrow(InputValidationError)
    expect(() => parseInput(Id, 0)).toThrow(InputValidationError)
  })

  it('hands back a copy of a checked input, so changing the original later changes nothing', () => {
    const Params = z.looseObject({ limit: z.optional(z.int()), q: z.optional(z.string()) })
    const mine = { limit: 50, q: 'acme' }
    const checked = parseInput(Params, mine)
    mine.limit = -1
    expect(checked).toEqual({ limit: 50, q: 'acme' })
    const ids = ['1-leads', '2-leads']
    const checkedIds = parseInput(z.array(z.string()), ids)
    ids.push('3-leads')
    expect(checkedIds).toEqual(['1-leads', '2-leads'])
  })

  it('parses nested and reshaping inputs (unknown keys of a strip object are dropped)', () => {
    expect(parseInput(Input, { limit: 2, other: 1 })).toEqual({ limit: 2 })
    const Trimmed = z.looseObject({ name: z.string().check(z.trim()) })
    expect(parseInput(Trimmed, { name: '  Acme ' })).toEqual({ name: 'Acme' })
    const Nested = z.looseObject({ filter: z.looseObject({ q: z.string() }) })
    const mine = { filter: { q: 'a' } }
    const checked = parseInput(Nested, mine)
    mine.filter.q = 'changed'
    expect(checked).toEqual({ filter: { q: 'a' } })
  })
})

describe('checkResponse', () => {
  const place = { method: 'GET', path: '/leads' }
  const Body = z.looseObject({ leads: z.array(Lead) })
  const good = { leads: [{ id: '1-leads', status: 'open', extra: { any: 1 } }], meta: { total: 1 } }

  it('keeps unknown fields at every depth when the body fits', () => {
    for (const mode of ['loose', 'strict'] as const) {
      expect(checkResponse(Body, good, mode, place)).toEqual({ data: good, issues: [] })
    }
  })

  it('loose returns the raw body with the issues; strict throws naming the field; off skips', () => {
    const bad = { leads: [{ id: 1, status: 'open', extra: true }] }
    const loose = checkResponse(Body, bad, 'loose', place)
    expect(loose.data).toBe(bad)
    expect(loose.issues.map((i) => i.path)).toEqual(['leads[0].id'])
    expect(() => checkResponse(Body, bad, 'strict', place)).toThrow(ResponseValidationError)
    expect(() => checkResponse(Body, bad, 'strict', place)).toThrow('leads[0].id')
    expect(checkResponse(Body, bad, 'off', place)).toEqual({ data: bad, issues: [] })
  })
})

describe('response validation modes', () => {
  function serve(body: Record<string, unknown>) {
    server.use(http.get(`${BASE}/lead`, () => HttpResponse.json(body)))
  }

  it('loose (default) passes unknown fields and new enum values through', async () => {
    serve({ id: '1-leads', status: 'snoozed', brandNew: { x: 1 } })
    const lead = await makeTransport().request({ method: 'GET', path: '/lead', schema: Lead })
    expect(lead).toEqual({ id: '1-leads', status: 'snoozed', brandNew: { x: 1 } })
  })

  it('loose returns the raw body and reports the mismatch to hooks instead of failing', async () => {
    serve({ id: 42, status: 'open' })
    const { events, hooks } = recordHooks()
    const lead = await makeTransport({ hooks }).request({ method: 'GET', path: '/lead', schema: Lead })
    expect(lead).toEqual({ id: 42, status: 'open' })
    const response = events.find((e) => e.type === 'response')?.event as {
      validationIssues: { path: string }[]
    }
    expect(response.validationIssues[0]?.path).toBe('id')
  })

  it('strict throws ResponseValidationError naming the field', async () => {
    serve({ id: 42, status: 'open' })
    const error = await makeTransport({ validation: 'strict' })
      .request({ method: 'GET', path: '/lead', schema: Lead })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as ResponseValidationError).issues[0]?.path).toBe('id')
  })

  it('off skips the check; per-call mode overrides the client', async () => {
    serve({ id: 42 })
    const t = makeTransport({ validation: 'strict' })
    await expect(
      t.request({ method: 'GET', path: '/lead', schema: Lead, options: { validation: 'off' } }),
    ).resolves.toEqual({ id: 42 })
  })
})

describe('InputValidationError.field always names a path', () => {
  const refusal = (run: () => unknown) => {
    try {
      run()
    } catch (e) {
      return e as InputValidationError
    }
    throw new Error('not refused')
  }
  const Strict = z.strictObject({
    stage: z.optional(z.string()),
    filter: z.optional(z.strictObject({ owner: z.optional(z.string()) })),
  })

  it('an unknown key names the key, at any depth, one issue per key', () => {
    expect(refusal(() => parseInput(Strict, { stgae: 'x' }, 'leads.list')).field).toBe('stgae')
    const nested = refusal(() => parseInput(Strict, { filter: { ownr: 1, x: 2 } }, 'leads.list'))
    expect(nested.issues.map((i) => i.path)).toEqual(['filter.ownr', 'filter.x'])
    expect(nested.message).toContain('filter.ownr: unknown field ownr')
    expect(refusal(() => parseInput(Strict, { stgae: 'x' }, 'leads.list', 'input')).field).toBe('input.stgae')
  })

  it('a whole argument of the wrong type names the argument', () => {
    expect(refusal(() => parseInput(Strict, 'oops', 'leads.list')).field).toBe('input')
    expect(refusal(() => parseInput(z.string(), 5, 'leads.get', 'id')).field).toBe('id')
    expect(refusal(() => parseInput(Strict, 5, 'leads.list', undefined, 'filters')).field).toBe('filters')
    expect(refusal(() => checkRequestOptions('fast', 'GET /x')).field).toBe('options')
    expect(refusal(() => checkClientOptions(42, 'Client')).field).toBe('options')
    expect(refusal(() => checkClientOptions({ timeout: 'x' }, 'Client')).field).toBe('timeout')
  })

  it('an error built with an empty path still names something', () => {
    expect(new InputValidationError([{ path: '', message: 'bad' }]).field).toBe('input')
    expect(new InputValidationError([]).field).toBe('input')
  })

  it('response issues keep their own paths (the body itself is "")', () => {
    expect(toIssues([{ code: 'invalid_type', path: [], expected: 'object' }], undefined, '')[0]?.path).toBe(
      '',
    )
    expect(checkResponse(Lead, 'x', 'loose', { method: 'GET', path: '/l' }).issues[0]?.path).toBe('')
  })
})
