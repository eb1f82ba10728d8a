import type { InputArgs, PagePromise, PathArgs, RequestOptions } from '@x/core'
import type { UpdateOptions } from './bind'
import type { ListPageParams } from './list-query'
import type { Operation, OperationTable } from './operation'
import type { RecordPromise } from './record-promise'

/** A record id as methods take it. */
export type IdArg = string | number

/** A record of an answer: an element of `answer[key]`, or of the answer itself when it is the array or the record. */
type ElementOf<A> = NonNullable<A> extends readonly (infer T)[] ? T : NonNullable<A>
// Distributes over a write's answer (`{ leads: [lead] }` or the bare lead) so each form gives the lead;
// a record's own index signature (`[field: string]: unknown`) is not taken for the envelope's array.
type ItemOf<A, K> = RecordIn<NonNullable<A>, K>
type RecordIn<A, K> = A extends unknown
  ? K extends string
    ? A extends { [P in K]?: infer V }
      ? NonNullable<V> extends readonly (infer T)[]
        ? T
        : ElementOf<A>
      : ElementOf<A>
    : ElementOf<A>
  : never
type KeyOf<R> = R extends { key: infer K extends string } ? K : undefined

/** `get(id)` for one record, `get([id, ...])` for several in one request. */
export interface GetMethod<T> {
  (id: IdArg, options?: RequestOptions): RecordPromise<T>
  (ids: readonly IdArg[], options?: RequestOptions): RecordPromise<T[]>
}

/** `update(id, changes)`: resolves to nothing (the service answers 204), or to the record with `returnRecord`. */
export interface PatchMethod<T, I> {
  (id: IdArg, changes: I, options: UpdateOptions & { returnRecord: true }): RecordPromise<T>
  (id: IdArg, changes: I, options?: UpdateOptions): RecordPromise<T | undefined>
}

type Args<P extends string, I> = [...PathArgs<P, IdArg>, ...InputArgs<I>, options?: RequestOptions]

/** The method an operation makes: path parameters first, then its fields, then per-call options. */
export type MethodOf<O> =
  O extends Operation<infer P, infer I, infer A, infer R>
    ? R extends { kind: 'composed'; run: (kit: never, ...args: infer CallArgs) => infer Out }
      ? (...args: CallArgs) => Out
      : R extends { kind: 'list' }
        ? (...args: Args<P, I>) => PagePromise<ItemOf<A, KeyOf<R>>, ListPageParams>
        : R extends { kind: 'record'; ids: 'many' }
          ? GetMethod<ItemOf<A, KeyOf<R>>>
          : R extends { kind: 'record'; optional: true }
            ? (...args: Args<P, I>) => RecordPromise<ItemOf<A, KeyOf<R>> | undefined>
            : R extends { kind: 'record' }
              ? (...args: Args<P, I>) => RecordPromise<ItemOf<A, KeyOf<R>>>
              : R extends { kind: 'patch' }
                ? PatchMethod<ItemOf<A, undefined>, I>
                : R extends { kind: 'answer'; map: (answer: never) => infer M }
                  ? (...args: Args<P, I>) => RecordPromise<M>
                  : (...args: Args<P, I>) => RecordPromise<A>
    : never

/** Every method of a table. */
export type Methods<T extends OperationTable> = { [K in keyof T]: MethodOf<T[K]> }
