import { inspect } from 'node:util'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { NutanClient, type SyncError } from '../src'
import { BASE, foreignJwt, type NutanTestServer, nutanServer } from './support/simulator'

// A refresh token with characters that URL and form encodings change.
const REFRESH = 'rt-secret+refresh/token=='

let server: NutanTestServer
let ACCESS: string
let events: unknown[]
beforeEach(() => {
  server = nutanServer()
  ACCESS = server.token()
  server.acceptRefreshToken(REFRESH)
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
    // A misbehaving server: its 400 quotes the Authorization header and the refresh token.
    server.use(
      http.post('*/v1/contacts', ({ request }) =>
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
    const client = server.client({ accessToken: ACCESS, refreshToken: REFRESH, hooks: hooks() })
    const error = await client.contacts.create({ name: 'Ada' }).catch((e: unknown) => e)
    expect(server.to('/contacts', 'POST')[0]!.headers.get('authorization')).toBe(`Bearer ${ACCESS}`)
    expect((error as Error).message).toContain('[REDACTED]')
    expectNoTokens(renderings(error))
    expectNoTokens(renderings(events))
  })

  test('a refused refresh whose answer echoes the refresh token', async () => {
    server.use(
      http.post('*/v1/auth/token', async ({ request }) =>
        HttpResponse.json(
          {
            error: 'invalid_grant',
            message: `refresh token ${JSON.parse(await request.text()).refresh_token} revoked`,
          },
          { status: 400 },
        ),
      ),
    )
    const client = server.client({ accessToken: 'revoked-token', refreshToken: REFRESH, hooks: hooks() })
    const error = await client.deals.list().catch((e: unknown) => e)
    // The simulator refused the revoked token, and the refresh was asked for.
    expect(server.to('/deals')[0]!.status).toBe(401)
    expect(server.refreshes()[0]!.body.refresh_token).toBe(REFRESH)
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
    const old = foreignJwt({ sub: 'usr_1', exp: 1, n: 'old-token' })
    server.use(
      http.get('*/v1/action-items', () =>
        HttpResponse.json({ error: 'forbidden', message: `token ${old} was used before` }, { status: 403 }),
      ),
    )
    const client = server.client({ accessToken: old, refreshToken: REFRESH, hooks: hooks() })
    const error = await client.actionItems.list().catch((e: unknown) => e)
    // The expired token was swapped for a fresh one from the simulator before the call went out.
    expect(server.refreshes()).toHaveLength(1)
    expect(server.to('/action-items')[0]!.headers.get('authorization')).not.toContain(old)
    expect((error as Error).name).toBe('PermissionDeniedError')
    expectNoTokens(renderings(error), [old, REFRESH])
  })

  test('a SyncError wrapping a failure that echoes the token', async () => {
    server.use(
      http.post('*/v1/sync', ({ request }) =>
        HttpResponse.json(
          { error: 'bad', message: `nope ${request.headers.get('authorization')}` },
          { status: 400 },
        ),
      ),
    )
    const client = server.client({ accessToken: ACCESS, refreshToken: REFRESH })
    const error = (await client.sync
      .push({ upserts: { contacts: [{ id: 'c1' }] } })
      .catch((e: unknown) => e)) as SyncError
    expect(error.name).toBe('SyncError')
    expectNoTokens(renderings(error))
  })

  test('the client itself: toJSON, JSON.stringify and util.inspect', () => {
    const client = server.client({ accessToken: ACCESS, refreshToken: REFRESH, onTokens: () => {} })
    expect(client.toJSON()).toEqual({ baseUrl: BASE, auth: 'refreshToken', rateLimit: undefined })
    expectNoTokens(JSON.stringify(client))
    expectNoTokens(inspect(client, { depth: 10, showHidden: true }))
    expectNoTokens(inspect(client.contacts, { depth: 10, showHidden: true }))
    expectNoTokens(inspect(client.sync, { depth: 10, showHidden: true }))
  })
})
