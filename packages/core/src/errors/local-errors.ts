import { brandErrorClass } from './brand'
import { type ErrorJson, SdkError } from './sdk-error'

/** Where a request failed before an HTTP answer arrived. */
export interface RequestPlace {
  method: string
  path: string
}

/** The connection failed (DNS, refused, reset, dropped) before a complete answer arrived. */
export class ConnectionError extends SdkError {
  static {
    brandErrorClass(ConnectionError, 'ConnectionError')
  }
  override name = 'ConnectionError'
  readonly method: string
  readonly path: string
  /** True when the request provably never reached a server (so even a create may be resent). */
  readonly notSent: boolean

  constructor(place: RequestPlace, options: { cause?: unknown; notSent?: boolean; message?: string } = {}) {
    super(options.message ?? `Connection failed: ${place.method} ${place.path}`, { cause: options.cause })
    this.method = place.method
    this.path = place.path
    this.notSent = options.notSent ?? false
  }

  override toJSON(): ErrorJson {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      notSent: this.notSent,
    }
  }
}

/** An attempt exceeded `timeout`, or the whole call exceeded `deadline`. */
export class TimeoutError extends SdkError {
  static {
    brandErrorClass(TimeoutError, 'TimeoutError')
  }
  override name = 'TimeoutError'
  readonly method: string
  readonly path: string
  readonly timeoutMs: number

  constructor(place: RequestPlace, timeoutMs: number, kind: 'attempt' | 'deadline' = 'attempt') {
    super(
      kind === 'attempt'
        ? `Request timed out after ${timeoutMs} ms: ${place.method} ${place.path}`
        : `Deadline of ${timeoutMs} ms exceeded: ${place.method} ${place.path}`,
    )
    this.method = place.method
    this.path = place.path
    this.timeoutMs = timeoutMs
  }

  override toJSON(): ErrorJson {
    return {
      name: this.name,
      message: this.message,
      method: this.method,
      path: this.path,
      timeoutMs: this.timeoutMs,
    }
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends SdkError {
  static {
    brandErrorClass(AbortError, 'AbortError')
  }
  override name = 'AbortError'
  constructor(message = 'The request was aborted', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/**
 * A shared limiter (e.g. one backed by Redis) could not be reached and is set to fail closed: the call was
 * not sent. `cause` says why the store failed, without its address or credentials.
 */
export class LimiterUnavailableError extends SdkError {
  static {
    brandErrorClass(LimiterUnavailableError, 'LimiterUnavailableError')
  }
  override name = 'LimiterUnavailableError'
  constructor(
    message = 'The shared rate limiter is unavailable; the call was not sent',
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
