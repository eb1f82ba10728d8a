import type { AuditRecord, AuditSink } from './types'

/** Hands a record to the sink; a throwing or rejecting sink never breaks or alters the call. */
export function emitAudit(sink: AuditSink | undefined, record: AuditRecord): void {
  if (!sink) return
  try {
    const pending = sink(record)
    if (pending && typeof pending.then === 'function') pending.then(undefined, () => {})
  } catch {
    // The call's outcome must not depend on the audit sink.
  }
}
