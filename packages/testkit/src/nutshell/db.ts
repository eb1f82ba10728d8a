import { formatId } from './ids'
import { NUTSHELL_TYPES, type NutshellRecord, type NutshellType, type NutshellUserCredentials } from './types'

interface RecordMeta {
  rev: number
  createdMs: number
  modifiedMs: number
}

/** A user the simulator authenticates, with the id of their user record. */
export interface AuthorisedUser extends NutshellUserCredentials {
  userId: string
}

/** One change in an event, as the events feed and webhooks report it. */
export interface EventChange {
  attribute: string
  oldValue: unknown
  newValue: unknown
}

function emptyTables(): Record<NutshellType, NutshellRecord[]> {
  return Object.fromEntries(NUTSHELL_TYPES.map((type) => [type, []])) as unknown as Record<
    NutshellType,
    NutshellRecord[]
  >
}

function isDeleted(record: NutshellRecord): boolean {
  return record.deletedTime !== null && record.deletedTime !== undefined
}

/** The simulator's live state, shared by the REST and JSON-RPC views. Inspect it and seed it from tests. */
export class NutshellDb {
  /** Every stored record per type, deleted ones included, in id order. */
  tables: Record<NutshellType, NutshellRecord[]> = emptyTables()
  /** Users who may authenticate (email + API key). */
  credentials: AuthorisedUser[] = []
  /** Increases on every change; list caches and find etags key on it. */
  version = 0
  /** Who watches each lead (`POST /leads/{id}/watch`): lead id to user ids. */
  watchers = new Map<string, Set<string>>()
  #index = new Map<string, NutshellRecord>()
  #meta = new Map<string, RecordMeta>()
  #next = new Map<NutshellType, number>()

  /** Empties every table (used before seeding). */
  clear(): void {
    this.tables = emptyTables()
    this.credentials = []
    this.watchers.clear()
    this.#index.clear()
    this.#meta.clear()
    this.#next.clear()
    this.version += 1
  }

  /** Any stored record by REST id, deleted or not. */
  get(id: string): NutshellRecord | undefined {
    return this.#index.get(id)
  }

  /** A record that exists and is not deleted. */
  live(id: string | undefined): NutshellRecord | undefined {
    const record = id === undefined ? undefined : this.#index.get(id)
    return record && !isDeleted(record) ? record : undefined
  }

  /** The records of a type that are not deleted. */
  list(type: NutshellType): NutshellRecord[] {
    return this.tables[type].filter((record) => !isDeleted(record))
  }

  /** Whether a record is soft-deleted. */
  isDeleted(record: NutshellRecord): boolean {
    return isDeleted(record)
  }

  /** The next integer id a new record of `type` gets. */
  peekNumber(type: NutshellType): number {
    return this.#next.get(type) ?? 1
  }

  /** Sets where ids of `type` start (leads start at 1001 like Nutshell's). */
  startNumbersAt(type: NutshellType, n: number): void {
    this.#next.set(type, n)
  }

  /** Stores a new record with the next id of its type; returns it. */
  insert(
    type: NutshellType,
    fields: Omit<NutshellRecord, 'id' | 'type'>,
    createdMs = Date.now(),
  ): NutshellRecord {
    const n = this.peekNumber(type)
    this.#next.set(type, n + 1)
    const record = Object.assign({ id: formatId(n, type), type }, fields) as NutshellRecord
    this.tables[type].push(record)
    this.#index.set(record.id, record)
    this.#meta.set(record.id, { rev: 1, createdMs, modifiedMs: createdMs })
    this.version += 1
    return record
  }

  /** Marks a record as changed: a new rev, a new modified time. */
  touch(id: string, now = Date.now()): void {
    const meta = this.#meta.get(id)
    if (!meta) return
    meta.rev += 1
    meta.modifiedMs = now
    this.version += 1
  }

  /** Replaces a stored record's fields in place (keeps object identity), then touches it. */
  replace(id: string, next: NutshellRecord): NutshellRecord {
    const record = this.#index.get(id)
    if (!record) throw new Error(`No record ${id}`)
    const identity = { id: record.id, type: record.type }
    for (const key of Object.keys(record)) delete record[key]
    Object.assign(record, next, identity)
    this.touch(id)
    return record
  }

  /** The record's current rev string (changes on every edit, over REST or JSON-RPC). */
  rev(id: string): string {
    return String(this.#meta.get(id)?.rev ?? 0)
  }

  /** When the record was created (epoch ms). */
  createdMs(id: string): number {
    return this.#meta.get(id)?.createdMs ?? 0
  }

  /** When the record last changed (epoch ms). */
  modifiedMs(id: string): number {
    return this.#meta.get(id)?.modifiedMs ?? 0
  }

  /** Appends an entry to the events feed. */
  recordEvent(
    action: 'create' | 'update' | 'delete' | 'undelete',
    record: NutshellRecord,
    actorId: string,
    changes: EventChange[] = [],
    now = Date.now(),
  ): NutshellRecord {
    return this.insert(
      'events',
      {
        createdTime: Math.floor(now / 1000),
        actorType: 'users',
        payloadType: record.type,
        action,
        changes,
        links: { actor: actorId, payloads: [record.id] },
      },
      now,
    )
  }
}
