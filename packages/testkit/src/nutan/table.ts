const MAX_CACHED_QUERIES = 16

/**
 * A Map of records by id that remembers recent filtered views, so paging through 100,000 rows
 * slices one cached array instead of rescanning the map on every page. Any `set`, `delete` or
 * `clear` drops the cache; replace a record with `set` rather than mutating it in place.
 */
export class Table<T extends { id: string }> extends Map<string, T> {
  #views: Map<string, T[]> | undefined

  override set(id: string, record: T): this {
    this.#views?.clear()
    return super.set(id, record)
  }

  override delete(id: string): boolean {
    this.#views?.clear()
    return super.delete(id)
  }

  override clear(): void {
    this.#views?.clear()
    super.clear()
  }

  /** The records that pass `keep`, in insertion order; `key` must name the filter uniquely. */
  select(key: string, keep: (record: T) => boolean): T[] {
    this.#views ??= new Map()
    const cached = this.#views.get(key)
    if (cached) return cached
    const rows: T[] = []
    for (const record of this.values()) if (keep(record)) rows.push(record)
    if (this.#views.size >= MAX_CACHED_QUERIES) this.#views.delete(this.#views.keys().next().value as string)
    this.#views.set(key, rows)
    return rows
  }
}
