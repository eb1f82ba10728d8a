import type { Requirement } from '../policy/types'

/** How a call ended: it succeeded, the policy refused it, or the API or network failed it. */
export type AuditOutcome = 'ok' | 'denied' | 'error'

/** One call through a scoped client. Holds no credential, and no field value unless `includeFieldValues` is set. */
export interface AuditRecord {
  /** When the call started (ISO 8601). */
  time: string
  agent: string
  /** The policy resource (or resources, comma-separated) the call needed. */
  resource: string
  /** The SDK method (`close`, `list`, `rpc.findLeads`). */
  method: string
  /** Ids of the records the call named or created. */
  ids: string[]
  outcome: AuditOutcome
  /** The HTTP status of a failed call. */
  status?: number
  /** The error class of a denied or failed call. */
  errorName?: string
  /** The grants a denied call lacked. */
  missing?: Requirement[]
  durationMs: number
  /** The server's request id, when it sent one. */
  requestId?: string
  /** The call's input arguments, only with `includeFieldValues: true`. */
  input?: unknown[]
}

/** Receives every audit record; may be async. Its failures never affect the call. */
export type AuditSink = (record: AuditRecord) => void | Promise<void>
