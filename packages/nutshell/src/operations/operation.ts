import type { RequestOptions, Operation as TableOperation } from '@x/core'
import type { Outcome } from '../schemas/outcome'
import type { ReadRequest } from './fallback'

export type { Effect } from '@x/core'

/** How a list pages, as its operation's document declares. */
export type Paging =
  /** `page[page]` (0-based) and `page[limit]`. */
  | 'page'
  /**
   * No page index: `limit` only when the caller gives one, and a following page only where the answer's
   * `meta.next` names one (`GET /activities`, `GET /users`).
   */
  | 'link'
  /** Everything at once. */
  | 'none'

/** What a method made from an operation resolves to. `key` names the answer's array of records (`{ leads: [...] }`). */
export type Returns =
  /** A list: `await` for the first page, `for await` for every record. */
  | {
      kind: 'list'
      key?: string
      paging: Paging
      /** Reads the JSON-RPC fallback may serve (`fallback: 'rpc'`). */
      fallback?: ReadRequest['entity']
    }
  /**
   * One record; a missing one is a ResponseValidationError. `ids: 'many'`: the `{id}` also takes a list
   * (`GET /leads/1-leads,2-leads`), which resolves to the records found.
   */
  | {
      kind: 'record'
      key?: string
      ids?: 'many'
      /** The answer may hold no record (a delete answered 204). */
      optional?: boolean
      fallback?: ReadRequest['entity']
    }
  /** The whole answer (a report, an export, a status change), or what `map` makes of it. */
  // biome-ignore lint/suspicious/noExplicitAny: map takes the answer of its own operation
  | { kind: 'answer'; map?: (answer: any) => unknown }
  /** A JSON Patch update: the service answers 204; `{ returnRecord: true }` reads the record back with `get`. */
  | { kind: 'patch' }
  /** A method composed of other operations (`leads.products`): `run` is the whole method. */
  // biome-ignore lint/suspicious/noExplicitAny: run takes the method's own arguments
  | { kind: 'composed'; run: (kit: OperationKit, ...args: any[]) => unknown }

/** What an operation's `encode` or `run` may use beyond its input: the call's options and shared lookups. */
export interface OperationKit {
  options: RequestOptions | undefined
  /** The account's lead outcomes (`GET /outcomes`), read once per client. */
  outcomes(options: RequestOptions | undefined): Promise<Outcome[]>
  /** Calls another method of the client: `call('productMaps', 'get', ids, options)`. */
  call(resource: string, method: string, ...args: unknown[]): unknown
}

/** One Nutshell REST operation: the shared table entry, plus how this client sends and reads it. */
export interface Operation<
  Path extends string = string,
  Input = unknown,
  Answer = unknown,
  R extends Returns = Returns,
> extends TableOperation<Path, Input, Answer, R> {
  /**
   * Turns the checked input into what is sent, when that differs from the input: the body of a write
   * (`{ leads: [lead] }`, JSON Patch operations), a read's query (`since_id`), a list's query fields.
   */
  // biome-ignore lint/suspicious/noExplicitAny: encode takes its own operation's input
  encode?: (input: any, kit: OperationKit) => unknown
  /** Query keys whose lists go as repeated `key=value` pairs (the document names them without `[]`). */
  repeatQueryKeys?: readonly string[]
  /** Default `application/json`. */
  contentType?: string
  /** Safe to resend after any failure (restoring twice changes nothing). */
  idempotent?: boolean
}

/** Declares an operation with its types inferred from the path, the schemas and what it returns. */
export function operation<const Path extends string, Answer, const R extends Returns, Input = never>(
  spec: Operation<Path, Input, Answer, R>,
): Operation<Path, Input, Answer, R> {
  return spec
}

/** A table of operations by method name. */
// biome-ignore lint/suspicious/noExplicitAny: a table holds operations of every input and answer type
export type OperationTable = Record<string, Operation<string, any, any, Returns>>
