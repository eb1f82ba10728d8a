import type { Pairing } from '../coverage.ts'

/**
 * Pairings of the operation-table methods of this group. Not here: `GET /productmaps/{id}`
 * (`ns.productMaps.get`), which `ns.leads.products(id)` already covers (an operation is
 * paired once); `GET /productcategories/{id}` (`ns.productCategories.get`), until coverage.ts's fake answer
 * puts the records of `/productcategories` under `productCategories` (its KEYS).
 */
export const PAIRINGS: Pairing[] = [
  {
    operation: 'GET /productcategories/{id}',
    label: 'ns.productCategories.get(id)',
    call: (ns) => ns.productCategories.get('1-productCategories'),
  },
  {
    operation: 'GET /productcategories',
    label: 'ns.productCategories.list()',
    call: (ns) => ns.productCategories.list(),
  },
  {
    operation: 'POST /productcategories',
    label: 'ns.productCategories.create(input)',
    call: (ns) => ns.productCategories.create({ productCategories: [{ name: 'Electronics' }] }),
  },
  {
    operation: 'PATCH /productmaps/{id}',
    label: 'ns.productMaps.update(id, patch)',
    call: (ns) => ns.productMaps.update('1-productMaps', [{ op: 'replace', path: '/quantity', value: 2 }]),
  },
  {
    operation: 'DELETE /productMaps/{id}',
    label: 'ns.productMaps.delete(id)',
    call: (ns) => ns.productMaps.delete('1-productMaps'),
  },
  { operation: 'GET /productmaps', label: 'ns.productMaps.list()', call: (ns) => ns.productMaps.list() },
]
