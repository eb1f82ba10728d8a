import type { NutshellType } from './types'

/** Formats a REST id: `1003-leads`. */
export function formatId(n: number, type: NutshellType): string {
  return `${n}-${type}`
}

/** The integer part of a REST id (`"1003-leads"` -> 1003); NaN when malformed. */
export function idNumber(id: string): number {
  const match = /^(\d+)(?:-[A-Za-z]+)?$/.exec(id.trim())
  return match ? Number(match[1]) : Number.NaN
}

/** Normalises an id as callers send it (`"1003-leads"`, `"1003"`, `1003`) to `"1003-leads"`, or undefined. */
export function normaliseId(raw: unknown, type: NutshellType): string | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  const match = /^(\d+)(?:-([A-Za-z]+))?$/.exec(text)
  if (!match) return undefined
  if (match[2] !== undefined && match[2].toLowerCase() !== type.toLowerCase()) return undefined
  return formatId(Number(match[1]), type)
}

/** The type part of a REST id (`"3-contacts"` -> `contacts`). */
export function idType(id: string): string | undefined {
  return /^\d+-([A-Za-z]+)$/.exec(id)?.[1]
}
