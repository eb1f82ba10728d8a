import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  answer,
  assertNoLeak,
  type Credential,
  coverage,
  echoForms,
  echoHeaders,
  exposedParts,
  failureArb,
  headersArb,
  httpFailureArb,
  missingCoverage,
  networkFailureArb,
  recordingHooks,
  rejectionOf,
  secretArb,
} from '../../core/test/leak-corpus.support'
import { NutanClient } from '../src'

const BASE = 'https://api.nutan.ai/v1'
const TOKEN_URL = `${BASE}/auth/token`

const tokensArb = fc.record({ access: secretArb(), refresh: secretArb() })
type Tokens = { access: string; refresh: string }

const credentialsOf = (t: Tokens, prefix = ''): Credential[] => [
  { name: `${prefix}access`, secret: t.access },
  { name: `${prefix}refresh`, secret: t.refresh },
]

/** Calls of several shapes and tiers: a paged list, a create, the strict-tier sync push, a single GET. */
const OPS: { path: string; run: (n: NutanClient) => PromiseLike<unknown> }[] = [
  { path: '/deals', run: (n) => n.deals.list({ status: 'open' }) },
  { path: '/deals', run: (n) => n.deals.create({ name: 'Car Wash Inc.' }) },
  { path: '/contacts', run: (n) => n.contacts.list() },
  { path: '/sync', run: (n) => n.sync.push({ upserts: { contacts: [{ id: 'c1', name: 'Ada' }] } }) },
  { path: '/deals/d_1', run: (n) => n.deals.update('d_1', { name: 'Car Wash Inc. (3 sites)' }) },
]
const opArb = fc.integer({ min: 0, max: OPS.length - 1 })

function client(t: Tokens, fetch: typeof globalThis.fetch, hooks: object) {
  return new NutanClient({
    accessToken: t.access,
    refreshToken: t.refresh,
    fetch,
    hooks,
    baseUrl: BASE,
    maxRetries: 0,
    maxRetryAfter: 1,
    limiter: { global: 1e9, strict: 1e9 },
  })
}

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input))

function unauthorized(): Response {
  return Response.json({ error: 'unauthorized', message: 'The access token expired' }, { status: 401 })
}

describe('leak corpus: @x/nutan', () => {
  test('a failed call never exposes the access or refresh token in its error or hook events', async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, failureArb(), opArb, async (tokens, failure, op) => {
        const credentials = credentialsOf(tokens)
        const ctx = { forms: echoForms(credentials), url: `${BASE}${OPS[op]!.path}`, credentials }
        const { events, hooks } = recordingHooks()
        // Every request fails the same hostile way: a 401 makes the refresh fail so too.
        const nutan = client(tokens, async () => answer(failure, ctx), hooks)
        const error = await rejectionOf(() => OPS[op]!.run(nutan))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 180 },
    )
  })

  test('a failed connection never exposes a token, however deep its causes quote the URL with it', async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, networkFailureArb, opArb, async (tokens, failure, op) => {
        const credentials = credentialsOf(tokens)
        const ctx = { forms: echoForms(credentials), url: `${BASE}${OPS[op]!.path}`, credentials }
        const { events, hooks } = recordingHooks()
        const nutan = client(tokens, async () => answer(failure, ctx), hooks)
        const error = await rejectionOf(() => OPS[op]!.run(nutan))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 80 },
    )
  })

  test('after a 401, a token endpoint that fails echoing the refresh and access tokens exposes neither', async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, failureArb(), opArb, async (tokens, failure, op) => {
        const credentials = credentialsOf(tokens)
        const ctx = { forms: echoForms(credentials), url: TOKEN_URL, credentials }
        const { events, hooks } = recordingHooks()
        let refreshes = 0
        const nutan = client(
          tokens,
          async (input) =>
            urlOf(input) === TOKEN_URL && ++refreshes ? answer(failure, ctx) : unauthorized(),
          hooks,
        )
        const error = await rejectionOf(() => OPS[op]!.run(nutan))
        expect(refreshes).toBe(1)
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 200 },
    )
  })

  test('a refusal of the refresh token (400, 401) echoing it is final and exposes no token', async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, httpFailureArb(fc.constantFrom(400, 401, 403)), async (tokens, failure) => {
        const credentials = credentialsOf(tokens)
        const ctx = { forms: echoForms(credentials), url: TOKEN_URL, credentials }
        const { events, hooks } = recordingHooks()
        const nutan = client(
          tokens,
          async (input) => (urlOf(input) === TOKEN_URL ? answer(failure, ctx) : unauthorized()),
          hooks,
        )
        const first = await rejectionOf(() => nutan.deals.list())
        // The second call fails from the remembered refusal, without asking the server again.
        const second = await rejectionOf(() => nutan.contacts.list())
        assertNoLeak([...exposedParts(first, events), ...exposedParts(second, [])], credentials)
      }),
      { numRuns: 60 },
    )
  })

  test('after a successful refresh, a failure echoing the old and the new tokens exposes none of them', async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, tokensArb, failureArb(), opArb, async (old, fresh, failure, op) => {
        const credentials = [...credentialsOf(old, 'old-'), ...credentialsOf(fresh, 'new-')]
        const ctx = { forms: echoForms(credentials), url: `${BASE}${OPS[op]!.path}`, credentials }
        const { events, hooks } = recordingHooks()
        let calls = 0
        const nutan = client(
          old,
          async (input) => {
            if (urlOf(input) === TOKEN_URL)
              return Response.json({
                access_token: fresh.access,
                refresh_token: fresh.refresh,
                token_type: 'Bearer',
                expires_in: 3600,
              })
            return calls++ === 0 ? unauthorized() : answer(failure, ctx)
          },
          hooks,
        )
        const error = await rejectionOf(() => OPS[op]!.run(nutan))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 80 },
    )
  })

  test("a success's hostile headers reach no hook event (refresh notices included) and no logged `.withResponse()` response", async () => {
    await fc.assert(
      fc.asyncProperty(
        tokensArb,
        tokensArb,
        headersArb,
        fc.boolean(),
        async (old, fresh, echoed, refreshFirst) => {
          // The new pair is a credential once the client holds it: the token answer itself may only echo the old one.
          const before = credentialsOf(old, 'old-')
          const credentials = refreshFirst ? [...before, ...credentialsOf(fresh, 'new-')] : before
          const ctx = { forms: echoForms(credentials), url: `${BASE}/deals/d_1`, credentials }
          const tokenCtx = { ...ctx, forms: echoForms(before), credentials: before }
          const { events, hooks } = recordingHooks()
          let calls = 0
          const nutan = client(
            old,
            async (input) => {
              const json = new Headers({ 'content-type': 'application/json' })
              if (urlOf(input) === TOKEN_URL)
                return Response.json(
                  { access_token: fresh.access, refresh_token: fresh.refresh, expires_in: 3600 },
                  { headers: echoHeaders(echoed, tokenCtx, json) },
                )
              if (refreshFirst && calls++ === 0) return unauthorized()
              return Response.json(
                { id: 'd_1', name: 'Car Wash Inc.' },
                { headers: echoHeaders(echoed, ctx, json) },
              )
            },
            hooks,
          )
          const { response } = await nutan.deals.update('d_1', { name: 'Car Wash Inc.' }).withResponse()
          assertNoLeak(
            exposedParts(undefined, events, { responses: [response, nutan.rateLimit, nutan] }),
            credentials,
          )
        },
      ),
      { numRuns: 80 },
    )
  })

  test('the corpus wrote every spelling of both tokens', () => {
    expect(missingCoverage()).toEqual([])
    expect([...coverage.values]).toEqual(
      expect.arrayContaining([
        'access',
        'refresh',
        'access-b64',
        'refresh-b64url',
        'old-refresh',
        'new-access',
      ]),
    )
    expect([...coverage.kinds]).toEqual(
      expect.arrayContaining(['hook:onNotice', 'hook:onError', 'network:node-fetch:connect']),
    )
  })
})
