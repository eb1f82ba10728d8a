import { ConnectionError } from '../errors'

/** Parses a success body: empty → undefined, JSON → value; truncated JSON is a failed transfer. */
export function parseSuccessBody(
  text: string,
  headers: Headers,
  place: { method: string; path: string },
): unknown {
  if (!text.trim()) return undefined
  const looksJson = /json/i.test(headers.get('content-type') ?? '') || /^[\s]*[[{"]/.test(text)
  if (!looksJson) return text
  try {
    return JSON.parse(text)
  } catch (cause) {
    throw new ConnectionError(place, {
      cause: cause instanceof Error ? new Error(cause.message) : undefined,
      message: `Incomplete or malformed JSON in the response to ${place.method} ${place.path}`,
    })
  }
}
