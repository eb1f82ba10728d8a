// The REST API takes unix times in SECONDS. The simulator refuses a time sent in milliseconds with a
// 400 instead of quietly converting it, so a client that sends `Date.now()` fails in tests as it
// would against the service (where the time lands tens of thousands of years away).
import { badRequest } from '../responses'
import { MILLISECONDS_FROM, millisecondsSent } from '../time'
import type { NutshellType } from '../types'

/** The create/update body fields the OpenAPI document declares as unix times, by record type. */
export const UNIX_TIME_FIELDS: Partial<Record<NutshellType, readonly string[]>> = {
  // activityPostInput (POST /activities, PUT /activities/{id}): "Unix timestamp", integer.
  activities: ['startTime', 'endTime'],
  // POST /tasks: "The due time of the task. Formatted as a Unix timestamp" (and PATCH /tasks/{id}).
  tasks: ['dueTime'],
  // POST /leads: a `dueTime` time object whose `timestamp` is unix seconds (and PATCH /leads/{id}).
  leads: ['dueTime'],
}

/** Throws Nutshell's 400 when `key` holds a time in milliseconds. */
export function refuseMilliseconds(type: NutshellType, key: string, value: unknown): void {
  const ms = millisecondsSent(value)
  if (ms === undefined) return
  badRequest(
    type,
    `${key} must be a unix timestamp in seconds, but ${ms} is in milliseconds` +
      ` (a time of ${MILLISECONDS_FROM} or more is taken as milliseconds); send ${Math.floor(ms / 1000)}.`,
    'Invalid time',
  )
}

/** Checks every unix-time field of a create or PUT body item. */
export function refuseMillisecondFields(type: NutshellType, input: Record<string, unknown>): void {
  for (const key of UNIX_TIME_FIELDS[type] ?? []) if (key in input) refuseMilliseconds(type, key, input[key])
}

/**
 * Checks the values a JSON Patch writes into unix-time fields: `/leads/0/dueTime` (a number or a time
 * object) and `/leads/0/dueTime/timestamp`.
 */
export function refuseMillisecondOps(type: NutshellType, ops: unknown): void {
  const fields = UNIX_TIME_FIELDS[type]
  if (!fields || !Array.isArray(ops)) return
  const prefix = `/${type}/0/`
  for (const op of ops) {
    if (!op || typeof op !== 'object') continue
    const { op: name, path, value } = op as { op?: unknown; path?: unknown; value?: unknown }
    if ((name !== 'add' && name !== 'replace') || typeof path !== 'string' || !path.startsWith(prefix))
      continue
    const segments = path.slice(prefix.length).split('/')
    const field = segments[0]!
    if (!fields.includes(field)) continue
    if (segments.length === 1 || (segments.length === 2 && segments[1] === 'timestamp'))
      refuseMilliseconds(type, field, value)
  }
}
