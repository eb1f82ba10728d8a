import { SdkError } from '../errors/sdk-error'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** True for loopback hosts (localhost, 127.0.0.0/8, ::1), where plain http cannot leak to a network. */
export function isLoopback(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost')
  )
}

/** True when credentials may be sent to this URL: https anywhere, plain http only to loopback. */
export function isSafeForCredentials(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))
}

/** Throws unless credentials may be sent to this URL (the one refusal both clients give). */
export function assertSafeForCredentials(url: URL): void {
  if (!isSafeForCredentials(url)) {
    throw new SdkError(`Refusing to send credentials over plain http to a non-loopback host: ${url.host}`)
  }
}

/** Joins a base URL and a path without doubling or dropping slashes. */
export function joinUrl(base: string, path: string, query?: string): string {
  if (/^https?:\/\//i.test(path)) return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
  return query ? `${url}?${query}` : url
}

/** Where one request goes: its URL, the path events and errors name, and whether credentials may go there. */
export interface Target {
  url: string
  path: string
  safeForCredentials: boolean
}

// Paths the URL parser keeps exactly as written: one leading slash, only characters it never escapes,
// and no `.` or `..` segment for it to resolve. Anything else is parsed, as before.
const PLAIN_PATH = /^\/[\w\-.~!$&'()*+,;=:@%/]*$/
const DOT_SEGMENT = /\/\.\.?(\/|$)/

function isPlainPath(path: string): boolean {
  return path[1] !== '/' && PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path)
}

/**
 * A base URL parsed once. A request to a plain path under it is built by joining strings: parsing the
 * whole URL on every request cost about 0.6 KB and 0.7 µs, a sixth of the transport's own cost on a PATCH.
 */
export class BaseUrl {
  readonly #href: string
  readonly #path: string
  readonly #safe: boolean

  constructor(base: string) {
    const parsed = new URL(base)
    this.#href = base.replace(/\/+$/, '')
    this.#path = parsed.pathname.replace(/\/+$/, '')
    this.#safe = isSafeForCredentials(parsed)
  }

  /** The target of `path` (relative to the base, or an absolute URL) with an encoded query. */
  resolve(path: string, query: string): Target {
    if (isPlainPath(path)) {
      const url = `${this.#href}${path}`
      return {
        url: query ? `${url}?${query}` : url,
        path: `${this.#path}${path}`,
        safeForCredentials: this.#safe,
      }
    }
    const url = joinUrl(this.#href, path, query)
    const parsed = new URL(url)
    return { url, path: parsed.pathname, safeForCredentials: isSafeForCredentials(parsed) }
  }
}
