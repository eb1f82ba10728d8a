import {
  ApiPromise,
  InputValidationError,
  parseBody,
  pathParam,
  pathParamNames,
  type QueryInput,
  type RequestOptions,
  readArgs,
  type Schema,
  type Transport,
} from '@x/core'
import { type ListEnvelope, PagingParamsSchema } from '../schemas/common'
import type { Methods } from './methods'
import { offsetList } from './offset-list'
import type { Operation, OperationKit, OperationTable } from './operation'

// A list with no declared input still reads `limit`/`offset` from an empty object.
const NO_INPUT = PagingParamsSchema

/**
 * The request path: each `{param}` is a Nutan id, a string or a number (sent as its decimal string),
 * checked by the core's path rule (not empty, a safe integer, no `.`, `..`, `/`, `\\`, `?`, `#`, control
 * characters or lone surrogates) and percent-encoded. A bad one throws an InputValidationError naming the
 * parameter and the method (`context`).
 */
function pathFor(op: Operation, params: Record<string, unknown>, context: string): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => pathParam(params[name], context, name))
}

/** The caller's fields, checked (zod, then plain JSON data) before any request. */
function checkInput(op: Operation, input: unknown, context: string): unknown {
  if (!op.input) return undefined
  const checked = parseBody(op.input, input ?? {}, context, op.inputName)
  if (op.requiresChange && !hasChange(checked)) {
    throw new InputValidationError(
      [{ path: op.inputName ?? 'input', message: 'must change at least one field', code: 'too_small' }],
      context,
    )
  }
  return checked
}

/** Whether an update's changes set any field (a field given as `undefined` is not sent, so not a change). */
function hasChange(changes: unknown): boolean {
  return (
    typeof changes === 'object' &&
    changes !== null &&
    Object.values(changes).some((value) => value !== undefined)
  )
}

const isQuery = (op: Operation) => op.method === 'GET' || op.method === 'DELETE'

/**
 * Makes the methods of one table. Every method checks its path parameters and fields before any request,
 * sends the fields as the query of a GET or DELETE and as the body otherwise, and has the transport check
 * the answer in the client's validation mode.
 */
class MethodMaker {
  constructor(
    private readonly transport: Transport,
    private readonly prefix: string,
  ) {}

  private send(op: Operation, path: string, sent: unknown, options: RequestOptions | undefined) {
    return this.transport.request({
      method: op.method,
      path,
      query: isQuery(op) ? (sent as QueryInput | undefined) : undefined,
      body: isQuery(op) ? undefined : sent,
      tier: op.tier,
      idempotent: op.idempotent,
      schema: op.answer,
      options,
    })
  }

  method(name: string, op: Operation): (...args: unknown[]) => unknown {
    const context = `${this.prefix}.${name}`
    const returns = op.returns
    if (returns.kind === 'list') return (...args) => this.list(op, context, args)
    if (returns.kind === 'composed') {
      // Async, so a bad argument rejects the promise like any failure of the method.
      const run = async (args: unknown[]) => {
        const { params, input, options } = readArgs<RequestOptions>(op, args)
        const path = pathFor(op, params, context)
        const checked = checkInput(op, input, context)
        const kit: OperationKit = { send: (body, sendOptions) => this.send(op, path, body, sendOptions) }
        const names = pathParamNames(op.path)
        const rest = op.input ? [checked, options] : [options]
        return returns.run(kit, ...names.map((n) => params[n]), ...rest)
      }
      const wrap = returns.wrap
      return wrap ? (...args) => wrap(run(args)) : (...args) => run(args)
    }
    return (...args) => this.one(op, context, args)
  }

  /** A list as a PagePromise: the path and input checked on first use, each page fetched on demand. */
  private list(op: Operation, context: string, args: unknown[]) {
    const { params, input, options } = readArgs<RequestOptions>(op, args)
    return offsetList({
      transport: this.transport,
      path: () => pathFor(op, params, context),
      answer: op.answer as Schema<ListEnvelope<unknown>>,
      params: op.input ?? NO_INPUT,
      input,
      options,
      context,
    })
  }

  /** A record or a 204: one request; a bad argument rejects the promise before any I/O. */
  private one(op: Operation, context: string, args: unknown[]): ApiPromise<unknown> {
    try {
      const { params, input, options } = readArgs<RequestOptions>(op, args)
      const path = pathFor(op, params, context)
      const checked = checkInput(op, input, context)
      return this.send(op, path, op.encode ? op.encode(checked) : checked, options)
    } catch (error) {
      return new ApiPromise<unknown>(Promise.reject(error))
    }
  }
}

/** The methods of a table, bound to a client's transport; `prefix` names them in errors (`deals.update`). */
export function bindOperations<T extends OperationTable>(
  transport: Transport,
  prefix: string,
  table: T,
): Methods<T> {
  const maker = new MethodMaker(transport, prefix)
  const methods: Record<string, (...args: unknown[]) => unknown> = {}
  for (const [name, op] of Object.entries(table)) methods[name] = maker.method(name, op)
  return methods as Methods<T>
}
