// Methods made from the operation table: path parameters checked and encoded, fields routed to the query
// or the body, answers read as the table says, and the types a caller sees.
import { InputValidationError, ResponseValidationError, SdkError } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type AccountType, type Industry, NutshellClient } from '../src'

function recording(answer: unknown, status = 200) {
  const sent: { method: string; url: string; body: string | undefined }[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    sent.push({ method: init?.method ?? 'GET', url: String(url), body: init?.body as string | undefined })
    return Response.json(answer, { status })
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

describe('methods made from the operation table', () => {
  it('a list reads a bare array as one page; a record the bare record', async () => {
    const { ns, sent } = recording([{ id: '1-industries', name: 'Software' }])
    const page = await ns.industries.list()
    expect(page.items).toEqual([{ id: '1-industries', name: 'Software' }])
    expect(page.hasNextPage()).toBe(false)
    expect(sent.map((s) => `${s.method} ${new URL(s.url).pathname}${new URL(s.url).search}`)).toEqual([
      'GET /rest/industries',
    ])
    const single = recording({ id: '2-industries', name: 'Retail' })
    await expect(single.ns.industries.get('2-industries')).resolves.toMatchObject({ name: 'Retail' })
    expect(new URL(single.sent[0]!.url).pathname).toBe('/rest/industries/2-industries')
  })

  it('a path parameter that would move the request is refused before any request, naming the field', async () => {
    const { ns, sent } = recording({})
    const error = await ns.industries.get('..').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect((error as InputValidationError).message).toContain('industries.get')
    expect(sent).toEqual([])
  })

  it('a record promised and not sent is a ResponseValidationError, never undefined', async () => {
    const { ns } = recording(null)
    await expect(ns.industries.get('2-industries')).rejects.toBeInstanceOf(ResponseValidationError)
  })

  it('types: records are named, path parameters positional, options last', () => {
    const { ns } = recording([])
    expectTypeOf(ns.industries.get).parameters.toEqualTypeOf<
      [string | number, options?: import('@x/core').RequestOptions]
    >()
    expectTypeOf<Awaited<ReturnType<typeof ns.industries.get>>>().toEqualTypeOf<Industry>()
    expectTypeOf<
      Awaited<ReturnType<typeof ns.accountTypes.list>>['items'][number]
    >().toEqualTypeOf<AccountType>()
  })
})

describe('every table-made method that promises a record', () => {
  it('rejects with a typed error on a 204, a null or an empty 200, never resolving undefined', async () => {
    const { OPERATION_TABLES } = await import('../src/operations')
    let checked = 0
    for (const [resource, table] of Object.entries(OPERATION_TABLES)) {
      for (const [name, op] of Object.entries(
        table as Record<
          string,
          { path: string; returns: { kind: string; optional?: boolean }; input?: unknown }
        >,
      )) {
        // A delete may be answered with nothing (`optional`); every other record is promised.
        if (op.returns.kind !== 'record' || op.returns.optional) continue
        const ids = [...op.path.matchAll(/\{\w+\}/g)].map((_, i) => `${i + 1}-records`)
        for (const answer of [
          new Response(null, { status: 204 }),
          Response.json(null),
          new Response('', { status: 200 }),
        ]) {
          const fetch: typeof globalThis.fetch = async () => answer.clone()
          const ns = new NutshellClient({
            email: 'rep@example.com',
            apiKey: 'key-123456',
            fetch,
            maxRetries: 0,
          })
          const method = (
            ns as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>
          )[resource]![name]!
          const outcome = await Promise.resolve(method(...ids, op.input ? {} : undefined)).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          )
          expect(outcome, `${resource}.${name}`).toHaveProperty('error')
          checked++
        }
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})

describe('no input moves a table-made request to another path', () => {
  it('every path parameter of every table operation: refused before any request, or one encoded segment (property)', async () => {
    const fc = (await import('fast-check')).default
    const { HOSTILE_IDS, hostileValue } = await import('../../core/test/path-fuzz.support')
    const { OPERATION_TABLES } = await import('../src/operations')
    const sent: string[] = []
    const fetch: typeof globalThis.fetch = async (url) => {
      sent.push(String(url))
      return Response.json({})
    }
    const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
    const client = ns as unknown as Record<
      string,
      Record<string, (...args: unknown[]) => PromiseLike<unknown>>
    >
    let calls = 0
    for (const [resource, table] of Object.entries(OPERATION_TABLES)) {
      for (const [name, op] of Object.entries(table as Record<string, { path: string }>)) {
        const params = [...op.path.matchAll(/\{\w+\}/g)].length
        if (params === 0) continue
        const check = async (hostile: unknown) => {
          calls++
          sent.length = 0
          // The hostile value in each parameter position in turn; the others benign.
          const args = Array.from({ length: params }, () => '1-records')
          args[calls % params] = hostile as string
          const outcome = await Promise.resolve()
            .then(() => client[resource]![name]!(...args))
            .then(
              () => undefined,
              (error: unknown) => error,
            )
          if (outcome !== undefined) {
            expect(outcome, `${resource}.${name}`).toBeInstanceOf(SdkError)
            if (outcome instanceof InputValidationError) expect(sent).toEqual([])
          }
          for (const raw of sent) {
            const path = raw.slice(new URL(raw).origin.length).split('?')[0]!
            expect(new URL(raw).pathname, `${resource}.${name}: ${path}`).toBe(path)
            expect(path.split('/').length, `${resource}.${name}: ${path}`).toBe(op.path.split('/').length + 1)
          }
        }
        for (const value of HOSTILE_IDS) await check(value)
        await fc.assert(fc.asyncProperty(hostileValue, check), { numRuns: 40 })
      }
    }
    expect(calls).toBeGreaterThan(1000)
  })
})
