import { describe, expect, it } from 'vitest'
import { grantNutanAuthCode, NUTAN_TEST_AUTH_CODE, NUTAN_TEST_REFRESH_TOKEN } from '../src/nutan/index'
import { nutanHarness, TTL_MS } from './nutan-harness'

const decodeClaims = (jwt: string) =>
  JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp: number; sub: string }

describe('Nutan simulator: bearer auth', () => {
  it('refuses a request without a bearer token', async () => {
    const sim = nutanHarness()
    const res = await sim.call('GET', '/contacts', { token: null })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ error: 'unauthorized', message: 'Missing bearer token' })
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })

  it('refuses malformed tokens and tokens whose payload was altered', async () => {
    const sim = nutanHarness()
    expect((await sim.call('GET', '/contacts', { token: 'not-a-jwt' })).body.message).toBe('Invalid token')
    const [header, payload, signature] = sim.token.split('.')
    const claims = { ...decodeClaims(sim.token), exp: 9_999_999_999 }
    const forged = `${header}.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.${signature}`
    expect(payload).not.toBe(forged.split('.')[1])
    const res = await sim.call('GET', '/contacts', { token: forged })
    expect(res.status).toBe(401)
    expect(res.body.message).toBe('Invalid token')
  })

  it('accepts an access token until its exp, then answers 401 "Token expired"', async () => {
    const sim = nutanHarness()
    expect((await sim.call('GET', '/contacts')).status).toBe(200)
    sim.clock.now += TTL_MS - 1_000
    expect((await sim.call('GET', '/contacts')).status).toBe(200)
    sim.clock.now += 1_000
    const res = await sim.call('GET', '/contacts')
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ error: 'unauthorized', message: 'Token expired' })
  })

  it('signs access tokens as real HS256 JWTs with exp = now + ttl', async () => {
    const sim = nutanHarness()
    const [header, payload, signature] = sim.token.split('.') as [string, string, string]
    expect(JSON.parse(atob(header))).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(decodeClaims(sim.token).exp).toBe(Math.floor((sim.clock.now + TTL_MS) / 1000))
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(sim.state.tokens.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    )
    const sig = Uint8Array.from(atob(signature.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
    const valid = await crypto.subtle.verify(
      'HMAC',
      key,
      sig,
      new TextEncoder().encode(`${header}.${payload}`),
    )
    expect(valid).toBe(true)
  })
})

describe('Nutan simulator: POST /v1/auth/token', () => {
  it('exchanges an authorization code once for a working token pair', async () => {
    const sim = nutanHarness()
    const body = {
      grant_type: 'authorization_code',
      code: NUTAN_TEST_AUTH_CODE,
      redirect_uri: 'http://localhost/cb',
    }
    const first = await sim.call('POST', '/auth/token', { token: null, body })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: TTL_MS / 1000 })
    expect((await sim.call('GET', '/deals', { token: first.body.access_token })).status).toBe(200)

    const again = await sim.call('POST', '/auth/token', { token: null, body })
    expect(again.status).toBe(401)
    expect(again.body.error).toBe('invalid_grant')
  })

  it('rotates refresh tokens: the old one stops working, the new one works', async () => {
    const sim = nutanHarness()
    const refresh = (token: string) =>
      sim.call('POST', '/auth/token', {
        token: null,
        body: { grant_type: 'refresh_token', refresh_token: token },
      })
    const first = await refresh(NUTAN_TEST_REFRESH_TOKEN)
    expect(first.status).toBe(200)
    expect(first.body.refresh_token).not.toBe(NUTAN_TEST_REFRESH_TOKEN)

    const reused = await refresh(NUTAN_TEST_REFRESH_TOKEN)
    expect(reused.status).toBe(401)
    expect(reused.body.error).toBe('invalid_grant')
    expect(reused.text).not.toContain(NUTAN_TEST_REFRESH_TOKEN)

    const second = await refresh(first.body.refresh_token)
    expect(second.status).toBe(200)
    expect(second.body.access_token).not.toBe(first.body.access_token)
  })

  it('reads form-encoded bodies, as OAuth clients send them', async () => {
    const sim = nutanHarness()
    const code = grantNutanAuthCode(sim.state, 'second-login')
    const res = await sim.call('POST', '/auth/token', {
      token: null,
      form: true,
      body: { grant_type: 'authorization_code', code },
    })
    expect(res.status).toBe(200)
  })

  it('answers 400 for a missing code or an unsupported grant type', async () => {
    const sim = nutanHarness()
    const missing = await sim.call('POST', '/auth/token', {
      token: null,
      body: { grant_type: 'authorization_code' },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.details).toEqual([{ field: 'code', message: 'Required' }])
    const unsupported = await sim.call('POST', '/auth/token', {
      token: null,
      body: { grant_type: 'password' },
    })
    expect(unsupported.status).toBe(400)
    expect(unsupported.body.error).toBe('unsupported_grant_type')
  })
})
