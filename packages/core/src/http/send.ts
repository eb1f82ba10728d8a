import { abortable } from '../utils/abortable'

/** What one HTTP attempt needs. */
export interface SendInit {
  method: string
  headers: Record<string, string>
  body: string | undefined
  /** Bounds the whole attempt: connecting, the response headers and reading the body. */
  timeoutMs: number
  /** The caller's signal (their AbortSignal and the call's deadline); aborting it ends the attempt. */
  signal: AbortSignal | undefined
  fetch: typeof fetch
}

/** One attempt's response with its body read as text. */
export interface Sent {
  response: Response
  text: string
}

/** Thrown when an attempt outlives its `timeoutMs`; the transport turns it into a TimeoutError. */
export class AttemptTimeout extends Error {
  override name = 'AttemptTimeout'
}

/** setTimeout fires at once for delays above 2^31 - 1 ms; longer limits mean "no limit" in practice. */
export const MAX_TIMER_MS = 2_147_483_647

/** The abort reason of an attempt that ran out of time, told apart from the caller's own abort. */
const TIMED_OUT = Symbol('attempt timed out')

/**
 * Sends one request with `fetch` and reads its body, within `timeoutMs` and until the caller aborts.
 * The attempt is raced against its signal, so a `fetch` that ignores the signal cannot hold the call.
 */
export async function send(url: string, init: SendInit): Promise<Sent> {
  init.signal?.throwIfAborted()
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(TIMED_OUT), Math.min(init.timeoutMs, MAX_TIMER_MS))
  const callerAborted = () => controller.abort(init.signal?.reason)
  init.signal?.addEventListener('abort', callerAborted, { once: true })
  try {
    return await abortable(exchange(url, init, controller.signal), controller.signal)
  } catch (error) {
    if (controller.signal.reason === TIMED_OUT) {
      throw new AttemptTimeout(`No complete response within ${init.timeoutMs} ms`)
    }
    throw error
  } finally {
    clearTimeout(timer)
    init.signal?.removeEventListener('abort', callerAborted)
  }
}

async function exchange(url: string, init: SendInit, signal: AbortSignal): Promise<Sent> {
  // Called unbound: browsers refuse `fetch` called as a method of anything but the window.
  const { method, headers, body, fetch } = init
  const response = await fetch(url, { method, headers, body, signal })
  return { response, text: await response.text() }
}
