import type { HttpHandler } from 'msw'
import { type NutanResource, resourceRoutes } from '../resource'
import type { NutanRoute } from '../router'
import type { NutanContact } from '../types'

const same = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase()

/** Contacts: list (q, company, email), create, update, soft delete. */
export const contactsResource: NutanResource<NutanContact> = {
  label: 'Contact',
  collection: 'contacts',
  idPrefix: 'con',
  table: (state) => state.contacts,
  rules: {
    name: { type: 'string', required: true },
    email: { type: 'email', nullable: true },
    phone: { type: 'string', nullable: true },
    company: { type: 'string', nullable: true },
    title: { type: 'string', nullable: true },
    notes: { type: 'string', nullable: true },
  },
  blank: (id, now) => ({
    id,
    name: '',
    email: null,
    phone: null,
    company: null,
    title: null,
    notes: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }),
  filters: {
    q: (row, q) => {
      const needle = q.toLowerCase()
      return [row.name, row.email, row.company].some((v) => v?.toLowerCase().includes(needle))
    },
    company: (row, value) => same(row.company, value),
    email: (row, value) => same(row.email, value),
  },
  softDelete: true,
}

/** The contact handlers. */
export function contactRoutes(route: NutanRoute): HttpHandler[] {
  return resourceRoutes(route, '*/v1/contacts', contactsResource, ['list', 'create', 'update', 'delete'])
}
