import type { RelatedRecord } from './schemas/common'

type LinkValue = RelatedRecord | RelatedRecord[] | null | undefined

function isRecord(value: unknown): value is RelatedRecord {
  return typeof value === 'object' && value !== null && 'id' in value
}

/**
 * The records a REST body carried beside its main array (`owners`, `contacts`, `creators`, ...), indexed
 * by id, so a record's `links` resolve without another request.
 */
export class RelatedRecords {
  private readonly byId = new Map<string, RelatedRecord>()

  constructor(body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return
    for (const value of Object.values(body)) {
      if (!Array.isArray(value)) continue
      for (const item of value) if (isRecord(item)) this.byId.set(String(item.id), item)
    }
  }

  /** The related record with this id, if the body carried it. */
  get<T extends RelatedRecord = RelatedRecord>(id: string | number): T | undefined {
    return this.byId.get(String(id)) as T | undefined
  }

  /** Number of records indexed. */
  get size(): number {
    return this.byId.size
  }

  /**
   * Resolves each of a record's links to the carried records: a single link to a record (undefined when
   * not carried, null when the link is empty), a link list to the carried records of that list.
   */
  of<R extends Record<string, LinkValue> = Record<string, LinkValue>>(record: {
    links?: unknown
  }): Partial<R> {
    const out: Record<string, LinkValue> = {}
    const links = record.links
    if (typeof links !== 'object' || links === null) return out as Partial<R>
    for (const [name, value] of Object.entries(links)) {
      if (value === null) out[name] = null
      else if (Array.isArray(value)) {
        out[name] = value
          .map((id) => this.get(id as string))
          .filter((r): r is RelatedRecord => r !== undefined)
      } else if (typeof value === 'string' || typeof value === 'number') out[name] = this.get(value)
    }
    return out as Partial<R>
  }
}

/** The related records of a page (`related(await ns.leads.list())`) or of a parsed REST body. */
export function related(source: { raw: unknown } | object): RelatedRecords {
  const body = 'raw' in source && !Array.isArray(source) ? (source as { raw: unknown }).raw : source
  return new RelatedRecords(body)
}
