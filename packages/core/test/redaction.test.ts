import { inspect } from 'node:util'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { Redactor, secretForms } from '../src'
import { BASE, makeTransport, recordHooks, SECRET, useServer } from './helpers'

const server = useServer()
const EMAIL = 'rep@example.com'
const basic = btoa(`${EMAIL}:${SECRET}`)

function everything(error: unknown, events: unknown[]): string {
  const e = error as Error
  return [
    e.message,
    e.stack,
    JSON.stringify(e),
    JSON.stringify((e as { toJSON?: () => unknown }).toJSON?.()),
    inspect(e, { depth: 8 }),
    String((e as { cause?: unknown }).cause),
    inspect(events, { depth: 8 }),
  ].join('\n')
}

describe('credentials never leak', () => {
  it('keeps the key out of an error whose body echoes it back', async () => {
    server.use(
      http.get(`${BASE}/echo`, ({ request }) =>
        HttpResponse.json(
          {
            message: `bad key ${SECRET} in ${request.headers.get('authorization')}`,
            errors: [{ detail: `key ${SECRET}` }],
          },
          { status: 401 },
        ),
      ),
    )
    const { events, hooks } = recordHooks()
    const transport = makeTransport({
      hooks,
      auth: () => ({ authorization: `Basic ${basic}` }),
      secrets: () => secretForms([SECRET], EMAIL),
    })
    const error = await transport.request({ method: 'GET', path: '/echo' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    const text = everything(error, events)
    expect(text).toContain('[REDACTED]')
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(basic)
  })

  it('keeps the key out of connection errors and their causes', async () => {
    server.use(http.get(`${BASE}/drop`, () => HttpResponse.error()))
    const { events, hooks } = recordHooks()
    const error = await makeTransport({ hooks, maxRetries: 0 })
      .request({ method: 'GET', path: '/drop' })
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    const text = everything(error, events)
    expect(text).not.toContain(SECRET)
    expect(text).not.toMatch(/authorization/i)
  })

  it('hook events carry no headers, bodies or credentials', async () => {
    server.use(
      http.get(`${BASE}/ok`, () => HttpResponse.json({ token: 'x' }, { headers: { 'x-request-id': 'r-9' } })),
    )
    const { events, hooks } = recordHooks()
    await makeTransport({ hooks }).request({ method: 'GET', path: '/ok' })
    expect(events.map((e) => e.type)).toEqual(['request', 'response'])
    expect(events[1]?.event).toMatchObject({
      method: 'GET',
      path: '/v1/ok',
      status: 200,
      requestId: 'r-9',
      attempt: 1,
    })
    expect(inspect(events, { depth: 8 })).not.toContain(SECRET)
  })

  it('secretForms covers the key, email:key and their base64; the redactor catches every spelling of them', () => {
    const forms = secretForms(['a/b+c=secret'], 'u@x.io')
    expect(forms).toContain('a/b+c=secret')
    expect(forms).toContain('u@x.io:a/b+c=secret')
    expect(forms).toContain(btoa('u@x.io:a/b+c=secret'))
    const redactor = new Redactor(forms)
    const basic = btoa('u@x.io:a/b+c=secret')
    for (const spelling of [
      'a/b+c=secret',
      encodeURIComponent('a/b+c=secret'),
      encodeURIComponent(encodeURIComponent('a/b+c=secret')).toLowerCase(),
      'a\\/b+c=secret',
      `Basic%20${encodeURIComponent(basic)}`,
      basic.replace(/=+$/, ''),
    ]) {
      const redacted = redactor.text(`<${spelling}>`)
      expect(redacted, spelling).toContain('[REDACTED]')
      expect(redacted, spelling).not.toMatch(/secret|dUB4/)
    }
  })
})
