/** One handled request, as tests count them. `status` 0 means the connection was dropped. */
export interface RequestLogEntry {
  method: string
  path: string
  status: number
}

/** How many entries the log keeps (the most recent ones). */
export const REQUEST_LOG_LIMIT = 10_000

/** Appends to a bounded log in place, so callers can hold on to the array. */
export function appendToLog(log: RequestLogEntry[], entry: RequestLogEntry): void {
  log.push(entry)
  if (log.length > REQUEST_LOG_LIMIT) log.splice(0, log.length - REQUEST_LOG_LIMIT)
}
