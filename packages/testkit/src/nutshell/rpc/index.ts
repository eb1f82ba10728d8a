import { authenticate } from '../auth'
import type { NutshellDb } from '../db'
import { empty, json } from '../responses'
import { isReadMethod, type RpcContext, type RpcMethod } from './context'
import { RpcError } from './errors'
import { accountMethods } from './methods-account'
import { crudMethods } from './methods-crud'
import { findMethods } from './methods-find'

const METHODS: Record<string, RpcMethod> = { ...crudMethods, ...findMethods, ...accountMethods }

function envelope(
  id: unknown,
  result: unknown,
  error: RpcError | null,
  status = 200,
  headers?: Record<string, string>,
): Response {
  const body = {
    result: error ? null : result,
    id: id ?? null,
    error: error ? { code: error.code, message: error.message, data: error.data } : null,
  }
  return json(body, status, headers)
}

/** FNV-1a over the result's JSON: a cheap, stable etag for find/search answers. */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16)
}

function etagOf(method: string, result: unknown): string {
  if (method.startsWith('get') && result && typeof result === 'object' && 'rev' in result) {
    return String((result as { rev: unknown }).rev)
  }
  return hash(JSON.stringify(result))
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false
  return header
    .split(',')
    .some((part) => part.trim().replace(/^W\//, '').replace(/^"|"$/g, '') === etag || part.trim() === '*')
}

/** `getApiForUsername`: the host to call; the simulator names itself, so discovery works on any origin. */
function discover(url: URL, params: Record<string, unknown>, id: unknown): Response {
  if (typeof params.username !== 'string' || params.username === '') {
    return envelope(id, null, new RpcError(-32602, 'Invalid params: username is required'))
  }
  const host = url.host === 'api.nutshell.com' ? 'app.nutshell.com' : url.host
  return envelope(id, { api: host, login: host, iphone: host }, null)
}

/** Answers JSON-RPC at `.../api/v1/json` and discovery at `.../v1/json`; `undefined` for other paths. */
export async function handleRpc(db: NutshellDb, request: Request, url: URL): Promise<Response | undefined> {
  const path = url.pathname.replace(/\/+$/, '')
  const isEndpoint = /\/api\/v1\/json$/i.test(path)
  if (!isEndpoint && !/\/v1\/json$/i.test(path)) return undefined
  if (request.method !== 'POST')
    return envelope(null, null, new RpcError(-32600, 'Invalid Request: use POST'), 405)
  let message: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(await request.text())
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
    message = parsed as Record<string, unknown>
  } catch {
    return envelope(null, null, new RpcError(-32700, 'Parse error'))
  }
  const { method, id } = message
  const params = message.params ?? {}
  if (typeof method !== 'string')
    return envelope(id, null, new RpcError(-32600, 'Invalid Request: method is required'))
  if (!params || typeof params !== 'object' || Array.isArray(params)) {
    return envelope(
      id,
      null,
      new RpcError(-32602, 'Invalid params: params must be an object of named params'),
    )
  }
  const named = params as Record<string, unknown>
  if (method === 'getApiForUsername') return discover(url, named, id)
  if (!isEndpoint) return envelope(id, null, new RpcError(-32601, `Method not found: ${method}`))
  const user = authenticate(db, request)
  if (!user)
    return envelope(id, null, new RpcError(401, 'Authentication failed: check the username and API key'), 401)
  const run = Object.hasOwn(METHODS, method) ? METHODS[method] : undefined
  if (!run) return envelope(id, null, new RpcError(-32601, `Method not found: ${method}`))
  const ctx: RpcContext = { db, user, now: Date.now() }
  try {
    const result = run(named, ctx)
    if (!isReadMethod(method)) return envelope(id, result, null)
    const etag = etagOf(method, result)
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return empty(304, { ETag: `"${etag}"` })
    return envelope(id, result, null, 200, { ETag: `"${etag}"` })
  } catch (error) {
    if (error instanceof RpcError) return envelope(id, null, error)
    throw error
  }
}
