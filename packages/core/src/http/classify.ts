import { AbortError, ConnectionError, SdkError, TimeoutError } from '../errors'
import { AttemptTimeout } from './send'

/** Error codes that prove the request never reached a server, so resending cannot duplicate it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

function causeCodes(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') codes.push(code)
    current = (current as { cause?: unknown }).cause
  }
  return codes
}

/** A credential-free stand-in for a low-level error (a runtime's errors may quote the URL or the request). */
function safeCause(error: unknown, redact: (text: string) => string): Error {
  const codes = causeCodes(error)
  const message = error instanceof Error ? redact(error.message) : 'unknown failure'
  const cause = new Error(codes.length ? `${message} (${codes.join(' < ')})` : message)
  if (codes[0]) (cause as Error & { code?: string }).code = codes[0]
  return cause
}

/** The error of a call its caller aborted: the SDK error the signal carries (a deadline's), else an AbortError. */
export function abortedError(signal: AbortSignal): SdkError {
  return signal.reason instanceof SdkError ? signal.reason : new AbortError('The request was aborted')
}

/** Turns whatever fetch threw during one attempt into the SDK's error family. */
export function classifyThrown(
  error: unknown,
  place: { method: string; path: string },
  ctx: { timeoutMs: number; callSignal?: AbortSignal; redact: (text: string) => string },
): SdkError {
  if (error instanceof SdkError) return error
  if (ctx.callSignal?.aborted) return abortedError(ctx.callSignal)
  if (error instanceof AttemptTimeout) return new TimeoutError(place, ctx.timeoutMs)
  const codes = causeCodes(error)
  const isNetwork = error instanceof TypeError || codes.length > 0
  if (isNetwork) {
    return new ConnectionError(place, {
      cause: safeCause(error, ctx.redact),
      notSent: codes.some((c) => NOT_SENT_CODES.has(c)),
    })
  }
  if (error instanceof DOMException && error.name === 'AbortError') return new AbortError()
  return new ConnectionError(place, {
    cause: safeCause(error, ctx.redact),
    message: `Request failed: ${place.method} ${place.path}`,
  })
}
