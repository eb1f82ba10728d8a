import { closeSync, openSync, writeSync } from 'node:fs'
import type { AuditRecord, AuditSink } from './audit/types'

/** Something that takes text chunks: a `fs.WriteStream`, `process.stdout`, a socket. */
export interface LineWritable {
  write(chunk: string): unknown
}

/** An audit sink that writes one JSON object per line; `close()` releases a file it opened. */
export interface JsonLinesAudit extends AuditSink {
  close(): void
}

/**
 * An audit sink writing JSON lines to a file (appended, each record written before the call's
 * result is handed back, so a crash loses none) or to a stream the caller owns.
 */
export function jsonLinesAudit(target: string | LineWritable): JsonLinesAudit {
  const line = (record: AuditRecord) => `${JSON.stringify(record)}\n`
  if (typeof target !== 'string') {
    return Object.assign((record: AuditRecord) => void target.write(line(record)), { close: () => {} })
  }
  let fd: number | undefined = openSync(target, 'a')
  const sink = (record: AuditRecord) => {
    if (fd !== undefined) writeSync(fd, line(record))
  }
  return Object.assign(sink, {
    close: () => {
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    },
  })
}

export type { AuditRecord, AuditSink } from './audit/types'
