import type { HttpMethod, Schema } from '@x/core'
import type * as z from 'zod/mini'

/**
 * What an operation does to the CRM, which the agent's rules read: `read` changes nothing; `close`
 * and `delete` need their own grant.
 */
export type Effect = 'read' | 'create' | 'update' | 'close' | 'delete' | 'erase'

/**
 * What a method made from an operation resolves to. `key` names the answer's array of records
 * (`{ leads: [...] }`); without it the answer is the array (a list) or the record itself.
 */
export type Returns =
  /** A list: `await` for the first page, `for await` for every record; `paged` lists take `page[...]`. */
  | { kind: 'list'; key?: string; paged: boolean }
  /** One record (a missing one is a ResponseValidationError). */
  | { kind: 'record'; key?: string }
  /** The whole answer (a report, an export, a status change). */
  | { kind: 'answer' }

/** One REST operation, declared once: everything a method, a rule or a route needs is read from here. */
export interface Operation<
  Path extends string = string,
  Input = unknown,
  Answer = unknown,
  R extends Returns = Returns,
> {
  method: HttpMethod
  /** As the document writes it, `{name}` for a path parameter: `/leads/{id}/watch`. */
  path: Path
  /** The caller's fields: sent as the query of a GET or DELETE, as the body otherwise. */
  input?: z.ZodMiniType<Input> | undefined
  /** The answer's schema (checked in the client's validation mode). */
  answer: Schema<Answer>
  returns: R
  effect: Effect
  /** One line for docs and LLM tool definitions. */
  description: string
  /** Query keys whose lists go as repeated `key=value` pairs (the document names them without `[]`). */
  repeatQueryKeys?: readonly string[]
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
