import { assertPlainData, InputValidationError, type RequestOptions } from '@x/core'
import { patchFromChanges } from '../patch/from-changes'
import { normalizeOperations } from '../patch/normalize'
import type { PatchOperation, RecordChanges } from '../patch/types'
import type { ResourceContext } from './context'

/** Per-call options of `update()`. */
export interface UpdateOptions extends RequestOptions {
  /** GET the record after the 204 and resolve to it (the PATCH itself answers with no body). */
  returnRecord?: boolean
}

/** What `update()` accepts: JSON Patch operations, or a plain partial record to turn into them. */
export type UpdateInput<T> = readonly PatchOperation[] | RecordChanges<T>

/** Turns operations or a change object into Nutshell-form JSON Patch, checked before any request. */
export function toOperations(type: string, input: unknown): PatchOperation[] {
  if (Array.isArray(input)) return normalizeOperations(type, input)
  if (typeof input !== 'object' || input === null) {
    throw new InputValidationError(
      [{ path: '', message: 'expected JSON Patch operations or a change object' }],
      `${type}.update`,
    )
  }
  const ops = patchFromChanges(type, input as Record<string, unknown>)
  if (ops.length === 0)
    throw new InputValidationError([{ path: '', message: 'no changes given' }], `${type}.update`)
  return ops
}

/**
 * Sends a JSON Patch (204, no body) and, when asked, fetches the fresh record. A bad patch rejects
 * before any request. Chained rather than awaited: each await is a microtask on every update.
 */
export function patchRecord<T>(spec: {
  ctx: ResourceContext
  type: string
  /** The record's path, its id already checked. */
  path: string
  input: unknown
  options?: UpdateOptions | undefined
  /** Tasks are declared with `application/json`; everything else takes `application/json-patch+json`. */
  contentType?: string
  refetch: (options: RequestOptions | undefined) => PromiseLike<T>
}): Promise<T | undefined> {
  let ops: PatchOperation[]
  try {
    // Patch values go out as the caller gave them: checked as plain data first (no cycle, bigint, ...).
    assertPlainData(spec.input, `${spec.type}.update`)
    ops = toOperations(spec.type, spec.input)
  } catch (error) {
    return Promise.reject(error)
  }
  // The options go on as they are: the transport reads only the request options it knows.
  const options = spec.options
  const sent = spec.ctx.transport.request({
    method: 'PATCH',
    path: spec.path,
    body: ops,
    contentType: spec.contentType ?? 'application/json-patch+json',
    options,
  })
  return options?.returnRecord ? sent.then(() => spec.refetch(options)) : sent.then(() => undefined)
}
