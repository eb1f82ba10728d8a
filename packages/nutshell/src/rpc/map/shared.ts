/** REST type names of JSON-RPC entity types (a stage is a milestone in JSON-RPC, a pipeline a stageset). */
const REST_TYPE_BY_ENTITY_TYPE: Record<string, string> = {
  Leads: 'leads',
  Contacts: 'contacts',
  Accounts: 'accounts',
  Users: 'users',
  Teams: 'teams',
  Activities: 'activities',
  Tasks: 'tasks',
  Notes: 'notes',
  Products: 'products',
  Sources: 'sources',
  Tags: 'tags',
  Milestones: 'stages',
  Stagesets: 'stagesets',
  Outcomes: 'outcomes',
  Lead_Outcomes: 'outcomes',
  Competitors: 'competitors',
  Territories: 'territories',
  Industries: 'industries',
  AccountTypes: 'accountTypes',
}

/** The REST type of a JSON-RPC `entityType` (`"Milestones"` → `"stages"`). */
export function restTypeOf(entityType: unknown, fallback: string): string {
  if (typeof entityType !== 'string') return fallback
  return REST_TYPE_BY_ENTITY_TYPE[entityType] ?? entityType.charAt(0).toLowerCase() + entityType.slice(1)
}

/** The REST id of a JSON-RPC id: `1003` → `"1003-leads"`. */
export function restId(id: number | string, type: string): string {
  return `${id}-${type}`
}

type StubLike = { id?: unknown; entityType?: unknown } | null | undefined

/** A REST link (`"1-users"`) to a JSON-RPC stub, or null when there is none. */
export function linkTo(stub: StubLike, fallbackType: string): string | null {
  if (!stub || (typeof stub.id !== 'number' && typeof stub.id !== 'string')) return null
  return restId(stub.id, restTypeOf(stub.entityType, fallbackType))
}

/** REST links to a list of JSON-RPC stubs. */
export function linksTo(stubs: readonly StubLike[] | null | undefined, fallbackType: string): string[] {
  return (stubs ?? []).map((s) => linkTo(s, fallbackType)).filter((id): id is string => id !== null)
}

/** Unix seconds of a JSON-RPC time (ISO 8601), or null. */
export function unixSeconds(value: string | null | undefined): number | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000)
}

/** A REST time object (`{ timestamp, value }`) for a JSON-RPC time, as REST leads carry their times. */
export function timeObject(value: string | null | undefined): { timestamp: number; value: string } | null {
  const seconds = unixSeconds(value)
  return seconds === null ? null : { timestamp: seconds, value: new Date(seconds * 1000).toISOString() }
}

/** A REST money value (amount as a two-decimal string) for a JSON-RPC one. */
export function restMoney(
  value: { currency?: string | null; amount?: number | string | null } | null | undefined,
): { currency: string | null; amount: string | null } | null {
  if (!value) return null
  const amount = value.amount === null || value.amount === undefined ? NaN : Number(value.amount)
  return { currency: value.currency ?? null, amount: Number.isFinite(amount) ? amount.toFixed(2) : null }
}

/** One value of a multi-value field, with its label and whether it is the primary one. */
export interface MultiEntry {
  value: unknown
  name: string | null
  isPrimary: boolean
}

function sameValue(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))
  )
}

/**
 * The entries of a JSON-RPC multi-value field: `{"0":"a","work":"b","--primary":"a"}` (numeric keys
 * have no label), a list of values or `{ value, name, isPrimary }` objects, or a single value.
 */
export function multiEntries(field: unknown): MultiEntry[] {
  if (field === null || field === undefined) return []
  if (Array.isArray(field)) {
    return field.map((item, index) => {
      const entry =
        item && typeof item === 'object' && 'value' in item ? (item as Record<string, unknown>) : undefined
      return {
        value: entry ? entry.value : item,
        name: typeof entry?.name === 'string' ? entry.name : null,
        isPrimary: typeof entry?.isPrimary === 'boolean' ? entry.isPrimary : index === 0,
      }
    })
  }
  if (typeof field !== 'object') return [{ value: field, name: null, isPrimary: true }]
  const map = field as Record<string, unknown>
  const primary = map['--primary']
  let primaryTaken = false
  const entries = Object.entries(map)
    .filter(([key]) => key !== '--primary')
    .map(([key, value]) => {
      const isPrimary = !primaryTaken && primary !== undefined && sameValue(value, primary)
      if (isPrimary) primaryTaken = true
      return { value, name: /^\d+$/.test(key) ? null : key, isPrimary }
    })
  if (!primaryTaken && entries[0]) entries[0].isPrimary = true
  return entries
}

/** A string value of a multi-value entry (emails, urls), or null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string')
    return (value as { value: string }).value
  return null
}
