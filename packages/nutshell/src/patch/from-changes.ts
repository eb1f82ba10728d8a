import { InputValidationError } from '@x/core'
import { toRestIsoTime } from '../schemas/common'
import { recordPath } from './pointer'
import type { LinkChange, PatchOperation } from './types'

/** Fields a caller cannot change through PATCH. */
const IMMUTABLE = new Set(['id', 'type', 'href', 'htmlUrl', 'htmlUrlPath'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

function linkOps(type: string, name: string, change: LinkChange): PatchOperation[] {
  if (change === null || typeof change === 'string') {
    return [{ op: 'replace', path: recordPath(type, 'links', name), value: change }]
  }
  if (Array.isArray(change))
    return [{ op: 'replace', path: recordPath(type, 'links', name), value: [...change] }]
  const edits = change as { add?: readonly string[]; remove?: readonly string[] }
  const ops: PatchOperation[] = []
  for (const id of edits.remove ?? []) ops.push({ op: 'remove', path: recordPath(type, 'links', name, id) })
  for (const id of edits.add ?? [])
    ops.push({ op: 'add', path: recordPath(type, 'links', name, '-'), value: id })
  return ops
}

/**
 * A `Date` as the service takes it: unix seconds in a string for tasks (as their create), elsewhere ISO 8601
 * in the form the document shows (`"2026-01-01T00:00:00+0000"`).
 */
function timeValue(type: string, value: unknown): unknown {
  if (!(value instanceof Date)) return value
  return type === 'tasks' ? String(Math.floor(value.getTime() / 1000)) : toRestIsoTime(value)
}

/**
 * Builds the JSON Patch for a plain change object: `replace` per field, link edits as `add` (`/-`) and
 * `remove` (`/<id>`), custom fields at `/<type>/0/<fieldName>` as the service documents.
 */
export function patchFromChanges(type: string, changes: Record<string, unknown>): PatchOperation[] {
  const ops: PatchOperation[] = []
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue
    if (IMMUTABLE.has(field)) {
      throw new InputValidationError([{ path: field, message: 'cannot be changed' }], `${type}.update`)
    }
    if (field === 'links') {
      if (!isPlainObject(value))
        throw new InputValidationError([{ path: 'links', message: 'expected an object' }])
      for (const [name, change] of Object.entries(value)) {
        if (change !== undefined) ops.push(...linkOps(type, name, change as LinkChange))
      }
    } else if (field === 'customFields') {
      if (!isPlainObject(value))
        throw new InputValidationError([{ path: 'customFields', message: 'expected an object' }])
      for (const [name, fieldValue] of Object.entries(value)) {
        if (fieldValue !== undefined)
          ops.push({ op: 'replace', path: recordPath(type, name), value: fieldValue })
      }
    } else {
      ops.push({ op: 'replace', path: recordPath(type, field), value: timeValue(type, value) })
    }
  }
  return ops
}
