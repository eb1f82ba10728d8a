import { ApiError, type PermissionDeniedError } from '@x/core'
import { emitAudit } from '../audit/emit'
import type { AuditRecord } from '../audit/types'
import type { Requirement } from '../policy/types'
import type { ScopeState } from './state'

/** The parts of an audit record known when a call starts. */
export interface CallInfo {
  resource: string
  method: string
  ids: string[]
  input?: unknown[] | undefined
}

/** Ends one call's audit record; each recorder emits exactly once. */
export interface Recorder {
  ok(extra?: { requestId?: string | undefined; ids?: string[] }): void
  fail(error: unknown): void
  denied(error: PermissionDeniedError, missing: Requirement[]): void
}

/** Starts the clock on one call and returns the functions that emit its record. */
export function startCall(state: ScopeState, info: CallInfo): Recorder {
  const started = Date.now()
  let done = false
  const emit = (
    fields: Omit<Partial<AuditRecord>, 'ids'> & Pick<AuditRecord, 'outcome'>,
    ids: string[] = [],
  ) => {
    if (done) return
    done = true
    const record: AuditRecord = {
      time: new Date(started).toISOString(),
      agent: state.agent,
      resource: info.resource,
      method: info.method,
      ids: info.ids.length ? info.ids : ids,
      outcome: fields.outcome,
      durationMs: fields.outcome === 'denied' ? 0 : Date.now() - started,
    }
    if (fields.status !== undefined) record.status = fields.status
    if (fields.errorName !== undefined) record.errorName = fields.errorName
    if (fields.missing !== undefined) record.missing = fields.missing
    if (fields.requestId) record.requestId = fields.requestId
    if (info.input) record.input = info.input
    emitAudit(state.audit, record)
  }
  return {
    ok: (extra = {}) => emit({ outcome: 'ok', requestId: extra.requestId }, extra.ids),
    fail: (error) => {
      const api = error instanceof ApiError ? error : undefined
      emit({
        outcome: 'error',
        errorName: error instanceof Error ? error.name : typeof error,
        status: api?.status,
        requestId: api?.requestId,
      })
    },
    denied: (error, missing) => emit({ outcome: 'denied', errorName: error.name, missing }),
  }
}
