import { hmacSha256, sha256 } from './sha256'
import type { NutanState } from './types'

/** An authorization code every fresh (or reset) state accepts once. */
export const NUTAN_TEST_AUTH_CODE = 'nutan-test-auth-code'
/** A refresh token every fresh (or reset) state accepts once (refreshing rotates it out). */
export const NUTAN_TEST_REFRESH_TOKEN = 'nrt_nutan-test-refresh-token'
/** The subject (`sub`) of every access token the simulator signs. */
export const NUTAN_TEST_SUBJECT = 'usr_000001'

/** The body of a successful `POST /v1/auth/token`. */
export interface NutanTokenResponse {
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
}

/** Why an access token was refused; `ok` carries the decoded claims. */
export type NutanTokenCheck =
  | { ok: true; claims: { sub: string; exp: number; iat: number; jti: string } }
  | { ok: false; reason: 'expired' | 'invalid' }

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

const HEADER = base64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))

function sign(secret: string, signingInput: string): string {
  return base64url(hmacSha256(encoder.encode(secret), encoder.encode(signingInput)))
}

/** Signs an HS256 JWT access token for the state's subject, expiring `ttlMs` after `now`. */
export function signNutanAccessToken(state: NutanState, now: number, ttlMs: number, jti: string): string {
  const claims = {
    sub: NUTAN_TEST_SUBJECT,
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + ttlMs) / 1000),
    jti,
  }
  const payload = base64url(encoder.encode(JSON.stringify(claims)))
  return `${HEADER}.${payload}.${sign(state.tokens.secret, `${HEADER}.${payload}`)}`
}

/** Checks an access token's shape, signature and expiry at `now`. */
export function verifyNutanAccessToken(state: NutanState, token: string, now: number): NutanTokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'invalid' }
  const [header, payload, signature] = parts as [string, string, string]
  if (header !== HEADER || sign(state.tokens.secret, `${header}.${payload}`) !== signature) {
    return { ok: false, reason: 'invalid' }
  }
  let claims: unknown
  try {
    claims = JSON.parse(decoder.decode(fromBase64url(payload)))
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  const c = claims as Record<string, unknown>
  if (typeof c.exp !== 'number' || typeof c.sub !== 'string') return { ok: false, reason: 'invalid' }
  if (now >= c.exp * 1000) return { ok: false, reason: 'expired' }
  return { ok: true, claims: c as { sub: string; exp: number; iat: number; jti: string } }
}

/** Mints a valid access + refresh token pair and registers the refresh token with the state. */
export function issueNutanTokens(state: NutanState, now: number, ttlMs: number): NutanTokenResponse {
  const n = ++state.tokens.issued
  const refresh = `nrt_${base64url(sha256(encoder.encode(`${state.tokens.secret}:refresh:${n}`))).slice(0, 32)}`
  state.tokens.refreshTokens.set(refresh, { subject: NUTAN_TEST_SUBJECT, issuedAt: now })
  return {
    access_token: signNutanAccessToken(state, now, ttlMs, `at_${n}`),
    refresh_token: refresh,
    token_type: 'Bearer',
    expires_in: Math.round(ttlMs / 1000),
  }
}

/** Registers another one-time authorization code (for tests that sign in more than once). */
export function grantNutanAuthCode(state: NutanState, code: string): string {
  state.tokens.authCodes.add(code)
  state.tokens.usedAuthCodes.delete(code)
  return code
}
