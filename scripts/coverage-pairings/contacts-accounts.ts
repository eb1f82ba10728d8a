import type { Pairing } from '../coverage.ts'

/** Pairings of the operation-table methods of this group. */
export const PAIRINGS: Pairing[] = [
  {
    operation: 'GET /accounts/{id}/customfields',
    label: 'ns.accounts.customFields(id)',
    call: (ns) => ns.accounts.customFields('1-accounts'),
  },
  {
    operation: 'GET /accounts/customfields/attributes',
    label: 'ns.accounts.customFieldAttributes()',
    call: (ns) => ns.accounts.customFieldAttributes(),
  },
  {
    operation: 'POST /accounts/customfield',
    label: 'ns.accounts.createCustomField(input)',
    call: (ns) => ns.accounts.createCustomField({ name: 'Region', type: 'text' }),
  },
  {
    operation: 'GET /accounts/list',
    label: 'ns.accounts.listView({ filter, q, sort })',
    call: (ns) => ns.accounts.listView({ q: 'acme', sort: ['-name'] }),
  },
  {
    operation: 'GET /accounts/list/fields',
    label: 'ns.accounts.listFields()',
    call: (ns) => ns.accounts.listFields(),
  },
  {
    operation: 'GET /contacts/{id}/customfields',
    label: 'ns.contacts.customFields(id)',
    call: (ns) => ns.contacts.customFields('1-contacts'),
  },
  {
    operation: 'GET /contacts/customfields/attributes',
    label: 'ns.contacts.customFieldAttributes()',
    call: (ns) => ns.contacts.customFieldAttributes(),
  },
  {
    operation: 'POST /contacts/customfield',
    label: 'ns.contacts.createCustomField(input)',
    call: (ns) => ns.contacts.createCustomField({ name: 'Birthday', type: 'date' }),
  },
  {
    operation: 'GET /contacts/list',
    label: 'ns.contacts.listView({ filter, q, sort })',
    call: (ns) => ns.contacts.listView({ q: 'ada', sort: ['createdTime'] }),
  },
  {
    operation: 'GET /contacts/list/fields',
    label: 'ns.contacts.listFields()',
    call: (ns) => ns.contacts.listFields(),
  },
]
