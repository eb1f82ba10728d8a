import type { ApiPromise, HttpMethod, RequestOptions, Operation as TableOperation } from '@x/core'
import type * as z from 'zod/mini'

export type { Effect, EffectFields } from '@x/core'

/** What a method made from an operation resolves to. */
export type Returns =
  /**
   * A list paged by `limit`/`offset` (the answer is `{ data, total, limit, offset }`): `await` for the first
   * page, `for await` for every record. The server's `offset`, `limit` and `total` decide the next page.
   */
  | { kind: 'list' }
  /** One record (an ApiPromise of the checked answer). */
  | { kind: 'record' }
  /** Nothing: the service answers 204 (an ApiPromise of void). */
  | { kind: 'none' }
  /**
   * A method that is code over this operation's request (`sync.push` plans batches and sends each):
   * `run` is the whole method, called with the caller's arguments once the input has been checked.
   */
  | {
      kind: 'composed'
      // biome-ignore lint/suspicious/noExplicitAny: run takes the method's own arguments
      run: (kit: OperationKit, ...args: any[]) => Promise<unknown>
      /** What the method returns instead of run's promise (a promise with `.withResponse()`). */
      wrap?: (result: Promise<unknown>) => PromiseLike<unknown>
    }

/** What a composed method's `run` may use. */
export interface OperationKit {
  /** Sends one request of the operation itself (its method, path, tier and answer check) with this body. */
  send(body: unknown, options: RequestOptions | undefined): ApiPromise<unknown>
}

/** One Nutan operation: the shared table entry, plus how this client sends it. */
export interface Operation<
  Path extends string = string,
  Input = unknown,
  Answer = unknown,
  R extends Returns = Returns,
  M extends HttpMethod = HttpMethod,
> extends TableOperation<Path, Input, Answer, R> {
  // Kept as a literal: a body is always passed, a query may be left out (see `methods.ts`).
  method: M
  /** What is sent instead of the checked input (`sync.eraseAll` checks a confirmation it never sends). */
  // biome-ignore lint/suspicious/noExplicitAny: encode takes its own operation's input
  encode?: (input: any) => unknown
  /** The rate tier (`strict`: 6 requests a minute); the global tier otherwise. */
  tier?: 'strict'
  /** Overrides the method's retry rule: sync upserts carry their ids and are safe to resend. */
  idempotent?: boolean
  /** An update: refused before any request when its input changes no field (`update(id, {})`). */
  requiresChange?: boolean
}

/** What a caller passes for an input schema: its input type (an open enum's field takes any value). */
export type InputOf<S> = S extends z.ZodMiniType ? z.input<S> : never

/** An operation as a table writes it: the input schema as it is, so its input type can type the method. */
export type OperationSpec<
  Path extends string,
  S extends z.ZodMiniType | undefined,
  Answer,
  R extends Returns,
  M extends HttpMethod,
> = Omit<Operation<Path, unknown, Answer, R, M>, 'input'> & { input?: S }

/**
 * Declares an operation with its types inferred from the path, the method, the schemas and what it
 * returns. The method's input is typed as callers write it (`z.input`, as the hand-written methods were),
 * not as the check hands it back.
 */
export function operation<
  const Path extends string,
  Answer,
  const R extends Returns,
  const M extends HttpMethod,
  S extends z.ZodMiniType | undefined = undefined,
>(spec: OperationSpec<Path, S, Answer, R, M>): Operation<Path, InputOf<S>, Answer, R, M> {
  return spec as Operation<Path, InputOf<S>, Answer, R, M>
}

/** A table of operations by method name. */
// biome-ignore lint/suspicious/noExplicitAny: a table holds operations of every input and answer type
export type OperationTable = Readonly<Record<string, Operation<string, any, any, Returns>>>
