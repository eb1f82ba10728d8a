/** Request headers every simulator lets a browser page send. */
export const BASE_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'if-none-match',
  'idempotency-key',
  'x-request-id',
] as const

/** Response headers every simulator lets a browser page read. */
export const BASE_EXPOSE_HEADERS = [
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Retry-After',
  'retry-after-ms',
  'ETag',
  'Content-Length',
] as const

/** The CORS headers of a response to a page at `origin` (or any page when absent). */
export function corsHeaders(
  origin: string | undefined,
  exposeHeaders: readonly string[],
): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': exposeHeaders.join(', '),
    vary: 'Origin',
  }
}

/** The headers of a preflight answer: every method, the allowed headers plus whatever the page asked for. */
export function preflightHeaders(
  origin: string | undefined,
  requested: string | undefined,
  allowHeaders: readonly string[],
  exposeHeaders: readonly string[],
): Record<string, string> {
  const allowed = new Set(allowHeaders.map((header) => header.toLowerCase()))
  for (const header of requested?.split(',') ?? [])
    if (header.trim()) allowed.add(header.trim().toLowerCase())
  return {
    ...corsHeaders(origin, exposeHeaders),
    'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': [...allowed].join(', '),
    'access-control-max-age': '600',
  }
}
