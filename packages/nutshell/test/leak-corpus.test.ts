import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  answer,
  assertNoLeak,
  type Credential,
  coverage,
  type DeepSpec,
  deepArb,
  type EchoContext,
  echoForms,
  echoHeaders,
  emailArb,
  exposedParts,
  failureArb,
  formAt,
  type HeaderEcho,
  type HttpFailure,
  headersArb,
  httpFailureArb,
  type JsonStyle,
  jsonStyleArb,
  missingCoverage,
  type NetworkFailure,
  networkFailureArb,
  pickArb,
  recordingHooks,
  rejectionOf,
  renderDeep,
  secretArb,
  serialize,
} from '../../core/test/leak-corpus.support'
import { NutshellClient } from '../src'

const REST = 'https://app.nutshell.com/rest'
const RPC = 'https://app01.nutshell.com/api/v1/json'
const DISCOVERY = 'https://api.nutshell.com/v1/json'

const loginArb = fc.record({ email: emailArb(), apiKey: secretArb() })
type Login = { email: string; apiKey: string }

const credentialsOf = (login: Login): Credential[] => [
  { name: 'key', secret: login.apiKey, user: login.email },
]

/** REST calls of several shapes: paged list, single GET, create (POST), JSON Patch update. */
const OPS: { path: string; run: (ns: NutshellClient) => PromiseLike<unknown> }[] = [
  { path: '/leads', run: (ns) => ns.leads.list() },
  { path: '/leads/1-leads', run: (ns) => ns.leads.get('1-leads') },
  { path: '/leads', run: (ns) => ns.leads.create({ description: 'Car Wash Inc.' }) },
  {
    path: '/leads/1-leads',
    run: (ns) => ns.leads.update('1-leads', { description: 'Car Wash Inc. (3 sites)' }),
  },
  { path: '/contacts', run: (ns) => ns.contacts.list({ limit: 5 }) },
  { path: '/accounts/2-accounts', run: (ns) => ns.accounts.get('2-accounts') },
]
const opArb = fc.integer({ min: 0, max: OPS.length - 1 })

const RPC_METHODS = ['getLead', 'findLeads', 'editLead', 'newContact', 'searchUniversal'] as const

function client(login: Login, fetch: typeof globalThis.fetch, hooks: object, extra: object = {}) {
  return new NutshellClient({
    email: login.email,
    apiKey: login.apiKey,
    fetch,
    baseUrl: REST,
    maxRetries: 0,
    maxRetryAfter: 1,
    hooks,
    rpc: { endpoint: RPC },
    ...extra,
  })
}

/** A JSON-RPC `error` inside a 200, its code, message and data echoing the credential. */
interface RpcErrorSpec {
  code: number | { pick: number }
  message: number
  data?: DeepSpec
  style: JsonStyle
  headers: HeaderEcho[]
}
const rpcErrorArb: fc.Arbitrary<RpcErrorSpec> = fc.record(
  {
    code: fc.oneof(
      fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500, 503, -32700, -32602, -32601, -32000, 1001),
      pickArb.map((pick) => ({ pick })),
    ),
    message: pickArb,
    data: deepArb,
    style: jsonStyleArb,
    headers: headersArb,
  },
  { requiredKeys: ['code', 'message', 'style', 'headers'] },
)
function rpcErrorResponse(spec: RpcErrorSpec, ctx: EchoContext, id: string): Response {
  coverage.kinds.add('rpc-error-in-200')
  const error: Record<string, unknown> = {
    code: typeof spec.code === 'number' ? spec.code : formAt(ctx, spec.code.pick),
    message: `Invalid API key ${formAt(ctx, spec.message)}`,
  }
  if (spec.data) error.data = renderDeep(spec.data, ctx)
  const headers = echoHeaders(spec.headers, ctx, new Headers({ 'content-type': 'application/json' }))
  return new Response(serialize({ result: null, id, error }, spec.style), { status: 200, headers })
}

async function requestId(init: RequestInit | undefined): Promise<string> {
  try {
    return String((JSON.parse(String(init?.body)) as { id?: unknown }).id ?? '1')
  } catch {
    return '1'
  }
}

describe('leak corpus: @x/nutshell', () => {
  test('a failed REST call never exposes the API key or its Basic-auth forms in its error or hook events', async () => {
    await fc.assert(
      fc.asyncProperty(loginArb, failureArb(), opArb, async (login, failure, op) => {
        const credentials = credentialsOf(login)
        const ctx = { forms: echoForms(credentials), url: `${REST}${OPS[op]!.path}`, credentials }
        const { events, hooks } = recordingHooks()
        const ns = client(login, async () => answer(failure, ctx), hooks)
        const error = await rejectionOf(() => OPS[op]!.run(ns))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 220 },
    )
  })

  test('a 401 HTML page or a 429 with Retry-After never exposes the API key', async () => {
    await fc.assert(
      fc.asyncProperty(
        loginArb,
        httpFailureArb(fc.constantFrom(401, 429)),
        opArb,
        async (login, failure, op) => {
          const credentials = credentialsOf(login)
          const ctx = { forms: echoForms(credentials), url: `${REST}${OPS[op]!.path}`, credentials }
          const { events, hooks } = recordingHooks()
          const ns = client(login, async () => answer(failure, ctx), hooks)
          const error = await rejectionOf(() => OPS[op]!.run(ns))
          assertNoLeak(exposedParts(error, events), credentials)
        },
      ),
      { numRuns: 60 },
    )
  })

  test('a JSON-RPC error inside a 200 (or a failed JSON-RPC request) never exposes the API key in ns.rpc.call errors', async () => {
    const rpcFailureArb = fc.oneof(
      { weight: 3, arbitrary: rpcErrorArb.map((spec) => ({ kind: 'rpc' as const, spec })) },
      { weight: 1, arbitrary: failureArb() },
    )
    await fc.assert(
      fc.asyncProperty(
        loginArb,
        rpcFailureArb,
        fc.constantFrom(...RPC_METHODS),
        async (login, failure, method) => {
          const credentials = credentialsOf(login)
          const ctx = { forms: echoForms(credentials), url: RPC, credentials }
          const { events, hooks } = recordingHooks()
          const ns = client(
            login,
            async (_url, init) =>
              failure.kind === 'rpc'
                ? rpcErrorResponse(failure.spec, ctx, await requestId(init))
                : answer(failure, ctx),
            hooks,
          )
          const error = await rejectionOf(() => ns.rpc.call(method, { leadId: 1 }))
          assertNoLeak(exposedParts(error, events), credentials)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('a failed JSON-RPC endpoint discovery never exposes the API key', async () => {
    const discoveryFailureArb = fc.oneof(
      rpcErrorArb.map((spec) => ({ kind: 'rpc' as const, spec })),
      httpFailureArb(),
      networkFailureArb,
    )
    await fc.assert(
      fc.asyncProperty(loginArb, discoveryFailureArb, async (login, failure) => {
        const credentials = credentialsOf(login)
        const ctx = { forms: echoForms(credentials), url: DISCOVERY, credentials }
        const { events, hooks } = recordingHooks()
        const ns = client(
          login,
          async (_url, init) =>
            failure.kind === 'rpc'
              ? rpcErrorResponse(failure.spec, ctx, await requestId(init))
              : answer(failure as HttpFailure | NetworkFailure, ctx),
          hooks,
          { rpc: { discoveryUrl: DISCOVERY } },
        )
        const error = await rejectionOf(() => ns.rpc.call('getLead', { leadId: 1 }))
        assertNoLeak(exposedParts(error, events), credentials)
      }),
      { numRuns: 60 },
    )
  })

  test("with `fallback: 'rpc'`, a REST read and its JSON-RPC twin both failing expose the API key in no error or notice", async () => {
    const restFailureArb = fc.oneof(httpFailureArb(fc.integer({ min: 500, max: 599 })), networkFailureArb)
    const reads = [
      (ns: NutshellClient) => ns.leads.get('1-leads'),
      (ns: NutshellClient) => ns.contacts.get('3-contacts'),
      (ns: NutshellClient) => ns.accounts.get('2-accounts'),
    ]
    await fc.assert(
      fc.asyncProperty(
        loginArb,
        restFailureArb,
        rpcErrorArb,
        fc.integer({ min: 0, max: 2 }),
        async (login, rest, rpc, read) => {
          const credentials = credentialsOf(login)
          const ctx = { forms: echoForms(credentials), url: `${REST}/leads/1-leads`, credentials }
          const { events, hooks } = recordingHooks()
          const ns = client(
            login,
            async (url, init) =>
              String(url).startsWith(RPC)
                ? rpcErrorResponse(rpc, ctx, await requestId(init))
                : answer(rest, ctx),
            hooks,
            { fallback: 'rpc' },
          )
          const error = await rejectionOf(() => reads[read]!(ns))
          expect(events.some((e) => e.hook === 'onNotice')).toBe(true)
          assertNoLeak(exposedParts(error, events), credentials)
        },
      ),
      { numRuns: 60 },
    )
  })

  test('a success never exposes the API key: not its hostile headers in hooks or a logged `.withResponse()`, not a mismatch reported under a hostile field name', async () => {
    await fc.assert(
      fc.asyncProperty(
        loginArb,
        headersArb,
        fc.option(pickArb, { nil: undefined }),
        fc.constantFrom<'loose' | 'strict'>('loose', 'strict'),
        async (login, echoed, badKey, validation) => {
          const credentials = credentialsOf(login)
          const ctx = { forms: echoForms(credentials), url: `${REST}/leads/1-leads`, credentials }
          const { events, hooks } = recordingHooks()
          // `links` values are ids, so `true` under a key spelled like the credential is a schema mismatch at that key.
          const lead = {
            id: '1-leads',
            name: 'Car Wash',
            links: badKey === undefined ? {} : { [formAt(ctx, badKey)]: true },
          }
          const fetch = async () =>
            new Response(JSON.stringify({ leads: [lead] }), {
              status: 200,
              headers: echoHeaders(echoed, ctx, new Headers({ 'content-type': 'application/json' })),
            })
          const ns = client(login, fetch, hooks, { validation })
          let error: unknown
          const responses: unknown[] = []
          try {
            const { response } = await ns.leads.get('1-leads').withResponse()
            responses.push(response)
          } catch (thrown) {
            error = thrown
          }
          assertNoLeak(exposedParts(error, events, { responses }), credentials)
        },
      ),
      { numRuns: 120 },
    )
  })

  test('the corpus wrote every spelling of the credential, and the Basic-auth forms', () => {
    expect(missingCoverage()).toEqual([])
    expect([...coverage.values]).toEqual(
      expect.arrayContaining(['key', 'key-b64', 'pair', 'pair-b64', 'pair-b64url', 'basic']),
    )
    expect([...coverage.kinds]).toEqual(
      expect.arrayContaining([
        'rpc-error-in-200',
        'status-text',
        'body:html',
        'body:text',
        'hook:onNotice',
        'hook:onError',
      ]),
    )
  })
})
