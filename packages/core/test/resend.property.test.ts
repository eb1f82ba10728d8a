// The rule: a call that is not idempotent (a create, a PATCH) reaches the server at most once. It is resent
// only after a failure that proves the server never saw it: a refused connection, a name that did not
// resolve, a handshake that never completed, or a 429 (the server refused to act).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SdkError, Transport } from '../src'

const BASE = 'https://api.example.test/v1'

/** A fault one attempt can meet, and whether the server may have seen the request. */
interface Fault {
  name: string
  reachedServer: boolean
  answer: () => Promise<Response>
}

const networkError = (code: string) => () =>
  Promise.reject(
    new TypeError('fetch failed', { cause: Object.assign(new Error(`${code} at socket`), { code }) }),
  )

const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']
const MAYBE_SENT = [
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'ECONNABORTED',
]

const FAULTS: Fault[] = [
  ...NEVER_SENT.map((code) => ({ name: code, reachedServer: false, answer: networkError(code) })),
  ...MAYBE_SENT.map((code) => ({ name: code, reachedServer: true, answer: networkError(code) })),
  {
    name: 'TypeError without a code',
    reachedServer: true,
    answer: () => Promise.reject(new TypeError('fetch failed')),
  },
  ...[408, 500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status}`,
    reachedServer: true,
    answer: () => Promise.resolve(Response.json({ message: 'failed' }, { status })),
  })),
  {
    name: 'HTTP 429',
    // The server answered, but refused to act: it did not create anything.
    reachedServer: false,
    answer: () =>
      Promise.resolve(
        Response.json({ message: 'slow down' }, { status: 429, headers: { 'retry-after': '0' } }),
      ),
  },
  {
    name: 'a body cut off mid-stream',
    reachedServer: true,
    answer: () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'))
              controller.error(new TypeError('terminated'))
            },
          }),
          { status: 201, headers: { 'content-type': 'application/json' } },
        ),
      ),
  },
]

const ok = () => Promise.resolve(Response.json({ id: 1 }, { status: 201 }))

/** A transport whose fetch meets `faults` in order, then succeeds; it counts what reached the server. */
function faulty(faults: Fault[]) {
  const seen = { sent: 0, reachedServer: 0 }
  const fetch: typeof globalThis.fetch = () => {
    const fault = faults[seen.sent++]
    if (!fault || fault.reachedServer) seen.reachedServer++
    return fault ? fault.answer() : ok()
  }
  const transport = new Transport({
    baseUrl: BASE,
    fetch,
    maxRetries: 4,
    backoff: { initialDelay: 0, maxDelay: 0 },
  })
  return { transport, seen }
}

describe('a create is never sent twice', () => {
  it('POST and PATCH reach the server at most once, whatever faults come before and after (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'PATCH' as const),
        fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 5 }),
        async (method, faults) => {
          const { transport, seen } = faulty(faults)
          const outcome = await transport.request({ method, path: '/leads', body: { name: 'x' } }).then(
            () => 'ok',
            (error: unknown) => error,
          )
          expect(seen.reachedServer).toBeLessThanOrEqual(1)
          if (outcome !== 'ok') expect(outcome).toBeInstanceOf(SdkError)
          // It stops at the first fault that may have reached the server.
          const firstMaybe = faults.findIndex((f) => f.reachedServer)
          if (firstMaybe !== -1 && firstMaybe < 5) expect(seen.sent).toBe(Math.min(firstMaybe + 1, 5))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it.each(MAYBE_SENT)('a POST failing with %s after it was written is not resent', async (code) => {
    const { transport, seen } = faulty([FAULTS.find((f) => f.name === code)!])
    await expect(transport.request({ method: 'POST', path: '/leads', body: {} })).rejects.toMatchObject({
      name: 'ConnectionError',
      notSent: false,
    })
    expect(seen.sent).toBe(1)
  })

  it.each(NEVER_SENT)('a POST failing with %s before anything was written is resent', async (code) => {
    const { transport, seen } = faulty([FAULTS.find((f) => f.name === code)!])
    await expect(transport.request({ method: 'POST', path: '/leads', body: {} })).resolves.toEqual({ id: 1 })
    expect(seen.sent).toBe(2)
  })

  it('reads and idempotent writes retry every transient fault (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'PUT', 'DELETE' as const),
        fc.array(fc.constantFrom(...FAULTS), { minLength: 1, maxLength: 4 }),
        async (method, faults) => {
          const { transport, seen } = faulty(faults)
          await expect(transport.request({ method, path: '/leads/1' })).resolves.toEqual({ id: 1 })
          expect(seen.sent).toBe(faults.length + 1)
        },
      ),
      { numRuns: 500 },
    )
  })
})
