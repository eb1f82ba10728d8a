/** What one HTTP attempt needs. */
export interface SendInit {
  method: string
  headers: Record<string, string>
  body: string | undefined
  /** Bounds the whole attempt: connecting, the response headers and reading the body. */
  timeoutMs: number
  /** The caller's signal (their AbortSignal and the call's deadline); aborting it ends the attempt. */
  signal: AbortSignal | undefined
  fetch: typeof fetch | undefined
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

// setTimeout fires at once for delays above 2^31 - 1 ms; longer timeouts mean "no timeout" in practice.
const MAX_TIMER_MS = 2_147_483_647

/**
 * Sends one request with `fetch` and reads its body. A plain URL and init rather than a Request object:
 * fetch copies a Request again and streams its body, which doubled the client's cost of a small PATCH.
 */
export async function send(url: string, init: SendInit): Promise<Sent> {
  const callerSignal = init.signal
  callerSignal?.throwIfAborted()
  const controller = new AbortController()
  const timer = setTimeout(abortForTimeout, Math.min(init.timeoutMs, MAX_TIMER_MS), controller)
  let callerAborted: (() => void) | undefined
  if (callerSignal) {
    callerAborted = () => controller.abort(callerSignal.reason)
    callerSignal.addEventListener('abort', callerAborted, { once: true })
  }
  try {
    const response = await (init.fetch ?? globalThis.fetch)(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: controller.signal,
    })
    // A null body (204, 205, 304, HEAD) reads as '': skip the body-stream machinery that would say so.
    return { response, text: response.body === null ? '' : await response.text() }
  } catch (error) {
    if (controller.signal.reason === TIMED_OUT) {
      throw new AttemptTimeout(`No complete response within ${init.timeoutMs} ms`)
    }
    throw error
  } finally {
    clearTimeout(timer)
    if (callerAborted) callerSignal?.removeEventListener('abort', callerAborted)
  }
}

/** The abort reason of an attempt that ran out of time, told apart from the caller's own abort. */
const TIMED_OUT = Symbol('attempt timed out')

// A named function given its controller as an argument: no closure to allocate per request.
function abortForTimeout(controller: AbortController): void {
  controller.abort(TIMED_OUT)
}
