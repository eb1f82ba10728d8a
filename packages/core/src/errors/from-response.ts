import type { Redactor } from '../redaction'
import {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorDetail,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from './api-error'

/** What the transport learned from an error response. */
export interface ErrorBodyReader {
  status: number
  statusText: string
  headers: Headers
  text: string
  method: string
  path: string
  requestId?: string | undefined
  retryAfterMs?: number | undefined
}

const MAX_EXCERPT = 200

/** The response headers an error keeps: enough to correlate and to know when to retry, nothing else. */
export const SAFE_HEADERS: readonly string[] = [
  'content-type',
  'retry-after',
  'retry-after-ms',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-request-id',
  'request-id',
  'x-nutshell-request-id',
]

/** The allowlisted headers of a response, scrubbed. */
export function safeHeaders(headers: Headers, redactor: Redactor): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of SAFE_HEADERS) {
    const value = headers.get(name)
    if (value !== null) out[name] = redactor.header(value)
  }
  return out
}

function classFor(status: number): typeof ApiError {
  if (status === 400 || status === 422) return BadRequestError
  if (status === 401) return AuthenticationError
  if (status === 403) return PermissionDeniedError
  if (status === 404) return NotFoundError
  if (status === 409) return ConflictError
  if (status === 429) return RateLimitError
  if (status >= 500) return ServerError
  return ApiError
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|\?xml)/i.test(text)
}

function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([^<]{1,120})<\/title>/i.exec(text) ?? /<h1[^>]*>([^<]{1,120})<\/h1>/i.exec(text)
  return match?.[1]?.trim() || undefined
}

function toDetail(raw: unknown): ErrorDetail | undefined {
  if (typeof raw === 'string') return { message: raw }
  if (!raw || typeof raw !== 'object') return undefined
  const r = raw as Record<string, unknown>
  const message = [r.detail, r.message, r.title, r.msg].find((v) => typeof v === 'string') as
    | string
    | undefined
  const field =
    typeof r.field === 'string'
      ? r.field
      : Array.isArray(r.loc)
        ? r.loc.join('.')
        : (r.field as null | undefined)
  return {
    ...r,
    field,
    message: message ?? 'Invalid value',
    code: (r.code as string | number | null) ?? null,
  }
}

interface Parsed {
  message?: string | undefined
  details: ErrorDetail[]
  code?: string | number | undefined
  data?: unknown
  body: unknown
}

function parseJsonBody(value: unknown): Parsed {
  if (typeof value === 'string') return { message: value, details: [], body: value }
  if (!value || typeof value !== 'object') return { details: [], body: value }
  const v = value as Record<string, unknown>
  const inner = v.error && typeof v.error === 'object' ? (v.error as Record<string, unknown>) : undefined
  const source = inner ?? v
  const list = Array.isArray(source.errors)
    ? source.errors
    : Array.isArray(source.details)
      ? source.details
      : []
  const details = list.map(toDetail).filter((d): d is ErrorDetail => d !== undefined)
  const headline =
    (typeof source.message === 'string' && source.message) ||
    details[0]?.message ||
    (typeof source.error === 'string' ? source.error : undefined) ||
    (typeof source.detail === 'string' ? source.detail : undefined)
  return {
    message: withFields(headline, details),
    details,
    code: codeOf(source, v),
    data: source.data,
    body: value,
  }
}

/**
 * A generic headline ("Request validation failed") says nothing a caller can act on: the fields the
 * details name are added to it, the first three of them (`: stage: must be one of ...`).
 */
function withFields(headline: string | undefined, details: ErrorDetail[]): string | undefined {
  const named = details.filter((d) => typeof d.field === 'string' && d.field !== '').slice(0, 3)
  if (!headline || named.length === 0 || named.some((d) => headline.includes(d.field as string)))
    return headline
  return `${headline}: ${named.map((d) => `${d.field}: ${d.message}`).join('; ')}`
}

function codeOf(source: Record<string, unknown>, v: Record<string, unknown>): string | number | undefined {
  const rawCode = source.code ?? (typeof v.error === 'string' ? v.error : undefined)
  return typeof rawCode === 'string' || typeof rawCode === 'number' ? rawCode : undefined
}

function parseBody(text: string): Parsed & { kind: 'empty' | 'json' | 'html' | 'text' | 'truncated' } {
  const trimmed = text.trim()
  if (!trimmed) return { kind: 'empty', details: [], body: undefined }
  if (looksLikeHtml(trimmed))
    return { kind: 'html', message: htmlTitle(trimmed), details: [], body: undefined }
  try {
    return { kind: 'json', ...parseJsonBody(JSON.parse(trimmed)) }
  } catch {
    const startsLikeJson = /^[[{"]/.test(trimmed)
    const excerpt = trimmed.length > MAX_EXCERPT ? `${trimmed.slice(0, MAX_EXCERPT)}…` : trimmed
    return startsLikeJson
      ? { kind: 'truncated', details: [], body: excerpt }
      : { kind: 'text', message: excerpt, details: [], body: excerpt }
  }
}

/**
 * Builds the typed ApiError for an HTTP error answer, whatever its body (JSON, JSON string, HTML, empty,
 * truncated), from scrubbed parts only: the text is redacted before anything is cut from it, the parsed
 * body again (JSON escapes can spell a secret the raw text hid), and only allowlisted headers are kept.
 */
export function apiErrorFromResponse(r: ErrorBodyReader, redactor: Redactor): ApiError {
  const parsed = parseBody(redactor.text(r.text))
  parsed.body = redactor.deep(parsed.body)
  parsed.data = redactor.deep(parsed.data)
  parsed.details = redactor.deep(parsed.details) as ErrorDetail[]
  if (parsed.message !== undefined) parsed.message = redactor.text(parsed.message)
  if (typeof parsed.code === 'string') parsed.code = redactor.text(parsed.code)
  const statusText = redactor.header(r.statusText)
  const requestId = r.requestId === undefined ? undefined : redactor.header(r.requestId)
  const statusLine = `${r.status}${statusText ? ` ${statusText}` : ''}`
  let summary = parsed.message
  if (parsed.kind === 'html') summary = `${summary ?? 'HTML error page'} (HTML error page)`
  if (parsed.kind === 'truncated') summary = 'unreadable (truncated or malformed JSON) error body'
  if (parsed.kind === 'empty') summary = 'empty body'
  const init: ApiErrorInit = {
    status: r.status,
    message: `${statusLine} on ${r.method} ${r.path}: ${summary}${requestId ? ` [request ${requestId}]` : ''}`,
    method: r.method,
    path: r.path,
    requestId,
    details: parsed.details,
    retryAfterMs: r.retryAfterMs,
    code: parsed.code,
    data: parsed.data,
    body: parsed.body,
    headers: safeHeaders(r.headers, redactor),
  }
  const ErrorClass = classFor(r.status)
  return new ErrorClass(init)
}

/** Builds the typed ApiError for an error a protocol reported inside a 200 (JSON-RPC `error`). */
export function apiErrorFromStatus(status: number, init: Omit<ApiErrorInit, 'status'>): ApiError {
  const ErrorClass = classFor(status)
  return new ErrorClass({ ...init, status })
}
