import type { Pipeline } from './pipeline'

function connectionDropped(): TypeError {
  // Mirrors undici: a dropped socket surfaces as TypeError('fetch failed') with the socket error as cause.
  const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })
  return new TypeError('fetch failed', { cause })
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** A `fetch` that answers through the simulator's pipeline in process, without any network I/O. */
export function createInProcessFetch(pipeline: Pipeline): typeof globalThis.fetch {
  return async (input, init) => {
    const request = new Request(input, init)
    const response = await abortable(pipeline(request), request.signal)
    if (response.type === 'error') throw connectionDropped()
    // A real fetch reports the URL it fetched; constructed responses carry an empty one.
    Object.defineProperty(response, 'url', { value: request.url })
    return response
  }
}
