import { authenticate } from '../auth'
import type { NutshellDb } from '../db'
import { htmlPage, RestFailure } from '../responses'
import type { RestContext } from './context'
import { EXTRA_ROUTES, REST_OPERATIONS } from './operations'
import { RestRouter } from './router'

const router = new RestRouter(REST_OPERATIONS, EXTRA_ROUTES)

/** Where `/rest` sits in a URL path, if it does: the prefix before it and the path after it. */
export function splitRestPath(pathname: string): { prefix: string; path: string } | undefined {
  const match = /^(.*?)\/rest(\/.*)?$/.exec(pathname)
  return match ? { prefix: match[1]!, path: match[2] ?? '/' } : undefined
}

/** Answers a request under `/rest`: Basic auth on every call, then the route (HTML 401/404 like the live service). */
export async function handleRest(db: NutshellDb, request: Request, url: URL): Promise<Response | undefined> {
  const split = splitRestPath(url.pathname)
  if (!split) return undefined
  const user = authenticate(db, request)
  if (!user) return htmlPage(401)
  const method = request.method === 'HEAD' ? 'GET' : request.method.toUpperCase()
  const match = router.match(method, split.path)
  if (!match) return htmlPage(404)
  const appBase = `${url.origin}${split.prefix}`
  const ctx: RestContext = {
    request,
    url,
    params: match.params,
    db,
    user,
    base: `${appBase}/rest`,
    appBase,
    now: Date.now(),
  }
  try {
    return await match.handler(ctx)
  } catch (error) {
    if (error instanceof RestFailure) return error.response
    throw error
  }
}
