import type { NutshellDb } from '../db'
import { normaliseId } from '../ids'
import { badRequest } from '../responses'
import { parseTime } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import { FIELDS, type FieldDef, sortValue } from './fields'

/** A parsed `filter[key][sub][]=value` group: all values of one key, OR-ed. */
interface Filter {
  key: string
  sub: string | undefined
  values: string[]
}

/** Default `page[limit]` (Nutshell documents none; 20 is what the web app and integrations observe). */
export const DEFAULT_PAGE_LIMIT = 20

/** Reads `page[page]` (0-based) and `page[limit]`; invalid values are Nutshell's 400. */
export function parsePaging(url: URL, type: string): { page: number; limit: number } {
  const rawPage = url.searchParams.get('page[page]')
  const rawLimit = url.searchParams.get('page[limit]') ?? url.searchParams.get('limit')
  const page = rawPage === null ? 0 : Number(rawPage)
  if (!Number.isInteger(page) || page < 0)
    badRequest(type, `Invalid page number: ${rawPage}`, 'Invalid filter')
  const limit = rawLimit === null ? DEFAULT_PAGE_LIMIT : Number(rawLimit)
  if (!Number.isInteger(limit) || limit < 1)
    badRequest(type, `Invalid page limit: ${rawLimit}`, 'Invalid filter')
  return { page, limit }
}

function parseFilters(url: URL): Filter[] {
  const groups = new Map<string, Filter>()
  for (const [name, value] of url.searchParams) {
    const match = /^filters?\[([^\]]+)\](?:\[([^\]]*)\])?(?:\[\])?$/.exec(name)
    if (!match) continue
    const sub = match[2] === '' || match[2] === undefined ? undefined : match[2]
    const id = `${match[1]}|${sub ?? ''}`
    const group = groups.get(id) ?? { key: match[1]!, sub, values: [] }
    group.values.push(...value.split(',').filter((part) => part !== ''))
    groups.set(id, group)
  }
  return [...groups.values()]
}

type Test = (value: unknown) => boolean

function numberTest(
  raw: string,
  type: string,
  key: string,
  read: (text: string) => number | undefined,
): Test {
  const invalid = () => badRequest(type, `Invalid value for filter ${key}: ${raw}`, 'Invalid filter')
  const range = /^(.+?)\s+TO\s+(.+)$/i.exec(raw)
  if (range) {
    const low = range[1]!.trim() === '*' ? -Infinity : (read(range[1]!.trim()) ?? invalid())
    const high = range[2]!.trim() === '*' ? Infinity : (read(range[2]!.trim()) ?? invalid())
    return (value) => typeof value === 'number' && value >= low && value <= high
  }
  const op = /^(>=|<=|>|<)\s*(.+)$/.exec(raw)
  if (op) {
    const bound = read(op[2]!) ?? invalid()
    const compare: Record<string, (value: number) => boolean> = {
      '>': (value) => value > bound,
      '<': (value) => value < bound,
      '>=': (value) => value >= bound,
      '<=': (value) => value <= bound,
    }
    return (value) => typeof value === 'number' && compare[op[1]!]!(value)
  }
  const exact = read(raw) ?? invalid()
  return (value) => value === exact
}

function readNumber(text: string): number | undefined {
  const n = Number(text)
  return text.trim() === '' || Number.isNaN(n) ? undefined : n
}

function timeTest(raw: string, type: string, key: string): Test {
  if (key === 'dateMin') {
    const min =
      parseTime(raw) ?? badRequest(type, `Invalid value for filter ${key}: ${raw}`, 'Invalid filter')
    return (value) => typeof value === 'number' && value >= min
  }
  if (key === 'dateMax') {
    const max =
      parseTime(raw) ?? badRequest(type, `Invalid value for filter ${key}: ${raw}`, 'Invalid filter')
    return (value) => typeof value === 'number' && value <= max
  }
  if (!/TO|^[<>]/i.test(raw)) {
    // A bare date matches that whole (UTC) day.
    const day =
      parseTime(raw) ?? badRequest(type, `Invalid value for filter ${key}: ${raw}`, 'Invalid filter')
    const start = day - (day % 86_400_000)
    return (value) => typeof value === 'number' && value >= start && value < start + 86_400_000
  }
  return numberTest(raw, type, key, (text) => parseTime(text))
}

function linkTest(raw: string, def: FieldDef): Test {
  const wanted = def.target ? (normaliseId(raw, def.target) ?? raw) : raw
  if (raw === 'null') return (value) => value === null || (Array.isArray(value) && value.length === 0)
  return (value) => (Array.isArray(value) ? value.includes(wanted) : value === wanted)
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? String(value) : ''
}

function valueTest(def: FieldDef, filter: Filter, raw: string, type: string): Test {
  const needle = raw.toLowerCase()
  switch (def.kind) {
    case 'text':
      return (value) => lower(value).includes(needle)
    case 'enum':
      return (value) => lower(value) === needle
    case 'bool':
      return (value) => Boolean(value) === (needle === 'true' || needle === '1')
    case 'number':
      return numberTest(raw, type, filter.key, readNumber)
    case 'time':
      return timeTest(raw, type, filter.key)
    case 'link':
    case 'links':
      return linkTest(raw, def)
    case 'email':
      return (value) => (value as { value: string }[]).some((email) => lower(email.value).includes(needle))
    case 'phone': {
      const digits = raw.replace(/\D/g, '')
      return (value) =>
        (value as { value: { number: string } }[]).some((phone) => phone.value.number.includes(digits))
    }
    case 'address':
      return (value) =>
        (value as Record<string, unknown>[]).some((address) =>
          filter.sub
            ? lower(address[filter.sub]) === needle
            : ['address_1', 'city', 'state', 'postalCode', 'country'].some((part) =>
                lower(address[part]).includes(needle),
              ),
        )
  }
}

function compileFilters(
  url: URL,
  type: NutshellType,
  db: NutshellDb,
): ((record: NutshellRecord) => boolean)[] {
  const defs = FIELDS[type] ?? {}
  return parseFilters(url).map((filter) => {
    const def = defs[filter.key]
    if (!def || def.filterable === false) badRequest(type, `Invalid filter: ${filter.key}`, 'Invalid filter')
    if (filter.sub !== undefined && def.kind !== 'address') {
      badRequest(type, `Invalid filter: ${filter.key}[${filter.sub}]`, 'Invalid filter')
    }
    const tests = filter.values.map((raw) => valueTest(def, filter, raw, type))
    return (record) => {
      const value = def.get(record, db)
      return tests.length === 0 || tests.some((test) => test(value))
    }
  })
}

function searchable(record: NutshellRecord): string {
  const parts = [record.name, record.description, record.title, record.body, record.number, record.jobTitle]
  for (const email of (record.emails as { value: string }[] | undefined) ?? []) parts.push(email.value)
  return parts
    .filter((part) => part !== null && part !== undefined)
    .join(' ')
    .toLowerCase()
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0
  if (a === null || a === undefined) return 1
  if (b === null || b === undefined) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' })
}

function compileSort(
  url: URL,
  type: NutshellType,
  db: NutshellDb,
): ((a: NutshellRecord, b: NutshellRecord) => number) | undefined {
  const raw = url.searchParams.get('sort')
  if (!raw) return undefined
  const defs = FIELDS[type] ?? {}
  const keys = raw.split(',').map((part) => {
    const descending = part.startsWith('-')
    const key = descending ? part.slice(1) : part
    const def = key === 'id' ? undefined : defs[key]
    if (key !== 'id' && !def?.sortable) badRequest(type, `Invalid sort field: ${key}`, 'Invalid sort')
    return { key, def, descending }
  })
  const cache = new Map<NutshellRecord, unknown[]>()
  const values = (record: NutshellRecord) => {
    let found = cache.get(record)
    if (!found) {
      found = keys.map(({ key, def }) => (def ? sortValue(def, key, record, db) : record.id))
      cache.set(record, found)
    }
    return found
  }
  return (a, b) => {
    const va = values(a)
    const vb = values(b)
    for (let i = 0; i < keys.length; i++) {
      const keyOrder =
        keys[i]!.key === 'id'
          ? Number.parseInt(String(va[i]), 10) - Number.parseInt(String(vb[i]), 10)
          : compare(va[i], vb[i])
      if (keyOrder !== 0) return keys[i]!.descending ? -keyOrder : keyOrder
    }
    return 0
  }
}

const cache = new WeakMap<NutshellDb, Map<string, { version: number; records: NutshellRecord[] }>>()

/** The records a list request selects, filtered, searched and sorted (before paging); cached per db version. */
export function selectRecords(db: NutshellDb, type: NutshellType, url: URL): NutshellRecord[] {
  const params = new URLSearchParams(url.search)
  params.delete('page[page]')
  params.delete('page[limit]')
  params.delete('limit')
  const key = `${type}?${params}`
  let perDb = cache.get(db)
  if (!perDb) {
    perDb = new Map()
    cache.set(db, perDb)
  }
  const hit = perDb.get(key)
  if (hit && hit.version === db.version) return hit.records

  const filters = compileFilters(url, type, db)
  const sort = compileSort(url, type, db)
  const q = url.searchParams.get('q')?.toLowerCase().trim()
  const email = url.searchParams.get('email')?.toLowerCase().trim()
  let records = db.tables[type].filter((record) => {
    if (db.isDeleted(record)) return false
    if (q && !searchable(record).includes(q)) return false
    if (
      email &&
      !((record.emails as { value: string }[] | undefined) ?? []).some(
        (item) => item.value.toLowerCase() === email,
      )
    ) {
      return false
    }
    return filters.every((test) => test(record))
  })
  if (sort) records = records.sort(sort)
  if (perDb.size > 50) perDb.clear()
  perDb.set(key, { version: db.version, records })
  return records
}
