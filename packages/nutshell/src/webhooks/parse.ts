import { InputValidationError, parseInput } from '@x/core'
import type { RelatedRecord, ResponseMeta } from '../schemas/common'
import { EventsResponseSchema, type NutshellEvent } from '../schemas/event'

/** Record types whose full records `ns.refetch()` can fetch. */
export const REFETCHABLE_TYPES = ['leads', 'contacts', 'accounts', 'activities', 'tasks', 'notes'] as const
export type RefetchableType = (typeof REFETCHABLE_TYPES)[number]

/** The webhook channel's names for some record types, mapped to the REST names. */
const TYPE_ALIASES: Record<string, string> = { people: 'contacts', companies: 'accounts' }

/** One event, with its ids typed and its actor and payload snapshots attached. */
export interface WebhookEvent extends NutshellEvent {
  /** The event's id, as a string (a numeric id is kept as its digits). */
  id: string
  /** The REST record type the event is about (`people` → `contacts`, `companies` → `accounts`). */
  entityType: string
  /** The user (or other actor) who made the change, as an id. */
  actorId: string | undefined
  /**
   * The ids of the records the event is about, in typed form (`"1003-leads"`). Each id's suffix names its
   * own type, which may differ from `entityType` (a `"9-notes"` in a `leads` event is a note); a bare
   * number takes `entityType`.
   */
  recordIds: string[]
  /** The actor record, when the payload carried it. */
  actor: RelatedRecord | undefined
  /** The payload snapshots the event names; Nutshell advises re-fetching rather than trusting them. */
  records: RelatedRecord[]
}

/** A parsed webhook delivery (or a page of `GET /events`). */
export interface WebhookBatch {
  events: WebhookEvent[]
  actors: RelatedRecord[]
  payloads: RelatedRecord[]
  meta: ResponseMeta | undefined
  /** Ids to re-fetch through REST, by record type, each once; records deleted in this batch are left out. */
  refetch: Record<string, string[]>
  /** Ids of records deleted in this batch, by record type (nothing left to fetch). */
  deleted: Record<string, string[]>
  /** The newest event id: pass it as `sinceId` to `events.list()` to poll for what came after. */
  latestId: string | undefined
}

function typedId(id: string | number, type: string): string {
  return typeof id === 'number' || /^\d+$/.test(id) ? `${id}-${type}` : id
}

/** The REST type an id's suffix names (`"9-notes"` → `notes`, `"5-people"` → `contacts`); undefined for a bare number. */
export function typeOfId(id: string | number): string | undefined {
  const raw = /^\d+-(\w+)$/.exec(String(id))?.[1]
  return raw === undefined ? undefined : (TYPE_ALIASES[raw] ?? raw)
}

function typeOf(event: NutshellEvent, firstId: string | undefined): string {
  const raw = event.payloadType ?? (firstId === undefined ? undefined : typeOfId(firstId)) ?? 'unknown'
  return TYPE_ALIASES[raw] ?? raw
}

function sequence(id: string | undefined): number {
  return Number(/^(\d+)/.exec(id ?? '')?.[1] ?? Number.NaN)
}

function add(map: Record<string, string[]>, type: string, id: string): void {
  map[type] ??= []
  const list = map[type]!
  if (!list.includes(id)) list.push(id)
}

function drop(map: Record<string, string[]>, type: string, id: string): void {
  const list = map[type]?.filter((x) => x !== id)
  if (list?.length) map[type] = list
  else delete map[type]
}

function decode(body: unknown): unknown {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body)
    } catch {
      throw new InputValidationError([{ path: '', message: 'the webhook body is not JSON' }], 'parseWebhook')
    }
  }
  if (body instanceof Uint8Array || body instanceof ArrayBuffer) return decode(new TextDecoder().decode(body))
  return body
}

/** Builds the typed batch from a validated events body. */
export function toBatch(body: {
  events: NutshellEvent[]
  actors?: RelatedRecord[] | undefined
  payloads?: RelatedRecord[] | undefined
  meta?: ResponseMeta | undefined
}): WebhookBatch {
  const actors = body.actors ?? []
  const payloads = body.payloads ?? []
  const byId = new Map<string, RelatedRecord>()
  for (const record of [...actors, ...payloads]) byId.set(String(record.id), record)
  const refetch: Record<string, string[]> = {}
  const deleted: Record<string, string[]> = {}
  let latestId: string | undefined
  const events = body.events.map((event): WebhookEvent => {
    const rawIds = (event.links?.payloads ?? []).map(String)
    const entityType = typeOf(event, rawIds[0])
    const recordIds = rawIds.map((id) => typedId(id, entityType))
    const actorRaw = event.links?.actor
    const actorId =
      actorRaw === null || actorRaw === undefined ? undefined : typedId(actorRaw, event.actorType ?? 'users')
    const id = String(event.id)
    if (latestId === undefined || sequence(id) > sequence(latestId)) latestId = id
    return {
      ...event,
      id,
      entityType,
      actorId,
      recordIds,
      actor: actorId ? (byId.get(actorId) ?? byId.get(String(actorRaw))) : undefined,
      records: recordIds
        .map((id, i) => byId.get(id) ?? byId.get(rawIds[i]!))
        .filter((r): r is RelatedRecord => !!r),
    }
  })
  // The latest action on a record decides: deleted records have nothing to fetch, undeleted ones do (an
  // event without an action is a change to re-fetch). Each id is filed under the type its suffix names.
  const chronological = [...events].sort((a, b) => (sequence(a.id) || 0) - (sequence(b.id) || 0))
  for (const event of chronological) {
    const isDelete = event.action === 'delete'
    for (const id of event.recordIds) {
      const type = typeOfId(id) ?? event.entityType
      add(isDelete ? deleted : refetch, type, id)
      drop(isDelete ? refetch : deleted, type, id)
    }
  }
  return { events, actors, payloads, meta: body.meta, refetch, deleted, latestId }
}

/**
 * Validates a webhook delivery (the raw body or its parsed JSON) and returns typed events and the ids to
 * re-fetch. Unknown actions and payload types are kept as they came. Throws InputValidationError when the
 * body is not a Nutshell events payload.
 */
export function parseWebhook(body: unknown): WebhookBatch {
  const parsed = parseInput(EventsResponseSchema, decode(body), 'parseWebhook')
  return toBatch(parsed)
}
