import type { Pairing } from '../coverage.ts'

/** Pairings of the operation-table methods of this group. */
export const PAIRINGS: Pairing[] = [
  { operation: 'GET /accounttypes', label: 'ns.accountTypes.list()', call: (ns) => ns.accountTypes.list() },
  {
    operation: 'GET /industries/{id}',
    label: 'ns.industries.get(id)',
    call: (ns) => ns.industries.get('1-industries'),
  },
  { operation: 'GET /industries', label: 'ns.industries.list()', call: (ns) => ns.industries.list() },
]
