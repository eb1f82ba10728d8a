import { BASE_ALLOW_HEADERS, BASE_EXPOSE_HEADERS } from '../shared/cors'
import type { FaultBodyKind } from '../shared/faults'
import { mulberry32 } from '../shared/prng'
import type { ServiceProfile } from '../shared/service-profile'
import type { NutshellDb } from './db'
import { htmlPage, json, reason } from './responses'
import { handleRest, splitRestPath } from './rest'
import { handleRpc } from './rpc'

/** A request id in the style of Nutshell's, reproducible from the seed and the request number. */
function requestId(seed: number, n: number): string {
  const random = mulberry32((seed ^ Math.imul(n, 0x9e3779b1)) >>> 0)
  let out = ''
  for (let i = 0; i < 4; i++)
    out += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0')
  return out
}

/** Nutshell's answers to injected errors: `{"code":500,"message":"Internal Server Error"}`, `"Internal Error"`, or HTML. */
function errorResponse(status: number, body: FaultBodyKind): Response {
  if (body === 'html') return htmlPage(status)
  if (body === 'string') return json('Internal Error', status)
  return json({ code: status, message: reason(status) }, status)
}

/** The Nutshell service plugged into the shared pipeline: REST under `/rest`, JSON-RPC, discovery. */
export function nutshellProfile(db: NutshellDb, seed: () => number, reseed: () => void): ServiceProfile {
  return {
    owns: (url) => splitRestPath(url.pathname) !== undefined || /\/v1\/json\/?$/i.test(url.pathname),
    dispatch: async (request, url) =>
      (await handleRpc(db, request, url)) ?? (await handleRest(db, request, url)),
    notFound: () => json({ code: 404, message: 'Not Found' }, 404),
    errorResponse: (status, body) => errorResponse(status, body),
    htmlResponse: (status) => htmlPage(status),
    rateLimitedResponse: () => json({ code: 429, message: 'Too Many Requests' }, 429),
    decorate: (response, n) => {
      response.headers.set('x-nutshell-request-id', requestId(seed(), n))
    },
    exposeHeaders: [...BASE_EXPOSE_HEADERS, 'x-nutshell-request-id'],
    allowHeaders: [...BASE_ALLOW_HEADERS],
    reset: reseed,
  }
}
