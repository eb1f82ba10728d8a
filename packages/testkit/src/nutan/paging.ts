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

/** What a list does with a `limit` above the maximum: answer 400, or serve the maximum (and say so in `limit`). */
export type NutanOverLimit = 'reject' | 'clamp'

/**
 * Reads `limit` (default 50, at most 200) and `offset`, answering 400 with details when either is bad.
 * With `overLimit: 'clamp'`, a limit above 200 is served as 200 instead.
 */
export function readPaging(
  url: URL,
  overLimit: NutanOverLimit = 'reject',
): { limit: number; offset: number } {
  const details: NutanErrorDetail[] = []
  const limit = readInt(url, 'limit', DEFAULT_LIMIT, overLimit === 'clamp' ? Infinity : MAX_LIMIT, details)
  const offset = readInt(url, 'offset', 0, Infinity, details)
  if (details.length > 0) throw validationError(details)
  return { limit: Math.min(limit, MAX_LIMIT), offset }
}

/** Slices one page out of the filtered rows; the envelope's `limit` is the one applied. */
export function pageOf<T>(rows: readonly T[], url: URL, overLimit?: NutanOverLimit): NutanListEnvelope<T> {
  const { limit, offset } = readPaging(url, overLimit)
  return { data: rows.slice(offset, offset + limit), total: rows.length, limit, offset }
}
