import type { AuditSink } from '../audit/types'
import type { CompiledPolicy } from '../policy/parse-policy'
import type { ClientSurface } from '../surfaces/types'

/** What a scoped client knows about itself. */
export interface ScopeState {
  /** The unscoped client the calls go to. */
  client: object
  surface: ClientSurface
  policy: CompiledPolicy
  agent: string
  audit: AuditSink | undefined
  includeFieldValues: boolean
}

const states = new WeakMap<object, ScopeState>()

/** Remembers the scope behind a scoped client. */
export function registerScope(scopedClient: object, state: ScopeState): void {
  states.set(scopedClient, state)
}

/** The scope behind a scoped client, or undefined for an ordinary client. */
export function scopeOf(client: object): ScopeState | undefined {
  return states.get(client)
}
