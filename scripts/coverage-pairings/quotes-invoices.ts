import type { Pairing } from '../coverage.ts'

/** Pairings of the operation-table methods of this group. */
export const PAIRINGS: Pairing[] = [
  {
    operation: 'GET /invoices/{id}',
    label: 'ns.invoices.get(id)',
    call: (ns) => ns.invoices.get('1-invoices'),
  },
  {
    operation: 'POST /invoices/{id}/status',
    label: 'ns.invoices.setStatus(id, { status })',
    call: (ns) => ns.invoices.setStatus('1-invoices', { status: 'ACCEPTED', comment: 'Paid via ACH' }),
  },
  { operation: 'GET /invoices', label: 'ns.invoices.list()', call: (ns) => ns.invoices.list() },
  { operation: 'GET /quotes/{id}', label: 'ns.quotes.get(id)', call: (ns) => ns.quotes.get('1-quotes') },
  {
    operation: 'POST /quotes/{id}/status',
    label: 'ns.quotes.setStatus(id, { status })',
    call: (ns) => ns.quotes.setStatus('1-quotes', { status: 'SENT' }),
  },
  {
    operation: 'POST /quotes/{id}/invoice',
    label: 'ns.quotes.invoice(id)',
    call: (ns) => ns.quotes.invoice('1-quotes'),
  },
  { operation: 'GET /quotes', label: 'ns.quotes.list()', call: (ns) => ns.quotes.list() },
]
