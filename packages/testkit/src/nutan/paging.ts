import { type NutanErrorDetail, validationError } from './errors'

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 200

/** The body of every Nutan list endpoint. */
export interface NutanListEnvelope<T> {
  data: T[]
  total: number
  limit: number
  offset: number
}

function readInt(url: URL, name: string, fallback: number, max: number, details: NutanErrorDetail[]): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return fallback
  const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  if (!Number.isSafeInteger(n) || n > max) {
    details.push({
      field: name,
      message: Number.isFinite(max)
        ? `Must be an integer from 0 to ${max}`
        : 'Must be a non-negative integer',
    })
  }
  return n
}

/** Reads `limit` (default 50, at most 200) and `offset`, answering 400 with details when either is bad. */
export function readPaging(url: URL): { limit: number; offset: number } {
  const details: NutanErrorDetail[] = []
  const limit = readInt(url, 'limit', DEFAULT_LIMIT, MAX_LIMIT, details)
  const offset = readInt(url, 'offset', 0, Infinity, details)
  if (details.length > 0) throw validationError(details)
  return { limit, offset }
}

/** Slices one page out of the filtered rows. */
export function pageOf<T>(rows: readonly T[], url: URL): NutanListEnvelope<T> {
  const { limit, offset } = readPaging(url)
  return { data: rows.slice(offset, offset + limit), total: rows.length, limit, offset }
}
