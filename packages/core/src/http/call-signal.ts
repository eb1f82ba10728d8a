/**
 * The caller's own signal (`RequestOptions.signal`) behind a response, so a list whose pages were fetched
 * with it can stop iterating the moment it aborts, even mid-page. Kept aside, not on the response
 * metadata: it is not data to log or serialize.
 */
const callSignals = new WeakMap<object, AbortSignal>()

export function rememberCallSignal(response: object, signal: AbortSignal | undefined): void {
  if (signal) callSignals.set(response, signal)
}

/** The signal the call behind `response` was made with, if any. */
export function callSignalOf(response: unknown): AbortSignal | undefined {
  return typeof response === 'object' && response !== null ? callSignals.get(response) : undefined
}
