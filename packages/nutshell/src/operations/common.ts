import { InputValidationError, type Schema } from '@x/core'
import * as z from 'zod/mini'
import { patchFromChanges } from '../patch/from-changes'
import { normalizeOperations } from '../patch/normalize'
import type { PatchOperation, RecordChanges } from '../patch/types'
import type { ReadRequest } from './fallback'
import { operation } from './operation'

// The operations most collections share, so a table reads as what is particular to its records.

/** Schema of a write's answer: `{ <key>: [record] }` as reads answer, or the bare record as the document declares. */
export function recordAnswer<E, R>(envelope: Schema<E>, record: Schema<R>): Schema<E | R | undefined> {
  return z.optional(z.union([envelope as z.ZodMiniType<E>, record as z.ZodMiniType<R>]))
}

/** `GET /<collection>/{id}`: one record, or several in one request (`/leads/1-leads,2-leads`). */
export function getRecords<const Path extends string, const Key extends string, A>(spec: {
  path: Path
  key: Key
  answer: Schema<A>
  noun: string
  fallback?: ReadRequest['entity']
}) {
  return operation({
    method: 'GET',
    path: spec.path,
    answer: spec.answer,
    returns: { kind: 'record', key: spec.key, ids: 'many', fallback: spec.fallback },
    effect: 'read',
    description: `Fetches one ${spec.noun}, or several in one call when given a list of ids.`,
  })
}

/** `DELETE /<collection>/{id}`: answered with the record, or with nothing. */
export function deleteRecord<const Path extends string, const Key extends string, A>(spec: {
  path: Path
  key: Key
  answer: Schema<A>
  noun: string
  restorable?: boolean
}) {
  return operation({
    method: 'DELETE',
    path: spec.path,
    answer: spec.answer,
    returns: { kind: 'record', key: spec.key, optional: true },
    effect: 'delete',
    description: `Deletes a ${spec.noun}${spec.restorable === false ? '' : ' (restorable for 30 days with `undelete`)'}.`,
  })
}

/** `POST /<collection>/{id}/undelete`: restores a deleted record (safe to resend: restoring twice changes nothing). */
export function undeleteRecord<const Path extends string, const Key extends string, A>(spec: {
  path: Path
  key: Key
  answer: Schema<A>
  noun: string
}) {
  return operation({
    method: 'POST',
    path: spec.path,
    answer: spec.answer,
    returns: { kind: 'record', key: spec.key },
    // Restoring changes what the whole team sees, as deleting does: it needs the same grant.
    effect: 'delete',
    idempotent: true,
    description: `Restores a deleted ${spec.noun}.`,
  })
}

/** What `update()` accepts: JSON Patch operations, or a plain partial record to turn into them. */
export type UpdateInput<T> = readonly PatchOperation[] | RecordChanges<T>

/** The shape of an update's input; the operations themselves are checked by `toOperations`. */
function updateInputSchema<T>(): z.ZodMiniType<UpdateInput<T>> {
  return z.union([
    z.array(z.looseObject({ op: z.string(), path: z.string() })),
    z.record(z.string(), z.unknown()),
  ]) as unknown as z.ZodMiniType<UpdateInput<T>>
}

/** Turns operations or a change object into Nutshell-form JSON Patch, checked before any request. */
export function toOperations(type: string, input: unknown): PatchOperation[] {
  if (Array.isArray(input)) return normalizeOperations(type, input)
  const ops = patchFromChanges(type, input as Record<string, unknown>)
  if (ops.length === 0)
    throw new InputValidationError([{ path: 'changes', message: 'no changes given' }], `${type}.update`)
  return ops
}

/**
 * `PATCH /<collection>/{id}` with JSON Patch (the service answers 204; `{ returnRecord: true }` GETs the
 * record). `closeFields` are the fields whose change closes or reopens the record.
 */
export function patchRecord<const Path extends string, R>(spec: {
  path: Path
  type: string
  record: Schema<R>
  noun: string
  closeFields?: readonly string[]
  /** Tasks are declared with `application/json`; everything else takes `application/json-patch+json`. */
  contentType?: string
}) {
  return operation({
    method: 'PATCH',
    path: spec.path,
    input: updateInputSchema<R>(),
    inputName: 'changes',
    answer: z.optional(spec.record as z.ZodMiniType<R>),
    returns: { kind: 'patch' },
    encode: (changes: unknown) => toOperations(spec.type, changes),
    contentType: spec.contentType ?? 'application/json-patch+json',
    effect: 'update',
    ...(spec.closeFields ? { effectFields: { close: spec.closeFields } } : {}),
    description: `Changes fields of a ${spec.noun}: JSON Patch operations, or a partial ${spec.noun} to turn into them.`,
  })
}
