// Builders for the records JSON-RPC creates that REST has no builder for: products, users and teams.
// Each takes the REST-named fields `restChanges` produced (links under `links`) and answers the stored fields.
import type { NutshellDb } from '../db'
import { unix } from '../time'
import type { NutshellRecord } from '../types'
import { invalidParams } from './errors'
import { priceOf } from './inputs'

type Input = Record<string, unknown>
type Fields = Omit<NutshellRecord, 'id' | 'type'>

function required(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw invalidParams(`${what} is required`)
  return value.trim()
}

/** Link ids that must name live records. */
function existing(db: NutshellDb, value: unknown): string[] {
  const ids = Array.isArray(value) ? (value as string[]) : []
  for (const id of ids) if (!db.live(id)) throw invalidParams(`${id} does not exist`)
  return ids
}

function links(input: Input): Input {
  return (input.links as Input | undefined) ?? {}
}

/** `newProduct {product: {name, type?, sku?, unit?, prices?}}`. */
export function buildProduct(_db: NutshellDb, input: Input, _actorId: string, now: number): Fields {
  return {
    name: required(input.name, 'product.name'),
    sku: input.sku ?? null,
    description: null,
    productType: input.productType ?? 'product',
    unit: input.unit ?? 'unit',
    modifiedTime: unix(now),
    deletedTime: null,
    price: input.price ?? priceOf(0),
    prices: {},
  }
}

/** `newUser {user: {firstName, lastName, emails, isEnabled?, isAdministrator?, teams?}}`. */
export function buildUser(db: NutshellDb, input: Input, _actorId: string, now: number): Fields {
  const emails = (input.emails as string[] | undefined) ?? []
  if (emails.length === 0) throw invalidParams('user.emails is required')
  const given = typeof input.name === 'string' ? input.name.trim().split(/\s+/) : []
  const firstName = String(input.firstName ?? given[0] ?? '')
  const lastName = String(input.lastName ?? given.slice(1).join(' '))
  const name = required(input.name ?? [firstName, lastName].filter(Boolean).join(' '), 'user.firstName')
  return {
    name,
    firstName,
    lastName,
    emails,
    isEnabled: input.isEnabled ?? true,
    hasSetPassword: false,
    isAdministrator: input.isAdministrator ?? false,
    isViewingRestricted: false,
    isHiddenFromFilters: false,
    canAccessEmailMarketing: true,
    modifiedTime: unix(now),
    avatarUrl: null,
    initials: `${firstName.charAt(0)}${lastName.charAt(0)}`,
    permissions: { canAccessCrm: true, canExport: false, canDeleteEntities: false },
    links: { teams: existing(db, links(input).teams) },
  }
}

/** `newTeam {team: {name, users?}}`. */
export function buildTeam(db: NutshellDb, input: Input, _actorId: string, now: number): Fields {
  return {
    name: required(input.name, 'team.name'),
    modifiedTime: unix(now),
    links: { users: existing(db, links(input).users) },
  }
}
