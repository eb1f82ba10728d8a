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
  {
    operation: 'GET /activitytypes',
    label: 'ns.activityTypes.list()',
    call: (ns) => ns.activityTypes.list(),
  },
  { operation: 'GET /audiences', label: 'ns.audiences.list()', call: (ns) => ns.audiences.list() },
  {
    operation: 'POST /audiences',
    label: 'ns.audiences.create(input)',
    call: (ns) => ns.audiences.create({ emAudiences: [{ name: 'Newsletter' }] }),
  },
  {
    operation: 'GET /competitors/{id}',
    label: 'ns.competitors.get(id)',
    call: (ns) => ns.competitors.get('1-competitors'),
  },
  { operation: 'GET /competitors', label: 'ns.competitors.list({ q })', call: (ns) => ns.competitors.list() },
  {
    operation: 'GET /competitormaps/{id}',
    label: 'ns.competitorMaps.get(id)',
    call: (ns) => ns.competitorMaps.get('1-competitormaps'),
  },
  {
    operation: 'DELETE /competitormaps/{id}',
    label: 'ns.competitorMaps.delete(id)',
    call: (ns) => ns.competitorMaps.delete('1-competitormaps'),
  },
  {
    operation: 'PATCH /competitormaps/{id}',
    label: 'ns.competitorMaps.update(id, patch)',
    call: (ns) =>
      ns.competitorMaps.update('1-competitormaps', [
        { op: 'replace', path: '/competitorMaps/0/status', value: 'beat' },
      ]),
  },
  {
    operation: 'GET /competitormaps',
    label: 'ns.competitorMaps.list()',
    call: (ns) => ns.competitorMaps.list(),
  },
  { operation: 'GET /editions', label: 'ns.editions.list()', call: (ns) => ns.editions.list() },
  {
    operation: 'GET /editions/{id}',
    label: 'ns.editions.get(id)',
    call: (ns) => ns.editions.get('1-editions'),
  },
  { operation: 'GET /emails/{id}', label: 'ns.emails.get(id)', call: (ns) => ns.emails.get('1-emails') },
  {
    operation: 'GET /filters',
    label: 'ns.filters.list({ userId, reportType, filter })',
    call: (ns) => ns.filters.list(),
  },
  { operation: 'GET /forms', label: 'ns.forms.list()', call: (ns) => ns.forms.list() },
  { operation: 'GET /forms/{id}', label: 'ns.forms.get(id)', call: (ns) => ns.forms.get('1-wfForms') },
  {
    operation: 'GET /forms/{fieldId}',
    label: 'ns.forms.field(fieldId)',
    call: (ns) => ns.forms.field('1-wfFields'),
  },
  { operation: 'GET /markets/{id}', label: 'ns.markets.get(id)', call: (ns) => ns.markets.get('1-markets') },
  { operation: 'GET /markets', label: 'ns.markets.list()', call: (ns) => ns.markets.list() },
  { operation: 'GET /territories', label: 'ns.territories.list()', call: (ns) => ns.territories.list() },
]
