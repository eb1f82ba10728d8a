/// <reference path="../../shared/fast-json-patch.d.ts" />
import { applyPatch, type Operation } from 'fast-json-patch/index.mjs'
import type { NutshellDb } from '../db'
import { amountOf, money } from '../money'
import { addresses, emails, linkId, phones, urls } from '../records'
import { badRequest } from '../responses'
import { parseTime, timeObject } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import { LINK_TYPES } from './collections'

type Op = { op: string; path: string; value?: unknown; from?: string }

function decode(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

function linkValue(db: NutshellDb, type: NutshellType, key: string, value: unknown): unknown {
  const target = LINK_TYPES[key]
  if (!target || value === null) return value
  return Array.isArray(value)
    ? value.map((item) => linkId(db, item, [target], type))
    : linkId(db, value, [target], type)
}

/** Rewrites one operation from Nutshell's path form to plain JSON Patch against `{ <type>: [record] }`. */
function translate(db: NutshellDb, type: NutshellType, doc: NutshellRecord, raw: unknown): Op {
  if (!raw || typeof raw !== 'object')
    return badRequest(type, 'Each patch must be an object with op and path.')
  const op = { ...(raw as Op) }
  if (typeof op.op !== 'string' || typeof op.path !== 'string') {
    return badRequest(type, 'Each patch must be an object with op and path.')
  }
  const prefix = `/${type}/0`
  if (!op.path.startsWith(`${prefix}/`)) {
    return badRequest(type, `Invalid patch path: ${op.path}. Paths look like ${prefix}/<field>.`)
  }
  const segments = op.path
    .slice(prefix.length + 1)
    .split('/')
    .map(decode)
  if (segments[0] === 'id' || segments[0] === 'type') badRequest(type, `${segments[0]} cannot be changed`)
  if (segments[0] === 'links' && segments.length >= 2) {
    const key = segments[1]!
    doc.links ??= {}
    if (segments.length === 2 && op.op !== 'remove') op.value = linkValue(db, type, key, op.value)
    if (segments.length === 3) {
      const last = segments[2]!
      const current = doc.links[key]
      const list = Array.isArray(current) ? current : []
      if (!Array.isArray(current)) doc.links[key] = list
      const target = LINK_TYPES[key]
      if (op.op === 'remove' && !/^\d+$/.test(last)) {
        const id = target ? linkId(db, last, [target], type) : last
        const index = list.indexOf(id)
        if (index === -1) badRequest(type, `${last} is not linked in ${key}`)
        op.path = `${prefix}/links/${key}/${index}`
      } else if (op.op === 'add' && !/^\d+$/.test(last)) {
        op.value = linkValue(db, type, key, op.value ?? last)
        op.path = `${prefix}/links/${key}/-`
        if (list.includes(op.value as string)) return { op: 'test', path: `${prefix}/id`, value: doc.id }
      } else if (op.op !== 'remove') {
        op.value = linkValue(db, type, key, op.value)
      }
    }
  } else if (segments.length === 1 && !(segments[0]! in doc) && (op.op === 'add' || op.op === 'replace')) {
    // Unknown top-level names are custom fields (`/leads/0/Favorite Number`).
    doc.customFields = { ...((doc.customFields as object | undefined) ?? {}) }
    return {
      op: 'add',
      path: `${prefix}/customFields/${segments[0]!.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      value: op.value,
    }
  }
  return op
}

function changed(before: NutshellRecord, after: NutshellRecord, key: string): boolean {
  return JSON.stringify(before[key]) !== JSON.stringify(after[key])
}

/** Keeps derived fields consistent after a patch (a lead's name follows its description, and so on). */
export function normalise(before: NutshellRecord, after: NutshellRecord): NutshellRecord {
  const next = { ...after }
  if (next.type === 'leads') {
    if (changed(before, next, 'description'))
      next.name = (next.description as string) || `Lead-${String(next.number)}`
    else if (changed(before, next, 'name')) next.description = next.name
    if (changed(before, next, 'value') || changed(before, next, 'manualValue')) {
      next.value = money(amountOf(next.manualValue ?? next.value) ?? 0)
      delete next.manualValue
    }
    if (changed(before, next, 'dueTime') && next.dueTime !== null && typeof next.dueTime !== 'object') {
      const due = parseTime(next.dueTime)
      next.dueTime = due === undefined ? null : timeObject(due)
    }
  }
  if (next.type === 'contacts') {
    if (changed(before, next, 'name')) {
      const parts = String(next.name).trim().split(/\s+/)
      next.firstName = parts[0] ?? ''
      next.lastName = parts.slice(1).join(' ')
    } else if (changed(before, next, 'firstName') || changed(before, next, 'lastName')) {
      next.name = [next.firstName, next.lastName].filter(Boolean).join(' ')
    }
  }
  if (next.type === 'contacts' || next.type === 'accounts') {
    if (changed(before, next, 'emails')) next.emails = emails(next.emails)
    if (changed(before, next, 'phones')) next.phones = phones(next.phones)
    if (changed(before, next, 'addresses')) next.addresses = addresses(next.addresses)
    if (changed(before, next, 'urls')) next.urls = urls(next.urls)
  }
  if (next.type === 'tasks') {
    if (changed(before, next, 'title')) next.name = next.title
    if (changed(before, next, 'dueTime') && next.dueTime !== null) {
      const due = parseTime(next.dueTime)
      next.dueTime = due === undefined ? null : Math.floor(due / 1000)
    }
  }
  if (next.type === 'notes' && changed(before, next, 'body')) {
    next.bodyMarkup = next.body
    next.bodyHtml = `<p>${String(next.body).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`
  }
  return next
}

/** Applies a JSON Patch in Nutshell's path form (`/leads/0/links/contacts/-`) to a record; returns the next version. */
export function applyNutshellPatch(db: NutshellDb, record: NutshellRecord, ops: unknown): NutshellRecord {
  const type = record.type
  if (!Array.isArray(ops) || ops.length === 0) return badRequest(type, 'No patches sent')
  const working = structuredClone(record)
  const translated = ops.map((op) => translate(db, type, working, op))
  let patched: NutshellRecord
  try {
    const result = applyPatch({ [type]: [working] }, translated as Operation[], true, true)
    patched = (result.newDocument as Record<string, NutshellRecord[]>)[type]![0]!
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return badRequest(type, `Invalid patch: ${message}`)
  }
  if (!patched || patched.id !== record.id || patched.type !== record.type) {
    return badRequest(type, 'A patch may not change the id or type of a record.')
  }
  return normalise(record, patched)
}
