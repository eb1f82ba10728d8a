import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { InputValidationError, openEnum, parseInput, ResponseValidationError } from '../src'
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
