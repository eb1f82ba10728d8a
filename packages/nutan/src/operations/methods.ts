import type { ApiPromise, HttpMethod, InputArgs, PagePromise, PathArgs, RequestOptions } from '@x/core'
import type { IdArg } from '../schemas/common'
import type { Operation, OperationTable } from './operation'

/**
 * The input as a method's argument. A query (GET) may be left out when none of its fields is required; a
 * body is always passed, even when each of its fields is optional (`update(id, changes)`).
 */
type InputArg<M extends HttpMethod, I> = M extends 'GET'
  ? InputArgs<I>
  : [I] extends [never]
    ? []
    : [input: I]

/** Path parameters first (an id: a string, or a number sent as its decimal string), then the input, then per-call options. */
type Args<P extends string, M extends HttpMethod, I> = [
  ...PathArgs<P, IdArg>,
  ...InputArg<M, I>,
  options?: RequestOptions,
]

/** A record of a list answer: an element of its `data`. */
type ItemOf<A> = A extends { data: readonly (infer T)[] } ? T : unknown

/** The method an operation makes. */
export type MethodOf<O> =
  O extends Operation<infer P, infer I, infer A, infer R, infer M>
    ? R extends { kind: 'composed'; run: (kit: never, ...args: infer CallArgs) => infer Out }
      ? R extends { wrap: (result: never) => infer Wrapped }
        ? (...args: CallArgs) => Wrapped
        : (...args: CallArgs) => Out
      : R extends { kind: 'list' }
        ? (...args: Args<P, M, I>) => PagePromise<ItemOf<A>, I>
        : R extends { kind: 'none' }
          ? (...args: Args<P, M, I>) => ApiPromise<void>
          : (...args: Args<P, M, I>) => ApiPromise<A>
    : never

/** Every method of a table. */
export type Methods<T extends OperationTable> = { [K in keyof T]: MethodOf<T[K]> }
