import type { EffectFields, Schema } from '@x/core'
import type * as z from 'zod/mini'
import { listEnvelope } from '../schemas/common'
import { operation } from './operation'

// The operations most collections share, so a table reads as what is particular to its records.

/** `GET /<collection>` (or a record's sub-list): one page by `limit`/`offset`, or every record. */
export function listRecords<
  const Path extends string,
  Item extends z.ZodMiniType,
  Input extends z.ZodMiniType,
>(spec: { path: Path; input: Input; item: Item; description: string }) {
  return operation({
    method: 'GET',
    path: spec.path,
    input: spec.input,
    inputName: 'params',
    answer: listEnvelope(spec.item),
    returns: { kind: 'list' },
    effect: 'read',
    description: spec.description,
  })
}

/** `POST /<collection>`: creates a record and answers with it; never resent once it may have arrived. */
export function createRecord<const Path extends string, Input extends z.ZodMiniType, Answer>(spec: {
  path: Path
  input: Input
  record: Schema<Answer>
  noun: string
  effectFields?: EffectFields
}) {
  return operation({
    method: 'POST',
    path: spec.path,
    input: spec.input,
    answer: spec.record,
    returns: { kind: 'record' },
    effect: 'create',
    ...(spec.effectFields ? { effectFields: spec.effectFields } : {}),
    description: `Creates a ${spec.noun}.`,
  })
}

/** `PATCH /<collection>/{id}`: sends the given fields and answers with the record. */
export function updateRecord<const Path extends string, Input extends z.ZodMiniType, Answer>(spec: {
  path: Path
  input: Input
  record: Schema<Answer>
  noun: string
  effectFields?: EffectFields
}) {
  return operation({
    method: 'PATCH',
    path: spec.path,
    input: spec.input,
    inputName: 'changes',
    requiresChange: true,
    answer: spec.record,
    returns: { kind: 'record' },
    effect: 'update',
    ...(spec.effectFields ? { effectFields: spec.effectFields } : {}),
    description: `Updates the given fields of a ${spec.noun}.`,
  })
}

/** `DELETE /<collection>/{id}`: answered 204. */
export function deleteRecord<const Path extends string>(spec: { path: Path; description: string }) {
  return operation({
    method: 'DELETE',
    path: spec.path,
    returns: { kind: 'none' },
    effect: 'delete',
    description: spec.description,
  })
}
