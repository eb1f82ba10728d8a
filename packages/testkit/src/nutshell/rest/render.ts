import { idNumber } from '../ids'
import { instanceMeta } from '../responses'
import type { NutshellRecord, NutshellType } from '../types'
import { appPath, collectionOf, LINK_TYPES } from './collections'
import type { RestContext } from './context'

/** A record as REST returns it: with `href`, `htmlUrl` and `htmlUrlPath` for the caller's origin. */
export function view(record: NutshellRecord, ctx: RestContext): Record<string, unknown> {
  const { id, type, links } = record
  const path = appPath(type, idNumber(id))
  const out: Record<string, unknown> = {
    id,
    type,
    href: `${ctx.base}/${collectionOf(type)}/${id}`,
    htmlUrl: `${ctx.appBase}${path}`,
    htmlUrlPath: path,
  }
  // A plain loop: pages of thousands of records render noticeably faster than with rest spreads.
  for (const key in record) if (key !== 'id' && key !== 'type' && key !== 'links') out[key] = record[key]
  if (links)
    out.links = type === 'accounts' ? { ...links, contacts: accountContacts(record, ctx) } : { ...links }
  if (type === 'leads') out.isCurrentUserWatching = ctx.db.watchers.get(id)?.has(ctx.user.userId) ?? false
  return out
}

/** A lookup record as REST returns it outside the CRM's pages: `id`, `type`, `href` and its fields. */
export function plain(record: NutshellRecord, ctx: RestContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: record.id,
    type: record.type,
    href: `${ctx.base}/${collectionOf(record.type)}/${record.id}`,
  }
  for (const key in record) if (key !== 'id' && key !== 'type') out[key] = record[key]
  return out
}

/** `meta` of a list answer: the page's count and the total, formatted as Nutshell does. */
export function listMeta(count: number, total: number): Record<string, unknown> {
  return {
    count,
    countFormatted: formatCount(count),
    total,
    totalFormatted: formatCount(total),
    facets: {},
    ...instanceMeta(),
  }
}

/** Contacts that link to an account (Nutshell reports the relation from both sides). */
function accountContacts(account: NutshellRecord, ctx: RestContext): string[] {
  return ctx.db.tables.contacts
    .filter(
      (contact) =>
        !ctx.db.isDeleted(contact) && (contact.links?.accounts as string[] | undefined)?.includes(account.id),
    )
    .map((contact) => contact.id)
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

function templates(type: NutshellType, records: NutshellRecord[], ctx: RestContext): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const record of records) {
    for (const key of Object.keys(record.links ?? {})) {
      const target = LINK_TYPES[key]
      const name = `${type}.${key}`
      if (target && !out[name]) {
        out[name] = { href: `${ctx.base}/${collectionOf(target)}/{${name}}`, type: target }
      }
    }
  }
  return out
}

/** Related records a list returns beside the main array: the key in the body and the link keys it collects. */
const RELATED: Partial<Record<NutshellType, [string, string[]][]>> = {
  leads: [
    ['accounts', ['accounts']],
    ['contacts', ['contacts']],
    ['users', ['owner']],
  ],
  contacts: [
    ['accounts', ['accounts']],
    ['owners', ['owner']],
    ['creators', ['creator']],
  ],
  accounts: [
    ['owners', ['owner']],
    ['creators', ['creator']],
    ['accountTypes', ['accountType']],
    ['industries', ['industry']],
  ],
}

function related(type: NutshellType, records: NutshellRecord[], ctx: RestContext): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  for (const [key, linkKeys] of RELATED[type] ?? []) {
    const ids = new Set<string>()
    for (const record of records) {
      for (const linkKey of linkKeys) {
        const value = record.links?.[linkKey]
        for (const id of Array.isArray(value) ? value : value ? [value] : []) ids.add(id)
      }
    }
    out[key] = [...ids].flatMap((id) => {
      const found = ctx.db.live(id)
      return found ? [view(found, ctx)] : []
    })
  }
  if (type === 'accounts') {
    const contactIds = new Set(records.flatMap((record) => accountContacts(record, ctx)))
    out.contacts = [...contactIds].flatMap((id) => {
      const found = ctx.db.live(id)
      return found ? [view(found, ctx)] : []
    })
  }
  return out
}

/** The REST body for a page of records: `meta`, `links` templates, the array named after the type, related arrays. */
export function listBody(
  type: NutshellType,
  records: NutshellRecord[],
  total: number,
  ctx: RestContext,
): Record<string, unknown> {
  return {
    meta: listMeta(records.length, total),
    links: records.length > 0 ? templates(type, records, ctx) : {},
    [type]: records.map((record) => view(record, ctx)),
    ...(records.length > 0 ? related(type, records, ctx) : {}),
  }
}
