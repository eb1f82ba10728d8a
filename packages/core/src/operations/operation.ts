import type * as z from 'zod/mini'
import type { HttpMethod } from '../http/types'
import type { Schema } from '../validation'

/**
 * What an operation does to the service's records, which an agent's policy reads: `read` changes
 * nothing; `close` (won, lost, reopened), `delete` (and restore) and `erase` each need their own grant.
 */
export type Effect = 'read' | 'create' | 'update' | 'close' | 'delete' | 'erase'

/**
 * When a write has a stronger effect than its own: the fields whose change does it (paths such as
 * `status` or `links/outcome`), or a test of the input where the value matters (a deal's `status` other
 * than open). A patch of a lead's `status` closes it; a sync push carrying deletes deletes. The client and
 * an agent's rules read the same entry.
 */
export type EffectFields = Partial<
  Record<'create' | 'close' | 'delete', readonly string[] | ((input: unknown) => boolean)>
>

/**
 * One operation of an API, declared once (Octokit's endpoint table is the model): the typed method, the
 * agent's rule and tool, the simulator's route and the docs are all read from this entry. Each client
 * adds how its answers are read (`R`, its `returns`).
 */
export interface Operation<Path extends string = string, Input = unknown, Answer = unknown, R = unknown> {
  method: HttpMethod
  /** As the API's document writes it, `{name}` for a path parameter: `/leads/{id}/watch`. */
  path: Path
  /** The caller's fields, checked before any request: a GET's or DELETE's query, any other method's body. */
  input?: z.ZodMiniType<Input> | undefined
  /** What the input is called in errors and tool definitions when it follows path parameters (`changes`). */
  inputName?: string
  /** The answer's schema, checked in the client's validation mode. */
  answer?: Schema<Answer> | undefined
  /** How the client reads the answer (a list to page, a record, the answer as it is). */
  returns: R
  effect: Effect
  /** The inputs that also create, close or delete (see `EffectFields`). */
  effectFields?: EffectFields
  /**
   * What a call does to other resources' records, by resource (a sync push's rows land in `deals`,
   * `contacts`, ...): an agent's policy checks these grants too, on the resource the records belong to.
   */
  effectsOn?: (input: unknown) => readonly { resource: string; effect: Effect }[]
  /** The records a call touches beyond its path parameters (a sync push's rows), for the audit. */
  touches?: (input: unknown) => readonly unknown[]
  /** One line for docs and tool definitions. */
  description: string
}

/** Any operation, as code that reads tables of every input and answer type sees it. */
// biome-ignore lint/suspicious/noExplicitAny: a table holds operations of every input and answer type
export type AnyOperation = Operation<string, any, any, unknown>

/** A table of operations by method name. */
export type OperationTable = Readonly<Record<string, AnyOperation>>

const PATH_PARAM = /\{(\w+)\}/g

/** The path parameters of a template, in order: `/leads/{id}/stages` → `['id']`. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(PATH_PARAM)].map((m) => m[1]!)
}

/** One positional argument per path parameter, in the path's order. */
export type PathArgs<P extends string, Id = string | number> = P extends `${string}{${string}}${infer Rest}`
  ? [Id, ...PathArgs<Rest, Id>]
  : []

/**
 * The caller's fields as a method's arguments: none when the operation takes none, optional when no field
 * is required (`{}` extends exactly the objects whose every field is optional).
 */
export type InputArgs<I> = [I] extends [never]
  ? []
  : undefined extends I
    ? [input?: I]
    : {} extends I
      ? [input?: I]
      : [input: I]

/**
 * A call's arguments sorted by the operation's shape: the path parameters by name, then the input
 * (when the operation takes one), then the per-call options.
 */
export function readArgs<O>(
  op: AnyOperation,
  args: readonly unknown[],
): { params: Record<string, unknown>; input: unknown; options: O | undefined } {
  const names = pathParamNames(op.path)
  const params = Object.fromEntries(names.map((name, i) => [name, args[i]]))
  const rest = args.slice(names.length)
  return {
    params,
    input: op.input ? rest[0] : undefined,
    options: (op.input ? rest[1] : rest[0]) as O | undefined,
  }
}
