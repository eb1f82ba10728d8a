import type { EventChange, NutshellDb } from './db'
import { badRequest } from './responses'
import { unix } from './time'
import type { NutshellRecord, NutshellType } from './types'

const FEED_TYPES = new Set<NutshellType>(['leads', 'contacts', 'accounts', 'activities', 'notes', 'tasks'])
const ISO_DELETED = new Set<NutshellType>(['leads', 'notes', 'products'])

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The changed attributes between two versions of a record (links reported per relation). */
export function diff(before: NutshellRecord, after: NutshellRecord): EventChange[] {
  const changes: EventChange[] = []
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  for (const key of keys) {
    if (key === 'links') {
      const linkKeys = new Set([...Object.keys(before.links ?? {}), ...Object.keys(after.links ?? {})])
      for (const linkKey of linkKeys) {
        const oldValue = before.links?.[linkKey] ?? null
        const newValue = after.links?.[linkKey] ?? null
        if (!same(oldValue, newValue)) changes.push({ attribute: linkKey, oldValue, newValue })
      }
    } else if (!same(before[key], after[key])) {
      changes.push({ attribute: key, oldValue: before[key] ?? null, newValue: after[key] ?? null })
    }
  }
  return changes
}

/** Stores a new record and reports it in the events feed. */
export function createRecord(
  db: NutshellDb,
  type: NutshellType,
  fields: Omit<NutshellRecord, 'id' | 'type'>,
  actorId: string,
  now: number,
): NutshellRecord {
  const record = db.insert(type, fields, now)
  if (FEED_TYPES.has(type)) db.recordEvent('create', record, actorId, [], now)
  return record
}

/** Replaces a record with its next version (new rev) and reports the changes. */
export function updateRecord(
  db: NutshellDb,
  record: NutshellRecord,
  next: NutshellRecord,
  actorId: string,
  now: number,
): NutshellRecord {
  const changes = diff(record, next)
  db.replace(record.id, next)
  if (FEED_TYPES.has(record.type) && changes.length > 0)
    db.recordEvent('update', record, actorId, changes, now)
  return record
}

/** Soft-deletes a record (undelete restores it). */
export function deleteRecord(
  db: NutshellDb,
  record: NutshellRecord,
  actorId: string,
  now: number,
): NutshellRecord {
  record.deletedTime = ISO_DELETED.has(record.type) ? new Date(now).toISOString() : unix(now)
  db.touch(record.id, now)
  if (FEED_TYPES.has(record.type)) db.recordEvent('delete', record, actorId, [], now)
  return record
}

/** Restores a soft-deleted record. */
export function undeleteRecord(
  db: NutshellDb,
  record: NutshellRecord,
  actorId: string,
  now: number,
): NutshellRecord {
  if (record.deletedTime === null || record.deletedTime === undefined) return record
  record.deletedTime = null
  db.touch(record.id, now)
  if (FEED_TYPES.has(record.type)) db.recordEvent('undelete', record, actorId, [], now)
  return record
}

/** Closes a lead with an outcome (`1-outcomes` won, ...): status, outcome link and closed time follow. */
export function closeLead(
  db: NutshellDb,
  lead: NutshellRecord,
  outcomeId: string,
  actorId: string,
  now: number,
): NutshellRecord {
  const outcome = db.live(outcomeId)
  if (outcome?.type !== 'outcomes') return badRequest('leads', `Invalid outcome: ${outcomeId}`)
  const status = String(outcome.status)
  return updateRecord(
    db,
    lead,
    {
      ...lead,
      status,
      confidence: status === 'won' ? 100 : 0,
      closedTime: new Date(now).toISOString(),
      links: { ...lead.links, outcome: outcome.id },
    },
    actorId,
    now,
  )
}

/** Reopens a closed lead. */
export function reopenLead(
  db: NutshellDb,
  lead: NutshellRecord,
  actorId: string,
  now: number,
): NutshellRecord {
  return updateRecord(
    db,
    lead,
    { ...lead, status: 'open', closedTime: null, links: { ...lead.links, outcome: null } },
    actorId,
    now,
  )
}

/** Moves a lead to a pipeline (stageset), at the pipeline's first stage. */
export function setStageset(
  db: NutshellDb,
  lead: NutshellRecord,
  stagesetId: string,
  actorId: string,
  now: number,
): NutshellRecord {
  const stageset = db.live(stagesetId)
  if (stageset?.type !== 'stagesets') return badRequest('leads', `Invalid stageset: ${stagesetId}`)
  const stage = db.list('stages').find((record) => record.links?.stageset === stageset.id)
  return updateRecord(
    db,
    lead,
    { ...lead, links: { ...lead.links, stageset: stageset.id, stage: stage?.id ?? null } },
    actorId,
    now,
  )
}
