import { normaliseId } from '../ids'
import { notFound } from '../responses'
import type { NutshellRecord, NutshellType } from '../types'
import type { RestContext } from './context'

/** The live records a comma-joined `{id}` names; Nutshell's HTML 404 when none exists. */
export function recordsFor(
  ctx: RestContext,
  type: NutshellType,
  raw: string,
  includeDeleted = false,
): NutshellRecord[] {
  const records = raw.split(',').flatMap((part) => {
    const id = normaliseId(part, type)
    const record = id ? (includeDeleted ? ctx.db.get(id) : ctx.db.live(id)) : undefined
    return record ? [record] : []
  })
  if (records.length === 0) notFound()
  return records
}

/** The one live record `{id}` names, or Nutshell's HTML 404. */
export function recordFor(ctx: RestContext, type: NutshellType, raw: string): NutshellRecord {
  return recordsFor(ctx, type, raw)[0]!
}
