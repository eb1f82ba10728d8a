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

/**
 * The REST API takes unix times in seconds. A number of 10^11 or more is taken to be milliseconds:
 * 10^11 seconds is the year 5138, while 10^11 milliseconds is 3 March 1973, so every real time sent
 * in milliseconds is at or above it and every real time in seconds is below it.
 */
export const MILLISECONDS_FROM = 1e11

/**
 * The number a caller sent as a unix time (a number, a string of digits, or a time object's
 * `timestamp`) when it is too large to be seconds (see {@link MILLISECONDS_FROM}); otherwise undefined.
 */
export function millisecondsSent(value: unknown): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && Math.abs(value) >= MILLISECONDS_FROM ? value : undefined
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return millisecondsSent(Number(value))
  if (value && typeof value === 'object' && 'timestamp' in value)
    return millisecondsSent((value as { timestamp: unknown }).timestamp)
  return undefined
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
