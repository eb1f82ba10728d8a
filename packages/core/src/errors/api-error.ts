import { brandErrorClass } from './brand'
import { type ErrorJson, SdkError } from './sdk-error'

/** One field-level problem reported by a server (Nutshell `errors[]`, Nutan `details[]`). */
export interface ErrorDetail {
  field?: string | null
  message: string
  code?: string | number | null
  [key: string]: unknown
}

/** What an ApiError knows about the failed exchange. */
export interface ApiErrorInit {
  status: number
  message: string
  method: string
  path: string
  requestId?: string | undefined
  details?: ErrorDetail[] | undefined
  retryAfterMs?: number | undefined
  code?: string | number | undefined
  data?: unknown
  body?: unknown
  /** Only the allowlisted response headers (see `SAFE_HEADERS`), already scrubbed. */
  headers?: Readonly<Record<string, string>> | undefined
}

/** An error answer from the API (an HTTP status, or a JSON-RPC error mapped to one). */
export class ApiError extends SdkError {
  static {
    brandErrorClass(ApiError, 'ApiError')
  }
  override name = 'ApiError'
  readonly status: number
  readonly method: string
  readonly path: string
  readonly requestId: string | undefined
  readonly details: ErrorDetail[]
  readonly retryAfterMs: number | undefined
  /** The server's own error code (JSON-RPC `code`, Nutan `error`), when it sent one. */
  readonly code: string | number | undefined
  /** JSON-RPC `error.data`, when present. */
  readonly data: unknown
  /** The parsed error body (JSON value or a short text excerpt), with every credential scrubbed. */
  readonly body: unknown
  /** The response's request id, retry and rate-limit headers and content type; never any other header. */
  readonly headers: Readonly<Record<string, string>>

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.status = init.status
    this.method = init.method
    this.path = init.path
    this.requestId = init.requestId
    this.details = init.details ?? []
    this.retryAfterMs = init.retryAfterMs
    this.code = init.code
    this.data = init.data
    this.body = init.body
    this.headers = init.headers ?? {}
  }

  override toJSON(): ErrorJson {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      path: this.path,
      requestId: this.requestId,
      code: this.code,
      details: this.details,
      retryAfterMs: this.retryAfterMs,
    }
  }
}

/** 400: the request was malformed or failed the server's validation. */
export class BadRequestError extends ApiError {
  static {
    brandErrorClass(BadRequestError, 'BadRequestError')
  }
  override name = 'BadRequestError'
}
/** 401: missing, wrong or expired credentials. */
export class AuthenticationError extends ApiError {
  static {
    brandErrorClass(AuthenticationError, 'AuthenticationError')
  }
  override name = 'AuthenticationError'
}
/** 403: authenticated, but not allowed (also thrown locally by scoped agent clients). */
export class PermissionDeniedError extends ApiError {
  static {
    brandErrorClass(PermissionDeniedError, 'PermissionDeniedError')
  }
  override name = 'PermissionDeniedError'
}
/** 404: no such record, or not visible to this user. */
export class NotFoundError extends ApiError {
  static {
    brandErrorClass(NotFoundError, 'NotFoundError')
  }
  override name = 'NotFoundError'
}
/** 409, and Nutshell's JSON-RPC "rev key is out-of-date". */
export class ConflictError extends ApiError {
  static {
    brandErrorClass(ConflictError, 'ConflictError')
  }
  override name = 'ConflictError'
}
/** 429: rate limited; `retryAfterMs` says when the server will accept the call again. */
export class RateLimitError extends ApiError {
  static {
    brandErrorClass(RateLimitError, 'RateLimitError')
  }
  override name = 'RateLimitError'
}
/** 5xx: the server failed. */
export class ServerError extends ApiError {
  static {
    brandErrorClass(ServerError, 'ServerError')
  }
  override name = 'ServerError'
}
