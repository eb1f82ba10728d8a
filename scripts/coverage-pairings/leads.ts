import type { Pairing } from '../coverage.ts'

/** Pairings of the operation-table methods of this group. */
export const PAIRINGS: Pairing[] = [
  {
    operation: 'GET /leads/list',
    label: 'ns.leads.listView({ filter, q, sort })',
    call: (ns) => ns.leads.listView(),
  },
  {
    operation: 'GET /leads/{id}/customfields',
    label: 'ns.leads.customFields(id)',
    call: (ns) => ns.leads.customFields('1-leads'),
  },
  {
    operation: 'GET /leads/customfields/attributes',
    label: 'ns.leads.customFieldAttributes()',
    call: (ns) => ns.leads.customFieldAttributes(),
  },
  {
    operation: 'POST /leads/customfield',
    label: 'ns.leads.createCustomField(input)',
    call: (ns) => ns.leads.createCustomField({ name: 'Region', type: 'text' }),
  },
  {
    operation: 'GET /leads/list/fields',
    label: 'ns.leads.listFields()',
    call: (ns) => ns.leads.listFields(),
  },
  { operation: 'GET /leads/report', label: 'ns.leads.report(params)', call: (ns) => ns.leads.report() },
  {
    operation: 'GET /leads/{id}/installments',
    label: 'ns.leads.installments(id)',
    call: (ns) => ns.leads.installments('1-leads'),
  },
  {
    operation: 'POST /leads/{id}/installments',
    label: 'ns.leads.setInstallments(id, installments)',
    call: (ns) =>
      ns.leads.setInstallments('1-leads', [
        { dueTime: '2026-01-01T00:00:00+0000', value: '1000', isFailed: false },
      ]),
  },
  {
    operation: 'GET /leads/{id}/stages',
    label: 'ns.leads.stages(id)',
    call: (ns) => ns.leads.stages('1-leads'),
  },
  {
    operation: 'POST /leads/{id}/watch',
    label: 'ns.leads.watch(id)',
    call: (ns) => ns.leads.watch('1-leads'),
  },
  {
    operation: 'GET /events/deleted',
    label: 'ns.events.deleted({ filter: { types }, sort })',
    call: (ns) => ns.events.deleted(),
  },
  {
    operation: 'GET /outcomes/{id}',
    label: 'ns.outcomes.get(id)',
    call: (ns) => ns.outcomes.get('1-outcomes'),
  },
  {
    operation: 'GET /stagesets/{id}/export',
    label: 'ns.pipelines.export(id)',
    call: (ns) => ns.pipelines.export('1-stagesets'),
  },
]
