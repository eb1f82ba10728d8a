import { ApiPromise, assertPlainData, parseInput, pathParam, type Transport } from '@x/core'
import type * as z from 'zod/mini'
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

/**
 * Parses a caller's input for a request body and checks that it is plain data JSON sends as it is (no
 * cycle, bigint, function or symbol, bounded depth): loose schemas pass unknown fields through as given.
 */
export function parseBody<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  context: string,
  prefix?: string,
): z.output<S> {
  const parsed = parseInput(schema, input, context, prefix)
  assertPlainData(parsed, context, prefix)
  return parsed
}
