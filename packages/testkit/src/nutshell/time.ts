const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A REST time object as Nutshell sends it: `{ absoluteLocalizedString, timestamp, value }`. */
export function timeObject(ms: number): {
  absoluteLocalizedString: string
  timestamp: number
  value: string
} {
  const date = new Date(ms)
  return {
    absoluteLocalizedString: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
    timestamp: Math.floor(ms / 1000),
    value: date.toISOString(),
  }
}

/** Unix seconds. */
export function unix(ms: number): number {
  return Math.floor(ms / 1000)
}

/** Reads a time a caller sent (ISO string, unix seconds, or a time object) as epoch milliseconds. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value
  if (typeof value === 'string') {
    if (/^\d+$/.test(value.trim())) return parseTime(Number(value))
    const ms = Date.parse(value)
    return Number.isNaN(ms) ? undefined : ms
  }
  if (value && typeof value === 'object' && 'timestamp' in value)
    return parseTime((value as { timestamp: unknown }).timestamp)
  return undefined
}

/** The epoch the seed data is laid out from (fixed so seeds are reproducible). */
export const SEED_EPOCH_MS = Date.UTC(2024, 0, 1)
