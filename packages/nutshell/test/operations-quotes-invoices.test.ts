// `ns.quotes` and `ns.invoices`, made from their operation tables: each method's request and typed result.
import { InputValidationError } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { NutshellClient } from '../src'
import type { Invoice, InvoicesResponse } from '../src/schemas/invoice'
import type { Quote } from '../src/schemas/quote'

function recording(answer: unknown, status = 200) {
  const sent: { method: string; path: string; query: string; body: unknown }[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    const u = new URL(String(url))
    const body = init?.body === undefined || init.body === null ? undefined : JSON.parse(String(init.body))
    sent.push({ method: init?.method ?? 'GET', path: u.pathname, query: decodeURIComponent(u.search), body })
    return Response.json(answer, { status })
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

const QUOTE = {
  id: '123-quotes',
  type: 'quotes',
  number: '1000-01',
  displayStatus: 'SENT',
  total: { amount: '5000.00', currency: 'USD', formatted: '$5,000.00' },
  productLineItems: [{ id: '1-quoteProductLineItems', position: 0, product: '100-products', quantity: 2 }],
  subtotalLineItems: [],
  recipient: { id: '321-contacts', name: 'Jane Doe', email: 'jane@example.com' },
  validThroughTime: '2024-12-31T23:59:59Z',
  acceptedTime: null,
  links: { lead: '456-leads' },
}
const INVOICE = {
  id: '789-invoices',
  type: 'invoices',
  number: '1000-01',
  displayStatus: 'ACCEPTED',
  paidTime: '2024-01-20T16:45:00Z',
  completionComment: 'Paid via ACH',
  recipient: null,
  links: { lead: '456-leads' },
}

async function refusal(call: () => PromiseLike<unknown>): Promise<InputValidationError> {
  const error = await Promise.resolve(call()).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputValidationError)
  return error as InputValidationError
}

describe('ns.quotes', () => {
  it('list sends GET /quotes with filter[...] and page[...] and reads `quotes`', async () => {
    const { ns, sent } = recording({ quotes: [QUOTE], meta: { total: 1 } })
    const page = await ns.quotes.list({
      filter: { lead: '456-leads', dateMin: '2024-01-01', dateMax: '2024-12-31' },
      page: 2,
      limit: 25,
    })
    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/rest/quotes',
        query:
          '?filter[lead]=456-leads&filter[dateMin]=2024-01-01&filter[dateMax]=2024-12-31&page[page]=2&page[limit]=25',
        body: undefined,
      },
    ])
    expect(page.items).toEqual([QUOTE])
    expectTypeOf(page.items).toEqualTypeOf<Quote[]>()
  })

  it('list without input sends the first page of the default size', async () => {
    const { ns, sent } = recording({ quotes: [] })
    await ns.quotes.list()
    expect(sent.map((s) => `${s.method} ${s.path}${s.query}`)).toEqual([
      'GET /rest/quotes?page[page]=0&page[limit]=50',
    ])
  })

  it('list refuses a date not written as YYYY-MM-DD, sending nothing', async () => {
    const { ns, sent } = recording({ quotes: [] })
    const error = await refusal(() => ns.quotes.list({ filter: { dateMin: '01/02/2024' } }))
    expect(error.message).toContain('dateMin')
    expect(sent).toEqual([])
  })

  it('get sends GET /quotes/{id} and resolves the quote', async () => {
    const { ns, sent } = recording({ quotes: [QUOTE] })
    const quote = await ns.quotes.get('123-quotes')
    expect(sent).toEqual([{ method: 'GET', path: '/rest/quotes/123-quotes', query: '', body: undefined }])
    expect(quote).toEqual(QUOTE)
    expectTypeOf(quote).toEqualTypeOf<Quote>()
  })

  it('setStatus sends POST /quotes/{id}/status with the body and resolves the quote', async () => {
    const { ns, sent } = recording({ quotes: [{ ...QUOTE, displayStatus: 'ACCEPTED' }] })
    const quote = await ns.quotes.setStatus('123-quotes', {
      status: 'ACCEPTED',
      acceptedName: 'Jane Customer',
    })
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/rest/quotes/123-quotes/status',
        query: '',
        body: { status: 'ACCEPTED', acceptedName: 'Jane Customer' },
      },
    ])
    expect(quote.displayStatus).toBe('ACCEPTED')
    expectTypeOf(quote).toEqualTypeOf<Quote>()
  })

  it('setStatus without a status is refused, naming it, and nothing is sent', async () => {
    const { ns, sent } = recording({ quotes: [QUOTE] })
    const error = await refusal(() =>
      ns.quotes.setStatus('123-quotes', { acceptedName: 'Jane' } as unknown as { status: 'SENT' }),
    )
    expect(error.field).toBe('status')
    expect(error.message).toContain('quotes.setStatus')
    expect(sent).toEqual([])
  })

  it('invoice sends POST /quotes/{id}/invoice without a body and resolves the answer with `invoices`', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE] }, 201)
    const answer = await ns.quotes.invoice('123-quotes')
    expect(sent).toEqual([
      { method: 'POST', path: '/rest/quotes/123-quotes/invoice', query: '', body: undefined },
    ])
    expect(answer.invoices).toEqual([INVOICE])
    expectTypeOf(answer).toEqualTypeOf<InvoicesResponse>()
    expectTypeOf(ns.quotes.invoice).parameters.toEqualTypeOf<
      [string | number, options?: import('@x/core').RequestOptions]
    >()
  })
})

describe('ns.invoices', () => {
  it('list sends GET /invoices with filter[...] and page[...] and reads `invoices`', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE], meta: { total: 1 } })
    const page = await ns.invoices.list({ filter: { lead: '456-leads' }, limit: 10 })
    expect(sent).toEqual([
      {
        method: 'GET',
        path: '/rest/invoices',
        query: '?filter[lead]=456-leads&page[page]=0&page[limit]=10',
        body: undefined,
      },
    ])
    expect(page.items).toEqual([INVOICE])
    expectTypeOf(page.items).toEqualTypeOf<Invoice[]>()
  })

  it('get sends GET /invoices/{id} and resolves the invoice', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE] })
    const invoice = await ns.invoices.get('789-invoices')
    expect(sent).toEqual([{ method: 'GET', path: '/rest/invoices/789-invoices', query: '', body: undefined }])
    expect(invoice).toEqual(INVOICE)
    expectTypeOf(invoice).toEqualTypeOf<Invoice>()
  })

  it('setStatus sends POST /invoices/{id}/status with the body and resolves the invoice', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE] })
    const invoice = await ns.invoices.setStatus('789-invoices', {
      status: 'ACCEPTED',
      comment: 'Paid via ACH',
    })
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/rest/invoices/789-invoices/status',
        query: '',
        body: { status: 'ACCEPTED', comment: 'Paid via ACH' },
      },
    ])
    expect(invoice.completionComment).toBe('Paid via ACH')
    expectTypeOf(invoice).toEqualTypeOf<Invoice>()
  })

  it('setStatus without a status is refused, naming it, and nothing is sent', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE] })
    const error = await refusal(() =>
      ns.invoices.setStatus('789-invoices', { comment: 'Paid' } as unknown as { status: 'ACCEPTED' }),
    )
    expect(error.field).toBe('status')
    expect(error.message).toContain('invoices.setStatus')
    expect(sent).toEqual([])
  })

  it('setStatus refuses a status the document does not list', async () => {
    const { ns, sent } = recording({ invoices: [INVOICE] })
    const error = await refusal(() =>
      ns.invoices.setStatus('789-invoices', { status: 'PAID' } as unknown as { status: 'ACCEPTED' }),
    )
    expect(error.field).toBe('status')
    expect(sent).toEqual([])
  })
})
