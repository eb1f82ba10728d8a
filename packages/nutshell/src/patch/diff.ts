import { InputValidationError } from '@x/core'
import { compare, unescapePathComponent } from './json-patch'
import { recordPath, typeFromId } from './pointer'
import type { PatchOperation } from './types'

/** Fields the service computes or owns; a difference in them is never sent. */
const READ_ONLY = new Set([
  'id',
  'type',
  'href',
  'htmlUrl',
  'htmlUrlPath',
  'avatarUrl',
  'initials',
  'createdTime',
  'modifiedTime',
  'deletedTime',
  'overdueTime',
  'isOverdue',
  'isEditable',
  'pieState',
  'number',
  'isCurrentUserWatching',
])

type Json = Record<string, unknown>

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function linkId(item: unknown): string {
  if (isPlainObject(item) && (typeof item.id === 'string' || typeof item.id === 'number'))
    return String(item.id)
  return typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item)
}

/** Top-level names of `after` that fast-json-patch reports as changed, in `after`'s key order. */
function changedKeys(before: Json, after: Json): string[] {
  const keys = new Set<string>()
  for (const op of compare(before, after)) {
    const first = op.path.split('/')[1]
    if (first !== undefined) keys.add(unescapePathComponent(first))
  }
  return Object.keys(after).filter((key) => keys.has(key))
}

function linkDiff(type: string, name: string, before: unknown, after: unknown): PatchOperation[] {
  if (Array.isArray(after) && (Array.isArray(before) || before === undefined || before === null)) {
    const old = new Map((before ?? []).map((item) => [linkId(item), item]))
    const next = new Map(after.map((item) => [linkId(item), item]))
    const ops: PatchOperation[] = []
    for (const id of old.keys())
      if (!next.has(id)) ops.push({ op: 'remove', path: recordPath(type, 'links', name, id) })
    for (const [id, item] of next) {
      if (!old.has(id)) ops.push({ op: 'add', path: recordPath(type, 'links', name, '-'), value: item })
    }
    return ops
  }
  return [{ op: 'replace', path: recordPath(type, 'links', name), value: after ?? null }]
}

function pick(record: Json, skip: (key: string) => boolean): Json {
  const out: Json = {}
  for (const [key, value] of Object.entries(record)) if (!skip(key) && value !== undefined) out[key] = value
  return out
}

/** Options for diffPatch. */
export interface DiffPatchOptions {
  /** The record type for the paths; inferred from `type` or the typed id (`"3-contacts"`) when omitted. */
  type?: string
}

/**
 * The minimal JSON Patch that turns `before` into `after`, in Nutshell's path form: one `replace` per
 * changed field (multi-value fields such as emails and phones, and nested objects, replaced whole),
 * link-list edits as `remove` of the dropped ids and `add` (`/-`) of the new ones, a changed single
 * link as `replace`, custom fields at `/<type>/0/<name>`. Fields absent from `after` are left alone
 * (so `after` may be a partial record); set a field to `null` to clear it. Read-only fields are ignored.
 */
export function diffPatch(before: object, after: object, options: DiffPatchOptions = {}): PatchOperation[] {
  const b = before as Json
  const a = after as Json
  const type =
    options.type ??
    (typeof a.type === 'string' ? a.type : undefined) ??
    (typeof b.type === 'string' ? b.type : undefined) ??
    typeFromId(a.id) ??
    typeFromId(b.id)
  if (!type) {
    throw new InputValidationError(
      [{ path: 'type', message: 'cannot tell the record type: pass { type } or records with a typed id' }],
      'diffPatch',
    )
  }
  const ops: PatchOperation[] = []
  const special = (key: string) => READ_ONLY.has(key) || key === 'links' || key === 'customFields'
  const fieldsBefore = pick(b, special)
  const fieldsAfter = pick(a, special)
  for (const key of changedKeys(fieldsBefore, fieldsAfter)) {
    ops.push({ op: 'replace', path: recordPath(type, key), value: fieldsAfter[key] })
  }
  const customBefore = isPlainObject(b.customFields) ? b.customFields : {}
  const customAfter = isPlainObject(a.customFields) ? pick(a.customFields, () => false) : {}
  for (const key of changedKeys(customBefore, customAfter)) {
    ops.push({ op: 'replace', path: recordPath(type, key), value: customAfter[key] })
  }
  const linksBefore = isPlainObject(b.links) ? b.links : {}
  const linksAfter = isPlainObject(a.links) ? pick(a.links, () => false) : {}
  for (const key of changedKeys(linksBefore, linksAfter)) {
    ops.push(...linkDiff(type, key, linksBefore[key], linksAfter[key]))
  }
  return ops
}
