import { parseInput, type RequestOptions } from '@x/core'
import * as z from 'zod/mini'
import type { RecordPromise } from './operations/record-promise'
import type { Account } from './schemas/account'
import type { Activity } from './schemas/activity'
import type { Contact } from './schemas/contact'
import type { Lead } from './schemas/lead'
import type { Note } from './schemas/note'
import type { Task } from './schemas/task'
import { typeOfId, type WebhookBatch, type WebhookEvent } from './webhooks/parse'

/** The full records behind webhook events, fetched through REST (one multi-id GET per record type). */
export interface RefetchResult {
  leads: Lead[]
  contacts: Contact[]
  accounts: Account[]
  activities: Activity[]
  tasks: Task[]
  notes: Note[]
  /** Ids of record types the REST client cannot fetch (form submissions, bookings, ...), by type. */
  skipped: Record<string, string[]>
}

type Getter = (ids: string[], options?: RequestOptions) => RecordPromise<unknown[]>

/** The resources refetch reads from. */
export type RefetchGetters = Record<
  'leads' | 'contacts' | 'accounts' | 'activities' | 'tasks' | 'notes',
  Getter
>

// What refetch reads of its source, checked so a malformed one is an InputValidationError, not a TypeError.
const EventShape = z.looseObject({
  action: z.optional(z.string()),
  entityType: z.string(),
  recordIds: z.array(z.string()),
})
const BatchShape = z.looseObject({ refetch: z.record(z.string(), z.array(z.string())) })
const SourceSchema = z.union([BatchShape, EventShape, z.array(EventShape)])

function idsByType(source: WebhookEvent | WebhookBatch | readonly WebhookEvent[]): Record<string, string[]> {
  parseInput(SourceSchema, source, 'refetch', 'source')
  if (!Array.isArray(source) && 'refetch' in source) return (source as WebhookBatch).refetch
  const events: readonly WebhookEvent[] = Array.isArray(source) ? source : [source as WebhookEvent]
  const out: Record<string, string[]> = Object.create(null)
  for (const event of events) {
    if (event.action === 'delete') continue
    // Each id under the type its suffix names (a `"9-notes"` in a `leads` event is a note).
    for (const id of event.recordIds) {
      const type = typeOfId(id) ?? event.entityType
      out[type] ??= []
      const list = out[type]!
      if (!list.includes(id)) list.push(id)
    }
  }
  return out
}

/** Fetches the current records an event (or a whole batch) is about, as Nutshell advises for webhooks. */
export async function refetchRecords(
  getters: RefetchGetters,
  source: WebhookEvent | WebhookBatch | readonly WebhookEvent[],
  options?: RequestOptions,
): Promise<RefetchResult> {
  const result: RefetchResult = {
    leads: [],
    contacts: [],
    accounts: [],
    activities: [],
    tasks: [],
    notes: [],
    skipped: {},
  }
  const work: Promise<void>[] = []
  for (const [type, ids] of Object.entries(idsByType(source))) {
    if (ids.length === 0) continue
    if (!Object.hasOwn(getters, type)) {
      result.skipped[type] = ids
      continue
    }
    const key = type as keyof RefetchGetters
    work.push(
      Promise.resolve(getters[key](ids, options)).then((records) => {
        ;(result[key] as unknown[]) = records
      }),
    )
  }
  await Promise.all(work)
  return result
}
