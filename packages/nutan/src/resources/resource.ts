import { ApiPromise, parseInput, pathParam, type Transport } from '@x/core'
import { IdInputSchema } from '../schemas/common'

/** Base of every resource: holds the client's one transport. */
export abstract class APIResource {
  protected readonly transport: Transport

  constructor(transport: Transport) {
    this.transport = transport
  }

  /** Runs `build` (input checks, then the request); an input error rejects the promise before any I/O. */
  protected call<T>(build: () => ApiPromise<T>): ApiPromise<T> {
    try {
      return build()
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error))
    }
  }
}

/**
 * Builds `/<collection>/<id>[/<sub>]`. The id is checked (a non-empty string, then the core's path rule:
 * no `.`, `..`, `/`, `\\`, `?`, `#`, control characters or lone surrogates) and percent-encoded; a bad one
 * throws an InputValidationError naming `id` and the method (`context`).
 */
export function recordPath(collection: string, id: unknown, context: string, sub?: string): string {
  const segment = pathParam(parseInput(IdInputSchema, id, context, 'id'), context, 'id')
  return `/${collection}/${segment}${sub ? `/${sub}` : ''}`
}
