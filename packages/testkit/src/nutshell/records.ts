import type { NutshellDb } from './db'
import { idType } from './ids'
import { amountOf, money } from './money'
import { createRecord } from './mutations'
import { badRequest } from './responses'
import { parseTime, timeObject, unix } from './time'
import type { NutshellRecord, NutshellType } from './types'

type Input = Record<string, unknown>
type Fields = Omit<NutshellRecord, 'id' | 'type'>

function asObject(value: unknown): Input {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Input) : {}
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
}

function rawId(value: unknown): unknown {
  return value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
}

/** Resolves a linked id the caller sent (`"3-contacts"`, `"3"`, `3`, `{ id }`) to a live record's id. */
export function linkId(db: NutshellDb, value: unknown, types: NutshellType[], errorType: string): string {
  const raw = rawId(value)
  const textual = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  const match = /^(\d+)(?:-([A-Za-z]+))?$/.exec(textual)
  const candidates = match
    ? types.filter((type) => match[2] === undefined || match[2].toLowerCase() === type.toLowerCase())
    : []
  for (const type of candidates) {
    const id = `${match![1]}-${type}`
    if (db.live(id)) return id
  }
  return badRequest(errorType, `Invalid ${types[0]} id: ${String(textual || JSON.stringify(raw))}`)
}

/** Resolves a list of linked ids; `undefined` stays an empty list. */
export function linkIds(db: NutshellDb, value: unknown, type: NutshellType, errorType: string): string[] {
  if (value === undefined || value === null) return []
  const items = Array.isArray(value) ? value : [value]
  return [...new Set(items.map((item) => linkId(db, item, [type], errorType)))]
}

type Builder = (db: NutshellDb, input: Input, actorId: string, now: number) => Fields

/** An object without an `id`: a record the caller wants created inline (`{ name: 'Acme' }`). */
function isInline(value: unknown): value is Input {
  return (
    Boolean(value) && typeof value === 'object' && !Array.isArray(value) && (value as Input).id === undefined
  )
}

/**
 * Resolves a lead's `links.accounts` / `links.contacts`: ids link existing records (as {@link linkIds}),
 * inline objects are validated by `build` (the same builder `POST /{type}` uses, so the same 400) and
 * returned as a `create` step to run once the whole lead is valid, so a refused lead stores nothing.
 */
function inlineLinkIds(
  db: NutshellDb,
  value: unknown,
  type: 'accounts' | 'contacts',
  build: Builder,
  actorId: string,
  now: number,
): () => string[] {
  if (value === undefined || value === null) return () => []
  const items = (Array.isArray(value) ? value : [value]).map((item) =>
    isInline(item) ? build(db, item, actorId, now) : linkId(db, item, [type], 'leads'),
  )
  return () => [
    ...new Set(
      items.map((item) => (typeof item === 'string' ? item : createRecord(db, type, item, actorId, now).id)),
    ),
  ]
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('')
}

/** Normalises emails (`[{ value, name?, isPrimary? }]` or strings) to Nutshell's shape. */
export function emails(value: unknown): { isPrimary: boolean; name: string; value: string }[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return items.map((item, index) => {
    const entry = asObject(typeof item === 'string' ? { value: item } : item)
    return {
      isPrimary: Boolean(entry.isPrimary ?? index === 0),
      name: text(entry.name) ?? 'work',
      value: text(entry.value) ?? '',
    }
  })
}

/** Normalises URLs to Nutshell's shape. */
export const urls = emails

/** Normalises phones to Nutshell's shape (`value` holds the number in several formats). */
export function phones(value: unknown): Input[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return items.map((item, index) => {
    const entry = asObject(typeof item === 'string' ? { value: item } : item)
    const inner = asObject(entry.value)
    const raw = text(entry.value) ?? text(inner.number) ?? text(inner.numberFormatted) ?? ''
    const digits = raw.replace(/\D/g, '')
    const local = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits
    const formatted =
      local.length === 10 ? `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}` : raw || local
    return {
      isPrimary: Boolean(entry.isPrimary ?? index === 0),
      isOptedOut: false,
      name: text(entry.name) ?? 'work',
      value: {
        countryCode: '1',
        number: local,
        extension: text(inner.extension),
        numberFormatted: formatted,
        E164: `+1${local}`,
        countryCodeAndNumber: `+1 ${formatted}`,
      },
    }
  })
}

/** Normalises addresses (parts flat or under `value`) to Nutshell's shape. */
export function addresses(value: unknown): Input[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
  return items.map((item, index) => {
    const entry = asObject(item)
    const parts = { ...entry, ...asObject(entry.value) }
    return {
      isPrimary: Boolean(entry.isPrimary ?? index === 0),
      name: text(entry.name) ?? 'work',
      address_1: text(parts.address_1),
      address_2: text(parts.address_2),
      address_3: text(parts.address_3),
      city: text(parts.city),
      state: text(parts.state),
      postalCode: text(parts.postalCode),
      country: text(parts.country) ?? 'US',
      timezone: text(parts.timezone),
      locationAccuracy: '8',
      value: { location: parts.location ?? null },
    }
  })
}

function defaultStage(db: NutshellDb, stagesetId: string): string | null {
  const stage = db.list('stages').find((record) => record.links?.stageset === stagesetId)
  return stage?.id ?? null
}

function defaultStageset(db: NutshellDb): string | null {
  const stagesets = db.list('stagesets')
  return (stagesets.find((record) => record.default === true) ?? stagesets[0])?.id ?? null
}

/** A new lead from a REST create body item (`description`, `manualValue`, `dueTime`, `links`, ...). */
export function buildLead(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const links = asObject(input.links)
  const number = db.peekNumber('leads') - 1
  const description = text(input.description) ?? text(input.name)
  const stageset =
    links.stageset !== undefined ? linkId(db, links.stageset, ['stagesets'], 'leads') : defaultStageset(db)
  const stage =
    links.stage !== undefined
      ? linkId(db, links.stage, ['stages'], 'leads')
      : stageset && defaultStage(db, stageset)
  const accounts = inlineLinkIds(db, links.accounts, 'accounts', buildAccount, actorId, now)
  const contacts = inlineLinkIds(db, links.contacts, 'contacts', buildContact, actorId, now)
  const owner = links.owner !== undefined ? linkId(db, links.owner, ['users'], 'leads') : actorId
  const sources = linkIds(db, links.sources, 'sources', 'leads')
  const tags = linkIds(db, links.tags, 'tags', 'leads')
  const amount = amountOf(input.manualValue) ?? amountOf(input.value) ?? 0
  const due = parseTime(input.dueTime)
  const name = description ?? `Lead-${number}`
  return {
    name,
    description: description ?? '',
    number,
    value: money(amount),
    status: 'open',
    confidence: typeof input.confidence === 'number' ? input.confidence : 0,
    priority: input.priority === 1 ? 1 : 0,
    isOverdue: false,
    isCurrentUserWatching: false,
    ownerType: 'users',
    pieState: null,
    createdTime: timeObject(now),
    closedTime: null,
    dueTime: due === undefined ? null : timeObject(due),
    anticipatedClosedTime: null,
    lastContactedTime: null,
    overdueTime: null,
    deletedTime: null,
    avatarUrl: null,
    initials: initials(name),
    customFields: asObject(input.customFields),
    links: {
      owner,
      // Inline accounts/contacts are stored only here, after every other field has been validated.
      accounts: accounts(),
      contacts: contacts(),
      sources,
      tags,
      stageset,
      stage,
      outcome: null,
      creator: actorId,
    },
  }
}

function splitName(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/)
  return { firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') }
}

/** A new contact from a REST create body item. */
export function buildContact(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const name = text(input.name)
  if (!name) badRequest('contacts', 'A name is required to create a contact.')
  const links = asObject(input.links)
  return {
    name,
    ...splitName(name),
    jobTitle: text(input.jobTitle),
    description: text(input.description),
    createdTime: unix(now),
    deletedTime: null,
    emails: emails(input.emails),
    phones: phones(input.phones),
    addresses: addresses(input.addresses),
    urls: urls(input.urls),
    avatarUrl: null,
    initials: initials(name),
    lastContactedTime: null,
    customFields: asObject(input.customFields),
    links: {
      accounts: linkIds(db, links.accounts, 'accounts', 'contacts'),
      owner: links.owner !== undefined ? linkId(db, links.owner, ['users'], 'contacts') : actorId,
      creator: actorId,
      tags: linkIds(db, links.tags, 'tags', 'contacts'),
      territory: null,
      origin: null,
    },
  }
}

/** A new account from a REST create body item (at least one of name, phone, email, address or url). */
export function buildAccount(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const name = text(input.name)
  const hasAny = [input.phones, input.emails, input.addresses, input.urls].some(
    (list) => Array.isArray(list) && list.length > 0,
  )
  if (!name && !hasAny) {
    badRequest(
      'accounts',
      'At least one of the following fields is required: name, phone, email, address, or url.',
    )
  }
  const links = asObject(input.links)
  const finalName = name ?? emails(input.emails)[0]?.value ?? 'Unnamed account'
  return {
    name: finalName,
    description: text(input.description),
    createdTime: unix(now),
    deletedTime: null,
    emails: emails(input.emails),
    phones: phones(input.phones),
    addresses: addresses(input.addresses),
    urls: urls(input.urls),
    avatarUrl: null,
    initials: initials(finalName),
    revenue: null,
    employeeCount: null,
    lastContactedTime: null,
    customFields: asObject(input.customFields),
    links: {
      owner: links.owner !== undefined ? linkId(db, links.owner, ['users'], 'accounts') : actorId,
      creator: actorId,
      tags: linkIds(db, links.tags, 'tags', 'accounts'),
      industry: null,
      accountType: null,
      territory: null,
      origin: null,
    },
  }
}

/** A new activity from a REST `activities[0]` item. */
export function buildActivity(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const name = text(input.name)
  if (!name) badRequest('activities', 'A name is required to create an activity.')
  const links = asObject(input.links)
  const start = parseTime(input.startTime) ?? now
  const end = parseTime(input.endTime) ?? start + 30 * 60_000
  const participants = (Array.isArray(links.participants) ? links.participants : []).map((item) =>
    linkId(db, item, ['contacts', 'users', 'accounts'], 'activities'),
  )
  const isLogged = input.isLogged === true
  return {
    name,
    description: text(input.description),
    agenda: text(input.description),
    note: text(input.note),
    location: text(input.location),
    transcription: text(input.transcription),
    startTime: unix(start),
    endTime: unix(end),
    isAllDay: input.isAllDay === true,
    isFlagged: input.isFlagged === true,
    isLogged,
    isCancelled: false,
    isEditable: true,
    isMediaLogged: false,
    isOverdue: !isLogged && end < now,
    loggedTime: isLogged ? unix(now) : null,
    createdTime: unix(now),
    modifiedTime: unix(now),
    deletedTime: null,
    links: {
      activityType:
        input.activityType !== undefined
          ? linkId(db, input.activityType, ['activityTypes'], 'activities')
          : (db.list('activityTypes')[0]?.id ?? null),
      participants: participants.length > 0 ? participants : [actorId],
      leads: linkIds(db, links.leads, 'leads', 'activities'),
      creator: actorId,
    },
  }
}

/** A new task from the flat REST body (`title`, `description`, `dueTime`, `links.relatedEntity`, `links.assignee`). */
export function buildTask(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const title = text(input.title)
  if (!title) badRequest('tasks', 'A title is required to create a task.')
  const links = asObject(input.links)
  const due = parseTime(input.dueTime)
  return {
    title,
    name: title,
    description: text(input.description),
    dueTime: due === undefined ? null : unix(due),
    isCompleted: false,
    completedTime: null,
    createdTime: unix(now),
    modifiedTime: unix(now),
    deletedTime: null,
    recurrenceRule: input.recurrenceRule ?? null,
    links: {
      assignee: links.assignee !== undefined ? linkId(db, links.assignee, ['users'], 'tasks') : actorId,
      relatedEntity:
        links.relatedEntity !== undefined
          ? linkId(db, links.relatedEntity, ['contacts', 'accounts', 'leads'], 'tasks')
          : null,
      creator: actorId,
    },
  }
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A new note from `{ data: { body, links: { parent } } }`'s `data`. */
export function buildNote(db: NutshellDb, input: Input, actorId: string, now: number): Fields {
  const body = text(input.body)
  if (!body) badRequest('notes', 'A body is required to create a note.')
  const parent = linkId(db, asObject(input.links).parent, ['leads', 'contacts', 'accounts'], 'notes')
  return {
    body,
    bodyHtml: `<p>${escapeHtml(body)}</p>`,
    bodyMarkup: body,
    isEditable: true,
    parentType: idType(parent) ?? null,
    createdTime: new Date(now).toISOString(),
    deletedTime: null,
    links: { parent, creator: actorId },
  }
}

const TAG_TYPES: Record<string, string> = { '1': 'leads', '2': 'contacts', '3': 'accounts' }

/** A new tag from a REST `tags[0]` item (`name` and `tagType` required). */
export function buildTag(_db: NutshellDb, input: Input, _actorId: string, now: number): Fields {
  const name = text(input.name)
  const tagType =
    TAG_TYPES[String(input.tagType)] ?? Object.values(TAG_TYPES).find((type) => type === input.tagType)
  if (!name || !tagType) badRequest('tags', 'Name and tagType are required.')
  return { name, tagType, colorType: 'COLOR_DEFAULT', count: 0, modifiedTime: unix(now), deletedTime: null }
}

const CHANNELS = [
  'No channel',
  'Organic search',
  'Paid search',
  'Organic social',
  'Paid social',
  'Email',
  'Referrer',
  'Traditional',
  'Direct to website',
]

/** A new source from a REST `sources[0]` item. */
export function buildSource(_db: NutshellDb, input: Input, _actorId: string, now: number): Fields {
  const name = text(input.name)
  if (!name) badRequest('sources', 'A name is required to create a source.')
  const channel = typeof input.channel === 'number' && CHANNELS[input.channel] ? input.channel : 0
  return {
    name,
    channel: { value: channel, display: CHANNELS[channel] },
    modifiedTime: unix(now),
    deletedTime: null,
  }
}
