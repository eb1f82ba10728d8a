import { InputValidationError, SdkError } from '../errors'

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

/** A segment the URL parser would resolve away (`.`, `..`, also percent-encoded) or split (`\`). */
const STEERING_SEGMENT = /^(?:\.|%2e){1,2}$|\\/i

/**
 * Where one request goes. The last guard against a steered path: whatever a resource built, a path
 * with a segment the URL parser would resolve (`/leads/..` is `/`) is refused before any request.
 */
export function resolveTarget(base: string, path: string, query: string): { url: URL; path: string } {
  const pathPart = path.split(/[?#]/, 1)[0] ?? ''
  if (pathPart.split('/').some((segment) => STEERING_SEGMENT.test(segment))) {
    throw new InputValidationError([
      { path: 'path', message: `"${pathPart}" has a segment that would move the request to another path` },
    ])
  }
  let url: URL
  try {
    url = new URL(joinUrl(base, path, query))
  } catch {
    throw new InputValidationError([{ path: 'baseUrl', message: 'must be an absolute http(s) URL' }])
  }
  return { url, path: url.pathname }
}
