import { InputValidationError, type Schema } from '@x/core'
import * as z from 'zod/mini'
import { patchFromChanges } from '../patch/from-changes'
import { normalizeOperations } from '../patch/normalize'
import type { PatchOperation, RecordChanges } from '../patch/types'
import { listParamsSchema, type SearchListInput } from '../query/list-params'
import { CustomFieldCreateInputSchema } from '../schemas/custom-field'
import { ListFilterSchema, ListItemsResponseSchema } from '../schemas/list-items'
import { FieldsResponseSchema, withDescending } from '../schemas/list-view'
import type { ReadRequest } from './fallback'
import { encodeSearch } from './list-query'
import { type Operation, operation, type Returns } from './operation'

// The operations most collections share, so a table reads as what is particular to its records.

/** Schema of a write's answer: `{ <key>: [record] }` as reads answer, or the bare record as the document declares. */
export function recordAnswer<E, R>(envelope: Schema<E>, record: Schema<R>): Schema<E | R | undefined> {
  return z.optional(z.union([envelope as z.ZodMiniType<E>, record as z.ZodMiniType<R>]))
}

/** What a list's request takes: the query's schema, what is sent for it, the keys that repeat. */
interface ListQuery<I> {
  input?: z.ZodMiniType<I>
  encode?: Operation['encode']
  repeatQueryKeys?: readonly string[]
}

function list<const Path extends string, A, I, const R extends Returns>(
  spec: ListQuery<I> & { path: Path; answer: Schema<A>; description: string },
  returns: R,
) {
  return operation({
    method: 'GET',
    path: spec.path,
    input: spec.input,
    encode: spec.encode,
    repeatQueryKeys: spec.repeatQueryKeys,
    answer: spec.answer,
    returns,
    effect: 'read',
    description: spec.description,
  })
}

/** `GET /<collection>`: every record in one answer; `key` names the answer's array (none for a bare array). */
export function listAll<
  const Path extends string,
  A,
  const Key extends string | undefined = undefined,
  I = never,
>(spec: ListQuery<I> & { path: Path; answer: Schema<A>; key?: Key; description: string }) {
  return list(spec, { kind: 'list', key: spec.key as Key, paging: 'none' })
}

/**
 * `GET /<collection>` a page at a time (`page[page]`, `page[limit]`): `await` for a page, `for await` for
 * every record. `narrowed` says how the input narrows the list (`filtered, searched or sorted`).
 */
export function pagedList<const Path extends string, const Key extends string, A, I>(
  spec: ListQuery<I> & {
    path: Path
    key: Key
    input: z.ZodMiniType<I>
    answer: Schema<A>
    noun: string
    narrowed?: string
    fallback?: ReadRequest['entity']
  },
) {
  const narrowed = spec.narrowed ? `, ${spec.narrowed}` : ''
  return list(
    {
      ...spec,
      description: `Lists ${spec.key}${narrowed}: a page at a time (\`await\`) or every ${spec.noun} (\`for await\`).`,
    },
    { kind: 'list', key: spec.key, paging: 'page', fallback: spec.fallback },
  )
}

/** `GET /<collection>/{id}`: one record by id (`detail` says what it carries). */
export function getRecord<
  const Path extends string,
  A,
  const Key extends string | undefined = undefined,
>(spec: { path: Path; answer: Schema<A>; key?: Key; noun: string; detail?: string }) {
  return operation({
    method: 'GET',
    path: spec.path,
    answer: spec.answer,
    returns: { kind: 'record', key: spec.key as Key },
    effect: 'read',
    description: `Fetches one ${spec.noun} by id${spec.detail ? `, ${spec.detail}` : ''}.`,
  })
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

/** `POST /<collection>`: one record sent as `{ <key>: [record] }` (`body` makes the record's wire form). */
export function createRecord<const Path extends string, const Key extends string, I, A>(spec: {
  path: Path
  key: Key
  input: z.ZodMiniType<I>
  answer: Schema<A>
  noun: string
  body?: (record: I) => unknown
}) {
  const body = spec.body ?? ((record: I) => record)
  return operation({
    method: 'POST',
    path: spec.path,
    input: spec.input,
    encode: (record: I) => ({ [spec.key]: [body(record)] }),
    answer: spec.answer,
    returns: { kind: 'record', key: spec.key },
    effect: 'create',
    description: `Creates one ${spec.noun}; never resent after a server error.`,
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
  const ops = Array.isArray(input)
    ? normalizeOperations(type, input)
    : patchFromChanges(type, input as Record<string, unknown>)
  // An empty patch would be sent and answered 204 for nothing: refused, in both forms.
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

/** `DELETE /<key>/{id}` and `POST /<key>/{id}/undelete`: a delete the service keeps 30 days, and its undo. */
export function restorable<const Key extends string, A>(spec: { key: Key; answer: Schema<A>; noun: string }) {
  const { key, answer, noun } = spec
  return {
    delete: deleteRecord({ path: `/${key}/{id}`, key, answer, noun }),
    undelete: undeleteRecord({ path: `/${key}/{id}/undelete`, key, answer, noun }),
  }
}

/**
 * The records the JSON-RPC fallback also serves (leads, contacts, accounts), each at `/<key>` and answered
 * as `{ <key>: [...] }`: a searched, paged `list`, `get` (one or several), `create`, a JSON Patch
 * `update` (`closeFields` close or reopen), and `delete`/`undelete`.
 */
export function recordCollection<const Key extends ReadRequest['entity'], L, C, A, R>(spec: {
  key: Key
  noun: string
  /** `GET /<key>`'s parameters, sent by `encodeSearch()`. */
  listParams: z.ZodMiniType<L>
  createInput: z.ZodMiniType<C>
  /** The record a create sends, when it differs from the input (a `Date` turned into the service's unit). */
  createBody?: (record: C) => unknown
  /** The `{ <key>: [...] }` answer. */
  answer: Schema<A>
  record: Schema<R>
  closeFields?: readonly string[]
}) {
  const { key, noun, answer } = spec
  const written = recordAnswer(answer, spec.record)
  return {
    list: pagedList({
      path: `/${key}`,
      key,
      input: spec.listParams,
      encode: encodeSearch(),
      answer,
      noun,
      narrowed: 'filtered, searched or sorted',
      fallback: key,
    }),
    get: getRecords({ path: `/${key}/{id}`, key, answer, noun, fallback: key }),
    create: createRecord({
      path: `/${key}`,
      key,
      input: spec.createInput,
      answer: written,
      noun,
      ...(spec.createBody ? { body: spec.createBody } : {}),
    }),
    update: patchRecord({
      path: `/${key}/{id}`,
      type: key,
      record: spec.record,
      noun,
      closeFields: spec.closeFields,
    }),
    ...restorable({ key, answer: written, noun }),
  }
}

/** Filter keys contacts and accounts share (`GET /<collection>/list/fields` lists every valid key). */
export type DirectoryFilterKey =
  | 'owner'
  | 'tags'
  | 'territory'
  | 'address'
  | 'name'
  | 'email'
  | 'phone'
  | 'createdTime'
  | 'lastContactedTime'

/** Parameters of `contacts.list()` and `accounts.list()`; `email` finds the records with that address. */
export type DirectoryListParams<F extends string, S extends string> = SearchListInput<F, S> & {
  email?: string
}

/** The schema of a `DirectoryListParams`, sorted by `sort` (each way). */
export function directoryListParamsSchema<P>(sort: readonly string[]): z.ZodMiniType<P> {
  return listParamsSchema({ sort, filter: true, q: true, email: true }) as unknown as z.ZodMiniType<P>
}

/**
 * What contacts and accounts share beside their records: custom fields (a record's, the definitions, a new
 * one) and the list-item view (`GET /<collection>/list`, `sorts` each way) with the fields it takes.
 */
export function directoryViews<
  const Collection extends string,
  const Sort extends string,
  F,
  D,
  const Key extends string | undefined = undefined,
>(spec: {
  collection: Collection
  noun: string
  sorts: readonly Sort[]
  /** `GET /<collection>/{id}/customfields`. */
  customFields: Schema<F>
  /** `GET /<collection>/customfields/attributes`. */
  customFieldAttributes: Schema<D>
  /** The key of both custom-field answers' array (none for a bare array). */
  customFieldKey?: Key
}) {
  const { collection, noun } = spec
  return {
    customFields: listAll({
      path: `/${collection}/{id}/customfields`,
      answer: spec.customFields,
      key: spec.customFieldKey,
      description: `Lists the custom fields of one ${noun}.`,
    }),
    customFieldAttributes: listAll({
      path: `/${collection}/customfields/attributes`,
      answer: spec.customFieldAttributes,
      key: spec.customFieldKey,
      description: `Lists the custom fields any ${noun} can have.`,
    }),
    createCustomField: operation({
      method: 'POST',
      path: `/${collection}/customfield`,
      input: CustomFieldCreateInputSchema,
      answer: z.unknown(),
      returns: { kind: 'answer' },
      effect: 'create',
      description: `Creates a custom field for ${collection}.`,
    }),
    listView: listAll({
      path: `/${collection}/list`,
      input: z.strictObject({
        /** `filter[key]=value`; the keys are the filterable fields of `listFields()`. */
        filter: z.optional(ListFilterSchema),
        /** Search every related field for this term. */
        q: z.optional(z.string()),
        sort: z.optional(z.array(z.enum(withDescending(spec.sorts)))),
      }),
      answer: ListItemsResponseSchema,
      key: 'listItems',
      description: `Lists ${collection} as list items (display and filter fields), filtered, searched and sorted.`,
      repeatQueryKeys: ['sort'],
    }),
    listFields: operation({
      method: 'GET',
      path: `/${collection}/list/fields`,
      answer: FieldsResponseSchema,
      returns: { kind: 'answer' },
      effect: 'read',
      description: `Lists the fields ${collection} can be shown, filtered and sorted by.`,
    }),
  }
}
