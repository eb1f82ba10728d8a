import type { GrantLevel, MethodClass } from './method-class'

/** What one resource may do: a level, or an explicit list of method classes (`['read', 'delete']`). */
export type Grant = GrantLevel | readonly MethodClass[]

/**
 * Grants per resource (`leads`, `notes`, `sync`, ...); `'*'` sets the grant of every unlisted resource.
 * Anything not granted is denied. Plain data: it round-trips through JSON.
 */
export type Policy<R extends string = string> = { readonly [K in R | '*']?: Grant }

/** One thing a call needs: a method class on a resource. */
export interface Requirement {
  resource: string
  class: MethodClass
}
