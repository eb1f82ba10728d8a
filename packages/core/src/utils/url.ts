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
