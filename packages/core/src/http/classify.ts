import { AbortError, ConnectionError, SdkError, TimeoutError } from '../errors'
import type { Redactor } from '../redaction'
import { AttemptTimeout } from './send'

/**
 * Error codes that prove the request was never written to a server, so resending cannot duplicate it:
 * the name did not resolve, the connection was refused, or the handshake never completed. An
 * unreachable host or network (`EHOSTUNREACH`, `ENETUNREACH`) is not among them: it is also reported
 * when a route drops after the request was written and retransmits time out.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])

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
function safeCause(error: unknown, redactor: Redactor): Error {
  const codes = causeCodes(error)
  const message = error instanceof Error ? redactor.text(error.message) : 'unknown failure'
  const cause = new Error(codes.length ? `${message} (${codes.join(' < ')})` : message)
  if (codes[0]) (cause as Error & { code?: string }).code = codes[0]
  return cause
}

/** The error of a call its caller aborted: the SDK error the signal carries (a deadline's), else an AbortError. */
export function abortedError(signal: AbortSignal): SdkError {
  if (signal.reason instanceof SdkError) return signal.reason
  return new AbortError('The request was aborted', { cause: signal.reason })
}

/** Turns whatever one attempt threw into the SDK's error family. */
export function classifyThrown(
  error: unknown,
  place: { method: string; path: string },
  ctx: { timeoutMs: number; signal: AbortSignal | undefined; redactor: Redactor },
): SdkError {
  if (ctx.signal?.aborted) return abortedError(ctx.signal)
  if (error instanceof SdkError) return error
  if (error instanceof AttemptTimeout) return new TimeoutError(place, ctx.timeoutMs)
  if (error instanceof DOMException && error.name === 'AbortError')
    return new AbortError('The request was aborted', { cause: error })
  const codes = causeCodes(error)
  return new ConnectionError(place, {
    cause: safeCause(error, ctx.redactor),
    notSent: codes.some((c) => NOT_SENT_CODES.has(c)),
    message:
      error instanceof TypeError || codes.length > 0
        ? undefined
        : `Request failed: ${place.method} ${place.path}`,
  })
}
