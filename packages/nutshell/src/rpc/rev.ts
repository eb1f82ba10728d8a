import { ConflictError } from '@x/core'

/** The default number of re-reads after a rev conflict. */
export const DEFAULT_MAX_REV_RETRIES = 3

/**
 * Optimistic concurrency for JSON-RPC edits: read the record (for its current rev), write, and on a
 * 409 "rev key is out-of-date" read again and retry, at most `maxRetries` times. Resending an edit is
 * safe here because a 409 means the service refused it; any other failure is thrown as it came.
 */
export async function withRevRetries<R extends { rev?: unknown }, T>(
  read: () => Promise<R>,
  write: (current: R) => Promise<T>,
  maxRetries: number,
  context: string,
): Promise<T> {
  let conflicts = 0
  for (;;) {
    const current = await read()
    try {
      return await write(current)
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error
      if (conflicts >= maxRetries) {
        throw new ConflictError({
          status: 409,
          message: `${context}: the record kept changing; rev still out of date after ${conflicts + 1} attempts (${error.message})`,
          method: error.method,
          path: error.path,
          requestId: error.requestId,
          code: error.code,
          data: error.data,
          body: error.body,
        })
      }
      conflicts++
    }
  }
}
