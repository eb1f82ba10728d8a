import {
  ApiPromise,
  buildPath,
  nextPageNumber,
  type PageData,
  PagePromise,
  parseBody,
  parseInput,
  type QueryInput,
  type RequestOptions,
  ResponseValidationError,
  type Transport,
  type WithResponse,
} from '@x/core'
import type { Operation, OperationTable, Returns } from './operation'

/** Records per page when the caller does not say. */
const DEFAULT_LIMIT = 50

/** One positional argument per path parameter, in the path's order. */
type PathArgs<P extends string> = P extends `${string}{${string}}${infer Rest}`
  ? [string | number, ...PathArgs<Rest>]
  : []
/**
 * The caller's fields: absent when the operation takes none, optional when none is required (`{}`
 * extends exactly the objects whose every field is optional).
 */
type InputArgs<I> = [I] extends [never]
  ? []
  : undefined extends I
    ? [input?: I]
    : {} extends I
      ? [input?: I]
      : [input: I]
/** A record of the answer: an element of `answer[key]`, or of the answer itself when it is the array. */
type ElementOf<A> = NonNullable<A> extends readonly (infer T)[] ? T : NonNullable<A>
type ItemOf<A, K> = K extends keyof A ? ElementOf<A[K]> : ElementOf<A>

/** Parameters of one page of a table-made list. */
export interface OperationPageParams {
  page: number
  limit: number
  [field: string]: unknown
}

/** What a method made from an operation resolves to. */
type KeyOf<R> = R extends { key: infer K extends string } ? K : undefined
export type ResultOf<A, R extends Returns> = R extends { kind: 'list' }
  ? PagePromise<ItemOf<A, KeyOf<R>>, OperationPageParams>
  : R extends { kind: 'record' }
    ? ApiPromise<ItemOf<A, KeyOf<R>>>
    : ApiPromise<A>

/** The method an operation makes: path parameters first, then its fields, then per-call options. */
export type MethodOf<O> =
  O extends Operation<infer P, infer I, infer A, infer R>
    ? (...args: [...PathArgs<P>, ...InputArgs<I>, options?: RequestOptions]) => ResultOf<A, R>
    : never

/** Every method of a table. */
export type Methods<T extends OperationTable> = { [K in keyof T]: MethodOf<T[K]> }

const PATH_PARAM = /\{(\w+)\}/g

/** A call's arguments sorted out by the operation's shape. */
function readArgs(op: Operation, args: unknown[]) {
  const names = [...op.path.matchAll(PATH_PARAM)].map((m) => m[1]!)
  const params = Object.fromEntries(names.map((name, i) => [name, args[i]]))
  const rest = args.slice(names.length)
  const input = op.input ? rest[0] : undefined
  const options = (op.input ? rest[1] : rest[0]) as RequestOptions | undefined
  return { params, input, options }
}

/** The records of an answer: its `key` array, or the answer itself when it is the array or the record. */
function recordsIn(answer: unknown, key: string | undefined): unknown[] | undefined {
  const value = key === undefined ? answer : (answer as Record<string, unknown> | null | undefined)?.[key]
  if (Array.isArray(value)) return value
  return key === undefined && typeof value === 'object' && value !== null ? [value] : undefined
}

/**
 * Makes one method from one operation: checks the path parameters and the fields (zod) before any
 * request, sends the fields as the query of a GET or DELETE and as the body otherwise, and returns what
 * the operation's `returns` says. A paged list's `page` and `limit` are read from the fields.
 */
function methodFor(transport: Transport, context: string, op: Operation): (...args: unknown[]) => unknown {
  const isRead = op.method === 'GET' || op.method === 'DELETE'
  const check = (input: unknown): unknown => {
    if (!op.input) return undefined
    // No fields given is an empty object: valid where every field is optional, refused (naming it) elsewhere.
    return isRead ? parseInput(op.input, input ?? {}, context) : parseBody(op.input, input ?? {}, context)
  }
  const send = (path: string, fields: unknown, options: RequestOptions | undefined) =>
    transport.request({
      method: op.method,
      path,
      query: isRead ? (fields as QueryInput | undefined) : undefined,
      body: isRead ? undefined : fields,
      schema: op.answer,
      repeatQueryKeys: op.repeatQueryKeys,
      options,
    })
  const returns = op.returns
  if (returns.kind === 'list') {
    return (...args: unknown[]) => {
      const { params, input, options } = readArgs(op, args)
      return new PagePromise<unknown, OperationPageParams>(() => {
        const path = buildPath(op.path, params, context)
        const { page, limit, ...fields } = (check(input) ?? {}) as Partial<OperationPageParams>
        const fetch = async ({ page, limit, ...rest }: OperationPageParams): Promise<PageData<unknown>> => {
          const query = returns.paged ? { ...rest, page: { page, limit } } : rest
          const { data, response } = await send(path, query, options).withResponse()
          const total = (data as { meta?: { total?: unknown } } | undefined)?.meta?.total
          return {
            items: recordsIn(data, returns.key) ?? [],
            total: typeof total === 'number' ? total : undefined,
            raw: data,
            response,
          }
        }
        const first = { ...fields, page: page ?? 0, limit: limit ?? DEFAULT_LIMIT }
        return { params: first, fetch, next: returns.paged ? nextPageNumber(0) : () => undefined }
      })
    }
  }
  return (...args: unknown[]) => {
    const { params, input, options } = readArgs(op, args)
    const sent = (async (): Promise<WithResponse<unknown>> => {
      const path = buildPath(op.path, params, context)
      const { data, response } = await send(path, check(input), options).withResponse()
      if (returns.kind === 'answer') return { data, response }
      const record = recordsIn(data, returns.key)?.[0]
      if (record === undefined || record === null) {
        throw new ResponseValidationError(
          [{ path: returns.key ?? '', message: `expected a record in the answer to ${context}` }],
          { method: op.method, path: new URL(response.url).pathname },
        )
      }
      return { data: record, response }
    })()
    return new ApiPromise(sent)
  }
}

/** The methods of a table, bound to a client's transport; `prefix` names them in errors (`industries`). */
export function bindOperations<T extends OperationTable>(
  transport: Transport,
  prefix: string,
  table: T,
): Methods<T> {
  const methods: Record<string, unknown> = {}
  for (const [name, op] of Object.entries(table)) {
    methods[name] = methodFor(transport, `${prefix}.${name}`, op as Operation)
  }
  return methods as Methods<T>
}
