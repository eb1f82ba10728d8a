import { inspect } from 'node:util'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { NutanClient, type SyncError } from '../src'
import { BASE, clientFor, createFakeNutan, type FakeNutan, jwt } from './support/fake-nutan'
import { installSync } from './support/fake-sync'

const ACCESS = jwt({ sub: 'usr_1', exp: 4102444800, secret: 'access-9f8e7d' })
const REFRESH = 'rt-secret+refresh/token=='

let fake: FakeNutan
let events: unknown[]
beforeEach(() => {
  fake = createFakeNutan()
  fake.auth.valid.add(ACCESS)
  fake.auth.refreshTokens.add(REFRESH)
  events = []
})

const hooks = () => ({
  onRequest: (e: unknown) => events.push(e),
  onResponse: (e: unknown) => events.push(e),
  onRetry: (e: unknown) => events.push(e),
  onError: (e: unknown) => events.push(e),
  onNotice: (e: unknown) => events.push(e),
})

/** Every way a token could leak from a value: message, stack, JSON, inspect, cause chain. */
function renderings(value: unknown): string {
  const parts = [inspect(value, { depth: 10, showHidden: true }), safeJson(value)]
  let current: unknown = value
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.message, current.stack ?? '', safeJson(current), inspect(current, { depth: 10 }))
    current = current.cause
  }
  return parts.join('\n')
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return ''
  }
}

function expectNoTokens(text: string, tokens: string[] = [ACCESS, REFRESH]) {
  for (const token of tokens) {
    expect(text).not.toContain(token)
    expect(text).not.toContain(encodeURIComponent(token))
  }
}

describe('tokens never appear in errors, hook events, toJSON() or inspect output', () => {
  test('an error body that echoes the tokens', async () => {
    fake.use(
      http.post(`${BASE}/contacts`, ({ request }) =>
        HttpResponse.json(
          {
            error: 'validation_error',
            message: `Bad request with ${request.headers.get('authorization')} and ${REFRESH}`,
            details: [{ field: 'name', message: `token ${ACCESS}` }],
          },
          { status: 400 },
        ),
      ),
    )
    const client = clientFor(fake, { accessToken: ACCESS, refreshToken: REFRESH, hooks: hooks() })
    const error = await client.contacts.create({ name: 'Ada' }).catch((e: unknown) => e)
    expect((error as Error).message).toContain('[REDACTED]')
    expectNoTokens(renderings(error))
    expectNoTokens(renderings(events))
  })

  test('a refused refresh whose answer echoes the refresh token', async () => {
    fake.use(
      http.post(`${BASE}/auth/token`, async ({ request }) =>
        HttpResponse.json(
          {
            error: 'invalid_grant',
            message: `refresh token ${JSON.parse(await request.text()).refresh_token} revoked`,
          },
          { status: 400 },
        ),
      ),
    )
    const client = clientFor(fake, { accessToken: 'revoked-token', refreshToken: REFRESH, hooks: hooks() })
    const error = await client.deals.list().catch((e: unknown) => e)
    expect((error as Error).name).toBe('AuthenticationError')
    expectNoTokens(renderings(error), [REFRESH, 'revoked-token'])
    expectNoTokens(renderings(events), [REFRESH, 'revoked-token'])
  })

  test('a connection failure whose low-level message holds the token', async () => {
    const leaky: typeof fetch = async (input) => {
      const auth = (input as Request).headers.get('authorization')
      throw new TypeError(`fetch failed: socket closed while sending ${auth}`)
    }
    const client = new NutanClient({ accessToken: ACCESS, fetch: leaky, maxRetries: 0, hooks: hooks() })
    const error = await client.meetings.list().catch((e: unknown) => e)
    expect((error as Error).name).toBe('ConnectionError')
    expectNoTokens(renderings(error))
    expectNoTokens(renderings(events))
  })

  test('a rotated-out token stays redacted after a refresh', async () => {
    const old = jwt({ sub: 'usr_1', exp: 1, n: 'old-token' })
    fake.use(
      http.get(`${BASE}/action-items`, () =>
        HttpResponse.json({ error: 'forbidden', message: `token ${old} was used before` }, { status: 403 }),
      ),
    )
    const client = clientFor(fake, { accessToken: old, refreshToken: REFRESH, hooks: hooks() })
    const error = await client.actionItems.list().catch((e: unknown) => e)
    expect((error as Error).name).toBe('PermissionDeniedError')
    expectNoTokens(renderings(error), [old, REFRESH])
  })

  test('a SyncError wrapping a failure that echoes the token', async () => {
    const sync = installSync(fake)
    sync.script = () => ({
      before: HttpResponse.json({ error: 'bad', message: `nope ${ACCESS}` }, { status: 400 }),
    })
    const client = clientFor(fake, { accessToken: ACCESS, refreshToken: REFRESH })
    const error = (await client.sync
      .push({ upserts: { contacts: [{ id: 'c1' }] } })
      .catch((e: unknown) => e)) as SyncError
    expect(error.name).toBe('SyncError')
    expectNoTokens(renderings(error))
  })

  test('the client itself: toJSON, JSON.stringify and util.inspect', () => {
    const client = clientFor(fake, { accessToken: ACCESS, refreshToken: REFRESH, onTokens: () => {} })
    expect(client.toJSON()).toEqual({ baseUrl: BASE, auth: 'refreshToken', rateLimit: undefined })
    expectNoTokens(JSON.stringify(client))
    expectNoTokens(inspect(client, { depth: 10, showHidden: true }))
    expectNoTokens(inspect(client.contacts, { depth: 10, showHidden: true }))
    expectNoTokens(inspect(client.sync, { depth: 10, showHidden: true }))
  })
})
