import { AuthenticationError, ConnectionError, InputValidationError, type NoticeEvent } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { NutanClient, type NutanTokens } from '../src'
import { REFRESH_COOL_DOWN_MS } from '../src/tokens'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
let refreshToken: string
beforeEach(() => {
  server = nutanServer()
  refreshToken = server.sim.credentials.refreshToken
})
afterEach(() => {
  vi.useRealTimers()
})

const refreshes = () => server.refreshes()

/** Whether the simulator accepts `token` now: a raw call with it. */
async function accepted(token: string): Promise<boolean> {
  const response = await server.sim.fetch('https://api.nutan.ai/v1/deals?limit=1', {
    headers: { authorization: `Bearer ${token}` },
  })
  return response.status === 200
}

describe('access tokens', () => {
  test('a static access token is sent as a Bearer header', async () => {
    const token = server.token()
    await server.client({ accessToken: token }).deals.list()
    expect(server.to('/deals')[0]!.headers.get('authorization')).toBe(`Bearer ${token}`)
    expect(server.to('/deals')[0]!.status).toBe(200)
  })

  test('getAccessToken is asked before every request, and a 401 is not refreshed', async () => {
    const tokens = [server.token(), server.token()]
    let calls = 0
    const client = server.client({ getAccessToken: async () => tokens[calls++ % 2] })
    await client.deals.list()
    await client.deals.list()
    expect(server.to('/deals').map((s) => s.headers.get('authorization'))).toEqual(
      tokens.map((t) => `Bearer ${t}`),
    )
    server.revokeAccessTokens()
    await expect(client.deals.list()).rejects.toBeInstanceOf(AuthenticationError)
    expect(server.to('/deals').at(-1)!.status).toBe(401)
    expect(refreshes()).toHaveLength(0)
  })

  test('credentials are required, getAccessToken does not mix with static tokens, baseUrl must be a URL', () => {
    expect(() => new NutanClient({})).toThrow(InputValidationError)
    expect(() => new NutanClient({ accessToken: 'a-token', baseUrl: 'api.nutan.ai' })).toThrow(/baseUrl/)
    expect(() => new NutanClient({ accessToken: 'a-token', getAccessToken: () => 'x' })).toThrow(
      /getAccessToken/,
    )
  })
})

describe('refresh', () => {
  test('on a 401 the client refreshes once, replays the call, and hands the new pair to onTokens', async () => {
    const saved: NutanTokens[] = []
    const notices: NoticeEvent[] = []
    const client = server.client({
      accessToken: 'revoked-token',
      refreshToken,
      onTokens: (t) => {
        saved.push(t)
      },
      hooks: { onNotice: (e) => notices.push(e) },
    })
    const page = await client.deals.list()
    expect(page.items.length).toBeGreaterThan(0)
    expect(refreshes()).toHaveLength(1)
    expect(refreshes()[0]!.body).toEqual({ grant_type: 'refresh_token', refresh_token: refreshToken })
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 })
    // Rotation: the simulator now holds the new refresh token, and the old one is dead.
    expect(server.sim.db.tokens.refreshTokens.has(saved[0]!.refreshToken ?? '')).toBe(true)
    expect(server.sim.db.tokens.refreshTokens.has(refreshToken)).toBe(false)
    expect(await accepted(saved[0]!.accessToken)).toBe(true)
    const [first, replay] = server.to('/deals')
    expect(first!.headers.get('authorization')).toBe('Bearer revoked-token')
    expect(first!.status).toBe(401)
    expect(replay!.headers.get('authorization')).toBe(`Bearer ${saved[0]!.accessToken}`)
    expect(replay!.status).toBe(200)
    expect(notices.map((n) => n.type)).toContain('nutan.tokens.refreshed')
    // The next refresh uses the rotated refresh token.
    server.revokeAccessTokens()
    await client.deals.list()
    expect(refreshes()[1]!.body.refresh_token).toBe(saved[0]!.refreshToken)
    expect(refreshes()[1]!.status).toBe(200)
  })

  test('a token known to be expired (JWT exp) is refreshed before the request, without a 401 round trip', async () => {
    const expired = server.expiredToken()
    const client = server.client({ accessToken: expired, refreshToken })
    await client.deals.list()
    expect(refreshes()).toHaveLength(1)
    expect(server.to('/deals')).toHaveLength(1)
    expect(server.to('/deals')[0]!.headers.get('authorization')).not.toContain(expired)
    expect(server.to('/deals')[0]!.status).toBe(200)
  })

  test('a refresh token alone is enough: the first call gets an access token', async () => {
    await server.client({ refreshToken }).deals.list()
    expect(refreshes()).toHaveLength(1)
    expect(server.to('/deals')).toHaveLength(1)
    expect(server.to('/deals')[0]!.status).toBe(200)
  })

  test('the client refreshes again when the refreshed token expires (by the expires_in it was given)', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 12) })
    const client = server.client({ refreshToken })
    await client.deals.list()
    vi.setSystemTime(Date.now() + 14 * 60_000 + 45_000)
    await client.deals.list()
    expect(refreshes()).toHaveLength(2)
    expect(server.to('/deals').map((s) => s.status)).toEqual([200, 200])
  })

  test('single flight: many concurrent calls that hit a 401 share one refresh', async () => {
    const client = server.client({ accessToken: 'revoked-token', refreshToken })
    const pages = await Promise.all(Array.from({ length: 25 }, () => client.deals.list()))
    expect(pages.every((p) => p.items.length === server.sim.db.deals.size)).toBe(true)
    expect(refreshes()).toHaveLength(1)
    expect(server.to('/deals')).toHaveLength(50)
  })

  test('single flight: concurrent calls with an expired token share one refresh before sending', async () => {
    const client = server.client({ accessToken: server.expiredToken(), refreshToken })
    await Promise.all(Array.from({ length: 25 }, () => client.deals.list()))
    expect(refreshes()).toHaveLength(1)
    expect(server.to('/deals')).toHaveLength(25)
  })

  test.each([
    ['the simulator does not know the refresh token (401 invalid_grant)', 'rt-dead', () => {}],
    [
      'the token endpoint answers 400',
      'valid',
      () => server.sim.faults.set({ error: { rate: 1, status: 400, match: { path: '/v1/auth/token' } } }),
    ],
  ])('a refused refresh throws AuthenticationError, once, and never loops: %s', async (_, which, arrange) => {
    arrange()
    const client = server.client({
      accessToken: 'revoked-token',
      refreshToken: which === 'valid' ? refreshToken : which,
    })
    const error = await client.deals.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).message).toMatch(/refresh was refused.*sign in again/)
    expect(refreshes()).toHaveLength(1)
    expect(refreshes()[0]!.status).toBeGreaterThanOrEqual(400)
    expect(server.to('/deals')).toHaveLength(1)
    // Later calls do not burn more refresh requests on a dead token.
    const again = await Promise.all(
      [client.deals.list(), client.deals.list()].map((p) => p.catch((e: unknown) => e)),
    )
    expect(again.every((e) => e instanceof AuthenticationError)).toBe(true)
    expect(refreshes()).toHaveLength(1)
  })

  test('a replay that still gets 401 throws AuthenticationError without a second refresh', async () => {
    // Meetings refuse every token, the refreshed one included.
    server.sim.faults.set({ error: { rate: 1, status: 401, match: { method: 'GET', path: '/v1/meetings' } } })
    const client = server.client({ accessToken: 'revoked-token', refreshToken })
    await expect(client.meetings.list()).rejects.toBeInstanceOf(AuthenticationError)
    expect(refreshes()).toHaveLength(1)
    expect(server.to('/meetings').map((s) => s.status)).toEqual([401, 401])
  })

  test('a refresh that cannot reach the server surfaces as a connection error and keeps the refresh token; the next try waits out a short cool-down', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    // The connection to the token endpoint drops until the test brings it back.
    server.sim.faults.set({ drop: { rate: 1, match: { path: '/v1/auth/token' } } })
    const client = new NutanClient({
      fetch: server.fetch,
      accessToken: server.expiredToken(),
      refreshToken,
      maxRetries: 0,
      limiter: { global: 1e6, strict: 1e6 },
    })
    await expect(client.deals.list()).rejects.toBeInstanceOf(ConnectionError)
    server.sim.faults.clear()
    // Within the cool-down the failure is shared, not retried once per call.
    await expect(client.deals.list()).rejects.toBeInstanceOf(ConnectionError)
    expect(refreshes()).toHaveLength(1)
    vi.advanceTimersByTime(REFRESH_COOL_DOWN_MS)
    await expect(client.deals.list()).resolves.toBeDefined()
    expect(refreshes().map((s) => [s.body.refresh_token, s.status])).toEqual([
      [refreshToken, 0],
      [refreshToken, 200],
    ])
  })

  test('a throwing onNotice hook does not fail a refresh', async () => {
    const client = server.client({
      accessToken: 'revoked-token',
      refreshToken,
      hooks: {
        onNotice: () => {
          throw new Error('logger down')
        },
      },
    })
    await expect(client.deals.list()).resolves.toBeDefined()
    expect(refreshes()).toHaveLength(1)
  })

  test('a throwing onTokens does not fail the call', async () => {
    const client = server.client({
      accessToken: 'revoked-token',
      refreshToken,
      onTokens: () => {
        throw new Error('disk full')
      },
    })
    await expect(client.deals.list()).resolves.toBeDefined()
    expect(refreshes()).toHaveLength(1)
  })
})

describe('exchangeCode and the auth path options', () => {
  test('exchanges the callback code at POST /v1/auth/token', async () => {
    const tokens = await NutanClient.exchangeCode({
      code: server.sim.credentials.authCode,
      redirectUri: 'nutan://callback',
      codeVerifier: 'verifier-123',
      fetch: server.fetch,
    })
    expect(await accepted(tokens.accessToken)).toBe(true)
    expect(server.sim.db.tokens.refreshTokens.has(tokens.refreshToken ?? '')).toBe(true)
    expect(tokens.expiresAt).toBeGreaterThan(Date.now())
    const [sent] = server.to('/auth/token')
    expect(sent!.body).toEqual({
      grant_type: 'authorization_code',
      code: server.sim.credentials.authCode,
      redirect_uri: 'nutan://callback',
      code_verifier: 'verifier-123',
    })
    expect(sent!.headers.get('authorization')).toBeNull()
  })

  test('a refused code is an AuthenticationError; a missing code is an input error', async () => {
    await expect(
      NutanClient.exchangeCode({ code: 'code-bad', redirectUri: 'nutan://callback', fetch: server.fetch }),
    ).rejects.toBeInstanceOf(AuthenticationError)
    expect(server.to('/auth/token')[0]!.status).toBe(401)
    await expect(
      NutanClient.exchangeCode({ code: '', redirectUri: 'x', fetch: server.fetch }),
    ).rejects.toBeInstanceOf(InputValidationError)
    expect(server.to('/auth/token')).toHaveLength(1)
  })

  test('token paths, client id and form encoding are options', async () => {
    // A deployment whose token endpoint lives at /v1/oauth/refresh: the simulator's, at another path.
    server.use(
      http.post('*/v1/oauth/refresh', async ({ request }) => {
        const moved = new Request(request.url.replace('/oauth/refresh', '/auth/token'), request)
        const answer = await server.sim.fetch(moved)
        return new HttpResponse(answer.body, answer)
      }),
    )
    const client = server.client({
      refreshToken,
      auth: { refreshPath: '/oauth/refresh', clientId: 'desktop', bodyFormat: 'form' },
    })
    await client.deals.list()
    const [sent] = server.to('/oauth/refresh')
    expect(server.to('/oauth/refresh')).toHaveLength(1)
    expect(sent!.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(sent!.text))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'desktop',
    })
    expect(sent!.status).toBe(200)
    expect(server.to('/deals').map((s) => s.status)).toEqual([200])
  })

  test('refuses to send a refresh token over plain http to a non-loopback host', async () => {
    const client = new NutanClient({
      refreshToken,
      baseUrl: 'http://api.example.com/v1',
      fetch: server.fetch,
    })
    await expect(client.deals.list()).rejects.toThrow(/plain http/)
    expect(server.sent).toHaveLength(0)
  })
})
