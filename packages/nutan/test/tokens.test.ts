import { AuthenticationError, ConnectionError, InputValidationError, type NoticeEvent } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { NutanClient, type NutanTokens } from '../src'
import { REFRESH_COOL_DOWN_MS } from '../src/tokens'
import { BASE, clientFor, createFakeNutan, type FakeNutan, jwt, listOf } from './support/fake-nutan'

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
  fake.use(http.get(`${BASE}/deals`, ({ request }) => listOf([{ id: 'deal_1' }], new URL(request.url))))
})
afterEach(() => {
  vi.useRealTimers()
})

const expiredToken = () => jwt({ sub: 'usr_1', exp: Math.floor(Date.now() / 1000) - 60 })
const refreshes = () => fake.to('/auth/token', 'POST').filter((s) => s.body.grant_type === 'refresh_token')

describe('access tokens', () => {
  test('a static access token is sent as a Bearer header', async () => {
    const token = fake.auth.issue()
    await clientFor(fake, { accessToken: token }).deals.list()
    expect(fake.to('/deals')[0]!.headers.get('authorization')).toBe(`Bearer ${token}`)
  })

  test('getAccessToken is asked before every request, and a 401 is not refreshed', async () => {
    const tokens = [fake.auth.issue(), fake.auth.issue()]
    let calls = 0
    const client = clientFor(fake, { getAccessToken: async () => tokens[calls++ % 2] })
    await client.deals.list()
    await client.deals.list()
    expect(fake.to('/deals').map((s) => s.headers.get('authorization'))).toEqual(
      tokens.map((t) => `Bearer ${t}`),
    )
    fake.auth.valid.clear()
    await expect(client.deals.list()).rejects.toBeInstanceOf(AuthenticationError)
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
    const client = clientFor(fake, {
      accessToken: 'revoked-token',
      refreshToken: 'rt-initial',
      onTokens: (t) => {
        saved.push(t)
      },
      hooks: { onNotice: (e) => notices.push(e) },
    })
    const page = await client.deals.list()
    expect(page.items).toHaveLength(1)
    expect(refreshes()).toHaveLength(1)
    expect(refreshes()[0]!.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-initial' })
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ refreshToken: 'rt-1', tokenType: 'Bearer', expiresIn: 900 })
    expect(fake.auth.valid.has(saved[0]!.accessToken)).toBe(true)
    const [first, replay] = fake.to('/deals')
    expect(first!.headers.get('authorization')).toBe('Bearer revoked-token')
    expect(replay!.headers.get('authorization')).toBe(`Bearer ${saved[0]!.accessToken}`)
    expect(notices.map((n) => n.type)).toContain('nutan.tokens.refreshed')
    // The next refresh uses the rotated refresh token.
    fake.auth.valid.clear()
    await client.deals.list()
    expect(refreshes()[1]!.body.refresh_token).toBe('rt-1')
  })

  test('a token known to be expired (JWT exp) is refreshed before the request, without a 401 round trip', async () => {
    const client = clientFor(fake, { accessToken: expiredToken(), refreshToken: 'rt-initial' })
    await client.deals.list()
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/deals')).toHaveLength(1)
    expect(fake.to('/deals')[0]!.headers.get('authorization')).not.toContain(expiredToken())
  })

  test('a refresh token alone is enough: the first call gets an access token', async () => {
    await clientFor(fake, { refreshToken: 'rt-initial' }).deals.list()
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/deals')).toHaveLength(1)
  })

  test('the client refreshes again when the refreshed token expires (by the expires_in it was given)', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 12) })
    const client = clientFor(fake, { refreshToken: 'rt-initial' })
    await client.deals.list()
    vi.setSystemTime(Date.now() + 14 * 60_000 + 45_000)
    await client.deals.list()
    expect(refreshes()).toHaveLength(2)
    expect(fake.to('/deals')).toHaveLength(2)
  })

  test('single flight: many concurrent calls that hit a 401 share one refresh', async () => {
    const client = clientFor(fake, { accessToken: 'revoked-token', refreshToken: 'rt-initial' })
    const pages = await Promise.all(Array.from({ length: 25 }, () => client.deals.list()))
    expect(pages.every((p) => p.items.length === 1)).toBe(true)
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/deals')).toHaveLength(50)
  })

  test('single flight: concurrent calls with an expired token share one refresh before sending', async () => {
    const client = clientFor(fake, { accessToken: expiredToken(), refreshToken: 'rt-initial' })
    await Promise.all(Array.from({ length: 25 }, () => client.deals.list()))
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/deals')).toHaveLength(25)
  })

  test('a refused refresh throws AuthenticationError, once, and never loops', async () => {
    fake.auth.refuseWith = 400
    const client = clientFor(fake, { accessToken: 'revoked-token', refreshToken: 'rt-dead' })
    const error = await client.deals.list().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuthenticationError)
    expect((error as AuthenticationError).message).toMatch(/refresh was refused.*sign in again/)
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/deals')).toHaveLength(1)
    // Later calls do not burn more refresh requests on a dead token.
    const again = await Promise.all(
      [client.deals.list(), client.deals.list()].map((p) => p.catch((e: unknown) => e)),
    )
    expect(again.every((e) => e instanceof AuthenticationError)).toBe(true)
    expect(refreshes()).toHaveLength(1)
  })

  test('a replay that still gets 401 throws AuthenticationError without a second refresh', async () => {
    fake.use(
      http.get(`${BASE}/meetings`, () => HttpResponse.json({ error: 'unauthorized' }, { status: 401 })),
    )
    const client = clientFor(fake, { accessToken: 'revoked-token', refreshToken: 'rt-initial' })
    await expect(client.meetings.list()).rejects.toBeInstanceOf(AuthenticationError)
    expect(refreshes()).toHaveLength(1)
    expect(fake.to('/meetings')).toHaveLength(2)
  })

  test('a refresh that cannot reach the server surfaces as a connection error and keeps the refresh token; the next try waits out a short cool-down', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    let down = true
    const offline: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input)
      if (down && url.endsWith('/auth/token')) return Promise.reject(new TypeError('fetch failed'))
      return fake.fetch(input, init)
    }
    const client = new NutanClient({
      fetch: offline,
      accessToken: expiredToken(),
      refreshToken: 'rt-initial',
      maxRetries: 0,
      rateLimits: { global: 1e6, strict: 1e6 },
    })
    await expect(client.deals.list()).rejects.toBeInstanceOf(ConnectionError)
    down = false
    // Within the cool-down the failure is shared, not retried once per call.
    await expect(client.deals.list()).rejects.toBeInstanceOf(ConnectionError)
    vi.advanceTimersByTime(REFRESH_COOL_DOWN_MS)
    await expect(client.deals.list()).resolves.toBeDefined()
    expect(refreshes()).toHaveLength(1)
    expect(refreshes()[0]!.body.refresh_token).toBe('rt-initial')
  })

  test('a throwing onNotice hook does not fail a refresh', async () => {
    const client = clientFor(fake, {
      accessToken: 'revoked-token',
      refreshToken: 'rt-initial',
      hooks: {
        onNotice: () => {
          throw new Error('logger down')
        },
      },
    })
    await expect(client.deals.list()).resolves.toBeDefined()
  })

  test('a throwing onTokens does not fail the call', async () => {
    const client = clientFor(fake, {
      accessToken: 'revoked-token',
      refreshToken: 'rt-initial',
      onTokens: () => {
        throw new Error('disk full')
      },
    })
    await expect(client.deals.list()).resolves.toBeDefined()
  })
})

describe('exchangeCode and the auth path options', () => {
  test('exchanges the callback code at POST /v1/auth/token', async () => {
    const tokens = await NutanClient.exchangeCode({
      code: 'code-ok',
      redirectUri: 'nutan://callback',
      codeVerifier: 'verifier-123',
      fetch: fake.fetch,
    })
    expect(fake.auth.valid.has(tokens.accessToken)).toBe(true)
    expect(tokens.refreshToken).toBe('rt-1')
    expect(tokens.expiresAt).toBeGreaterThan(Date.now())
    const [sent] = fake.to('/auth/token')
    expect(sent!.body).toEqual({
      grant_type: 'authorization_code',
      code: 'code-ok',
      redirect_uri: 'nutan://callback',
      code_verifier: 'verifier-123',
    })
    expect(sent!.headers.get('authorization')).toBeNull()
  })

  test('a refused code is an AuthenticationError; a missing code is an input error', async () => {
    await expect(
      NutanClient.exchangeCode({ code: 'code-bad', redirectUri: 'nutan://callback', fetch: fake.fetch }),
    ).rejects.toBeInstanceOf(AuthenticationError)
    await expect(
      NutanClient.exchangeCode({ code: '', redirectUri: 'x', fetch: fake.fetch }),
    ).rejects.toBeInstanceOf(InputValidationError)
  })

  test('token paths, client id and form encoding are options', async () => {
    fake.use(
      http.post(`${BASE}/oauth/refresh`, async ({ request }) => {
        const form = new URLSearchParams(await request.text())
        expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
        expect(Object.fromEntries(form)).toEqual({
          grant_type: 'refresh_token',
          refresh_token: 'rt-x',
          client_id: 'desktop',
        })
        return HttpResponse.json({ access_token: fake.auth.issue(), refresh_token: 'rt-y', expires_in: 900 })
      }),
    )
    const client = clientFor(fake, {
      refreshToken: 'rt-x',
      auth: { refreshPath: '/oauth/refresh', clientId: 'desktop', bodyFormat: 'form' },
    })
    await client.deals.list()
    expect(fake.to('/oauth/refresh')).toHaveLength(1)
  })

  test('refuses to send a refresh token over plain http to a non-loopback host', async () => {
    const client = new NutanClient({
      refreshToken: 'rt-initial',
      baseUrl: 'http://api.example.com/v1',
      fetch: fake.fetch,
    })
    await expect(client.deals.list()).rejects.toThrow(/plain http/)
    expect(fake.sent).toHaveLength(0)
  })
})
