import type { AddressEntry, EmailEntry, PhoneEntry, UrlEntry } from '../../schemas/common'
import { linkTo, multiEntries, textOf, unixSeconds } from './shared'

/** REST `emails` for a JSON-RPC `email` field. */
export function restEmails(field: unknown): EmailEntry[] {
  return multiEntries(field)
    .map((e) => ({ value: textOf(e.value), name: e.name, isPrimary: e.isPrimary }))
    .filter((e) => e.value !== null)
}

/** REST `urls` for a JSON-RPC `url` field. */
export function restUrls(field: unknown): UrlEntry[] {
  return restEmails(field)
}

/** REST `phones` for a JSON-RPC `phone` field (the structured number kept as it came). */
export function restPhones(field: unknown): PhoneEntry[] {
  return multiEntries(field)
    .filter((e) => e.value !== null && e.value !== undefined)
    .map((e) => ({
      value: typeof e.value === 'object' ? (e.value as PhoneEntry['value']) : String(e.value),
      name: e.name,
      isPrimary: e.isPrimary,
    }))
}

/** REST `addresses` for a JSON-RPC `address` field. */
export function restAddresses(field: unknown): AddressEntry[] {
  return multiEntries(field)
    .filter((e) => !!e.value && typeof e.value === 'object')
    .map((e) => ({ ...(e.value as Record<string, unknown>), name: e.name, isPrimary: e.isPrimary }))
}

/** The REST fields contacts and accounts share, from a JSON-RPC contact or account. */
export function restPartyFields(rpc: {
  description?: string | null
  email?: unknown
  phone?: unknown
  url?: unknown
  address?: unknown
  createdTime?: string | null
  modifiedTime?: string | null
  lastContactedDate?: string | null
  customFields?: Record<string, unknown> | null
}) {
  return {
    description: rpc.description ?? null,
    emails: restEmails(rpc.email),
    phones: restPhones(rpc.phone),
    addresses: restAddresses(rpc.address),
    urls: restUrls(rpc.url),
    createdTime: unixSeconds(rpc.createdTime),
    modifiedTime: unixSeconds(rpc.modifiedTime),
    lastContactedTime: unixSeconds(rpc.lastContactedDate),
    customFields: rpc.customFields ?? null,
  }
}

/** The owner, creator and territory links a JSON-RPC contact or account carries. */
export function restPartyLinks(rpc: { owner?: unknown; creator?: unknown; territory?: unknown }) {
  return {
    owner: linkTo(rpc.owner as never, 'users'),
    creator: linkTo(rpc.creator as never, 'users'),
    territory: linkTo(rpc.territory as never, 'territories'),
  }
}
