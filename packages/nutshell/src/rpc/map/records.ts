import type { Account } from '../../schemas/account'
import type { Contact } from '../../schemas/contact'
import type { Lead } from '../../schemas/lead'
import type { RpcLead } from '../schemas/lead'
import type { RpcAccount, RpcContact } from '../schemas/party'
import { restPartyFields, restPartyLinks } from './party'
import { linksTo, linkTo, restId, restMoney, restTypeOf, timeObject } from './shared'

/** JSON-RPC lead status codes → REST status strings. */
const LEAD_STATUS: Record<number, string> = { 0: 'open', 1: 'pending', 10: 'won', 11: 'lost', 12: 'canceled' }

/** The REST status string of a JSON-RPC lead status code (unknown codes pass through as text). */
export function restLeadStatus(status: number | null | undefined): string | null {
  if (status === null || status === undefined) return null
  return LEAD_STATUS[status] ?? String(status)
}

/** Where mapped records point their `href`: the REST base URL, e.g. `https://app.nutshell.com/rest`. */
export interface RestLocation {
  restBaseUrl?: string | undefined
}

function href(location: RestLocation, type: string, id: string): string | null {
  return location.restBaseUrl ? `${location.restBaseUrl.replace(/\/+$/, '')}/${type}/${id}` : null
}

function idLink(id: number | null | undefined, type: string): string | null {
  return typeof id === 'number' ? restId(id, type) : null
}

function htmlUrlPath(htmlUrl: string | null | undefined): string | null {
  if (!htmlUrl) return null
  try {
    return new URL(htmlUrl).pathname
  } catch {
    return null
  }
}

/** A JSON-RPC lead in the REST record shape (`"1003-leads"` ids, status strings, `links`). */
export function rpcLeadToRest(lead: RpcLead, location: RestLocation = {}): Lead {
  const id = restId(lead.id, 'leads')
  const owner = lead.assignee ?? lead.owner
  return {
    id,
    type: 'leads',
    href: href(location, 'leads', id),
    htmlUrl: lead.htmlUrl ?? null,
    htmlUrlPath: htmlUrlPath(lead.htmlUrl),
    name: lead.name ?? (lead.description || `Lead-${lead.id}`),
    description: lead.description ?? null,
    number: lead.number ?? null,
    status: restLeadStatus(lead.status),
    value: restMoney(lead.value),
    confidence: lead.confidence ?? null,
    priority: lead.priority ?? null,
    isOverdue: lead.isOverdue ?? null,
    createdTime: timeObject(lead.createdTime),
    closedTime: timeObject(lead.closedTime),
    dueTime: timeObject(lead.dueTime),
    anticipatedClosedTime: timeObject(lead.anticipatedClosedTime),
    lastContactedTime: timeObject(lead.lastContactedDate),
    ownerType: owner ? restTypeOf(owner.entityType, 'users') : null,
    customFields: lead.customFields ?? null,
    links: {
      owner: linkTo(owner, 'users'),
      creator: linkTo(lead.creator, 'users'),
      accounts: linksTo(lead.accounts ?? (lead.primaryAccount ? [lead.primaryAccount] : []), 'accounts'),
      contacts: linksTo(lead.contacts ?? (lead.primaryContact ? [lead.primaryContact] : []), 'contacts'),
      sources: linksTo(lead.sources, 'sources'),
      stageset: linkTo(lead.stageset, 'stagesets') ?? idLink(lead.stagesetId, 'stagesets'),
      stage: linkTo(lead.milestone, 'stages') ?? idLink(lead.milestoneId, 'stages'),
      outcome: linkTo(lead.outcome, 'outcomes'),
    },
  }
}

function personName(name: RpcContact['name']): {
  name: string | null
  firstName: string | null
  lastName: string | null
} {
  if (typeof name === 'string') {
    const parts = name.trim().split(/\s+/)
    return { name, firstName: parts[0] || null, lastName: parts.slice(1).join(' ') || null }
  }
  if (!name) return { name: null, firstName: null, lastName: null }
  const firstName = name.givenName ?? null
  const lastName = name.familyName ?? null
  const display = name.displayName ?? ([firstName, lastName].filter(Boolean).join(' ') || null)
  return { name: display, firstName, lastName }
}

/** A JSON-RPC contact in the REST record shape. */
export function rpcContactToRest(contact: RpcContact, location: RestLocation = {}): Contact {
  const id = restId(contact.id, 'contacts')
  return {
    id,
    type: 'contacts',
    href: href(location, 'contacts', id),
    htmlUrl: contact.htmlUrl ?? null,
    htmlUrlPath: htmlUrlPath(contact.htmlUrl),
    ...personName(contact.name),
    jobTitle: contact.jobTitle ?? null,
    ...restPartyFields(contact),
    links: {
      ...restPartyLinks(contact),
      accounts: linksTo(contact.accounts, 'accounts'),
    },
  }
}

/** A JSON-RPC account in the REST record shape. */
export function rpcAccountToRest(account: RpcAccount, location: RestLocation = {}): Account {
  const id = restId(account.id, 'accounts')
  return {
    id,
    type: 'accounts',
    href: href(location, 'accounts', id),
    htmlUrl: account.htmlUrl ?? null,
    htmlUrlPath: htmlUrlPath(account.htmlUrl),
    name: account.name ?? null,
    ...restPartyFields(account),
    links: {
      ...restPartyLinks(account),
      contacts: linksTo(account.contacts, 'contacts'),
      accountType: linkTo(account.accountType, 'accountTypes'),
      industry: linkTo(account.industry, 'industries'),
    },
  }
}
