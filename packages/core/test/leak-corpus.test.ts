import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { type HttpMethod, secretForms, Transport } from '../src'
import {
  answer,
  assertNoLeak,
  type Credential,
  coverage,
  echoForms,
  echoHeaders,
  emailArb,
  exposedParts,
  failureArb,
  findLeak,
  type HttpFailure,
  headersArb,
  missingCoverage,
  type NetworkFailure,
  networkFailureArb,
  phpJson,
  pickArb,
  recordingHooks,
  rejectionOf,
  secretArb,
} from './leak-corpus.support'

const BASE = 'https://api.example.test/v1'

/** A key, and (for Basic auth) the email it belongs to; Bearer otherwise. */
const credentialArb = fc.record({ secret: secretArb(), email: fc.option(emailArb(), { nil: undefined }) })
type Cred = { secret: string; email: string | undefined }

/** 0, or 1 retry (so `onRetry` events are in the corpus too). */
const retriesArb = fc.constantFrom(0, 1)

interface Call {
  method: HttpMethod
  path: string
  body?: unknown
  query?: Record<string, string>
}
const callArb = fc.constantFrom<Call>(
  { method: 'GET', path: '/things/1' },
  { method: 'GET', path: '/things', query: { q: 'acme', 'page[limit]': '5' } },
  { method: 'POST', path: '/things', body: { name: 'x' } },
  { method: 'PATCH', path: '/things/1', body: [{ op: 'replace', path: '/name', value: 'y' }] },
  { method: 'DELETE', path: '/things/1' },
)

function credentialsOf(c: Cred): Credential[] {
  return [{ name: 'key', secret: c.secret, user: c.email }]
}

function authorization(c: Cred): string {
  if (c.email === undefined) return `Bearer ${c.secret}`
  return `Basic ${Buffer.from(`${c.email}:${c.secret}`).toString('base64')}`
}

/** A transport as both clients build one; `protect: false` leaves out `secrets` (the control). */
function transportFor(
  c: Cred,
  fetch: typeof globalThis.fetch,
  hooks: object,
  protect = true,
  maxRetries = 0,
) {
  const forms = protect ? secretForms([c.secret], c.email) : []
  return new Transport({
    baseUrl: BASE,
    fetch,
    auth: () => ({ authorization: authorization(c) }),
    secrets: () => forms,
    hooks,
    maxRetries,
    // A retry (and its onRetry event) happens at once; a 429's Retry-After (1 s or more) is never slept on.
    backoff: { initialDelay: 0, maxDelay: 0 },
    maxRetryAfter: 1,
  })
}

/** Runs one call against a server that fails it the hostile way, and returns every channel it exposes. */
async function exposedByFailure(
  c: Cred,
  failure: HttpFailure | NetworkFailure,
  call: Call,
  protect = true,
  maxRetries = 0,
) {
  const credentials = credentialsOf(c)
  const ctx = { forms: echoForms(credentials), url: `${BASE}${call.path}`, credentials }
  const { events, hooks } = recordingHooks()
  const transport = transportFor(c, async () => answer(failure, ctx), hooks, protect, maxRetries)
  const error = await rejectionOf(() => transport.request(call))
  return { parts: exposedParts(error, events), credentials, error }
}

describe('leak corpus: @x/core Transport', () => {
  test('an HTTP error answer never exposes the credential in any form, whatever its status, body, headers or status text', async () => {
    await fc.assert(
      fc.asyncProperty(
        credentialArb,
        failureArb(),
        callArb,
        retriesArb,
        async (c, failure, call, retries) => {
          const { parts, credentials } = await exposedByFailure(c, failure, call, true, retries)
          assertNoLeak(parts, credentials)
        },
      ),
      { numRuns: 260 },
    )
  })

  test('a 401 or 429 (with Retry-After) never exposes the credential either', async () => {
    await fc.assert(
      fc.asyncProperty(
        credentialArb,
        failureArb(fc.constantFrom(401, 429)),
        callArb,
        async (c, failure, call) => {
          const { parts, credentials } = await exposedByFailure(c, failure, call)
          assertNoLeak(parts, credentials)
        },
      ),
      { numRuns: 80 },
    )
  })

  test('a failed connection never exposes the credential, however deep its causes quote the URL with it', async () => {
    await fc.assert(
      fc.asyncProperty(
        credentialArb,
        networkFailureArb,
        callArb,
        retriesArb,
        async (c, failure, call, retries) => {
          const { parts, credentials } = await exposedByFailure(c, failure, call, true, retries)
          assertNoLeak(parts, credentials)
        },
      ),
      { numRuns: 150 },
    )
  })

  test("a success's hostile headers reach no hook event and no logged `.withResponse()` response", async () => {
    await fc.assert(
      fc.asyncProperty(credentialArb, headersArb, callArb, async (c, echoed, call) => {
        const credentials = credentialsOf(c)
        const ctx = { forms: echoForms(credentials), url: `${BASE}${call.path}`, credentials }
        const { events, hooks } = recordingHooks()
        const fetch = async () =>
          new Response('{"ok":true}', {
            status: 200,
            headers: echoHeaders(echoed, ctx, new Headers({ 'content-type': 'application/json' })),
          })
        const transport = transportFor(c, fetch, hooks)
        const { response } = await transport.request(call).withResponse()
        const parts = exposedParts(undefined, events, { responses: [response, transport.rateLimit] })
        assertNoLeak(parts, credentials)
      }),
      { numRuns: 100 },
    )
  })

  test('an echo of only the start of the credential (the body cut off by the network, or shortened by the server) leaves none of its first 12 characters', async () => {
    // Only a prefix arrives: the connection dropped while the echo was being written, or the server shortened it.
    const cutArb = fc.record({
      secret: secretArb(13, 64),
      email: fc.option(emailArb(), { nil: undefined }),
      keep: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom('json', 'json-php', 'text', 'text-padded', 'json-shortened'),
    })
    await fc.assert(
      fc.asyncProperty(cutArb, callArb, async ({ secret, email, keep, kind }, call) => {
        const chars = [...secret]
        const prefix = chars.slice(0, 12 + Math.floor(keep * (chars.length - 12))).join('')
        const body = {
          json: `{"error":{"message":"Invalid API key ${JSON.stringify(prefix).slice(1, -1)}`,
          'json-php': `{"error":{"message":"Invalid API key ${phpJson(prefix)}`,
          text: `Invalid API key ${prefix}`,
          'text-padded': `${'Service unavailable. '.repeat(8)}Invalid API key ${prefix}`,
          'json-shortened': JSON.stringify({ message: `Invalid API key ${prefix}… (shortened)` }),
        }[kind]!
        const credentials = credentialsOf({ secret, email })
        const { events, hooks } = recordingHooks()
        const fetch = async () =>
          new Response(body, { status: 502, headers: { 'content-type': 'application/json' } })
        const transport = transportFor({ secret, email }, fetch, hooks)
        const error = await rejectionOf(() => transport.request(call))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 60 },
    )
  })

  test('control: without `secrets` the same corpus leaks, in every spelling, so the detector bites', async () => {
    // Every form, spelled every way, echoed in a JSON message or quoted in node-fetch's error: an unprotected
    // transport must show it, and the detector must find it (else a forgotten form would pass unseen).
    const echoedArb = fc.oneof(
      fc.record({
        kind: fc.constant('http' as const),
        status: fc.integer({ min: 400, max: 599 }),
        headers: fc.constant([]),
        body: fc.record({
          kind: fc.constant('json' as const),
          json: fc.record({ message: pickArb, nested: fc.boolean() }),
          style: fc.constantFrom('plain' as const, 'php' as const),
        }),
      }),
      networkFailureArb.map((f) => ({ ...f, top: 'node-fetch' as const, stage: 'connect' as const })),
    )
    await fc.assert(
      fc.asyncProperty(credentialArb, echoedArb, callArb, async (c, failure, call) => {
        const { parts, credentials } = await exposedByFailure(
          c,
          failure as HttpFailure | NetworkFailure,
          call,
          false,
        )
        expect(findLeak(parts, credentials)).toBeDefined()
      }),
      { numRuns: 200 },
    )
  })

  test('the corpus wrote every spelling of the credential', () => {
    expect(missingCoverage()).toEqual([])
    expect([...coverage.kinds]).toEqual(
      expect.arrayContaining([
        'hook:onRequest',
        'hook:onResponse',
        'hook:onRetry',
        'hook:onError',
        'status-text',
      ]),
    )
    expect([...coverage.values].sort()).toEqual(
      expect.arrayContaining([
        'key',
        'key-b64',
        'key-b64-nopad',
        'key-b64url',
        'key-b64url-pad',
        'pair',
        'pair-b64',
        'basic',
      ]),
    )
  })
})
