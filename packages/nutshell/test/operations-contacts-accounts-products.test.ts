// The operation-table methods of contacts, accounts, product maps and product categories: the request each
// sends (method, path, query, body) and the typed result, and the inputs refused before any request.
import { InputValidationError, type RequestOptions } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { NutshellClient } from '../src'
import type { CustomField, FullCustomField } from '../src/schemas/custom-field'
import type { ListItem } from '../src/schemas/list-view'
import type { LeadProductMap } from '../src/schemas/product'
import type { ProductCategory } from '../src/schemas/product-category'

interface Sent {
  method: string
  path: string
  /** The decoded query pairs, in order. */
  pairs: [string, string][]
  body: unknown
  contentType: string | null
}

function recording(answer: unknown, status = 200) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    const text = await request.text()
    sent.push({
      method: request.method,
      path: url.pathname,
      pairs: [...url.searchParams.entries()],
      body: text ? JSON.parse(text) : undefined,
      contentType: request.headers.get('content-type'),
    })
    return status === 204 ? new Response(null, { status }) : Response.json(answer, { status })
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

/** The error a call rejects with (or undefined). */
async function failure(call: () => PromiseLike<unknown>): Promise<unknown> {
  return Promise.resolve()
    .then(call)
    .then(
      () => undefined,
      (e: unknown) => e,
    )
}

const listItem = { id: '3-contacts', primaryName: 'Ada Lovelace', isDeleted: false }
const fieldsAnswer = {
  properties: { name: { type: 'string', title: 'Name', isFilterable: true, isSortable: true } },
}

describe.each([
  ['contacts', '3-contacts'],
  ['accounts', '5-accounts'],
] as const)('%s: custom fields and list views', (type, id) => {
  const methods = (ns: NutshellClient) => (type === 'contacts' ? ns.contacts : ns.accounts)

  it(`customFields(id) sends GET /${type}/{id}/customfields and reads its fields`, async () => {
    const field = { id: '7-customfields', name: 'Region', value: 'North' }
    const { ns, sent } = recording(type === 'contacts' ? [field] : { customFields: [field] })
    const page = await methods(ns).customFields(id)
    expect(page.items).toEqual([field])
    expect(page.hasNextPage()).toBe(false)
    expect(sent).toMatchObject([{ method: 'GET', path: `/rest/${type}/${id}/customfields`, pairs: [] }])
  })

  it(`customFieldAttributes() sends GET /${type}/customfields/attributes`, async () => {
    const field = { id: '7-customfields', name: 'Region', type: 'text' }
    const { ns, sent } = recording(type === 'contacts' ? [field] : { customFields: [field] })
    const page = await methods(ns).customFieldAttributes()
    expect(page.items).toEqual([field])
    expect(sent).toMatchObject([{ method: 'GET', path: `/rest/${type}/customfields/attributes`, pairs: [] }])
  })

  it(`createCustomField(input) sends POST /${type}/customfield with the fields as the body`, async () => {
    const { ns, sent } = recording(null, 204)
    const input = { name: 'Tier', type: 'enum', choices: ['Gold', 'Silver'], isMultiple: false }
    await expect(methods(ns).createCustomField(input)).resolves.toBeUndefined()
    expect(sent).toEqual([
      {
        method: 'POST',
        path: `/rest/${type}/customfield`,
        pairs: [],
        body: input,
        contentType: 'application/json',
      },
    ])
  })

  it('createCustomField refuses a field the document does not name, before any request', async () => {
    const { ns, sent } = recording(null, 204)
    const error = await failure(() => methods(ns).createCustomField({ nmae: 'Tier' } as never))
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).message).toContain('nmae')
    expect(sent).toEqual([])
  })

  it(`listView({ filter, q, sort }) sends GET /${type}/list with filter[key]=value, q and one sort per key`, async () => {
    const { ns, sent } = recording({ meta: { count: 1, total: 1 }, listItems: [listItem] })
    const page = await methods(ns).listView({
      filter: { tags: '1-tags' },
      q: 'ada',
      sort: ['-createdTime', 'owner'],
    })
    expect(page.items).toEqual([listItem])
    expect(page.total).toBe(1)
    expect(sent).toMatchObject([
      {
        method: 'GET',
        path: `/rest/${type}/list`,
        pairs: [
          ['filter[tags]', '1-tags'],
          ['q', 'ada'],
          ['sort', '-createdTime'],
          ['sort', 'owner'],
        ],
      },
    ])
  })

  it('listView() takes no fields and sends no query; it has no paging in the document', async () => {
    const { ns, sent } = recording({ listItems: [] })
    const page = await methods(ns).listView()
    expect(page.items).toEqual([])
    expect(sent[0]!.pairs).toEqual([])
    const error = await failure(() => methods(ns).listView({ page: 1 } as never))
    expect(error).toBeInstanceOf(InputValidationError)
    expect(sent).toHaveLength(1)
  })

  it('listView refuses a sort key the document does not list, naming sort, before any request', async () => {
    const { ns, sent } = recording({ listItems: [] })
    const error = await failure(() => methods(ns).listView({ sort: ['shoeSize'] as never }))
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toContain('sort')
    expect(sent).toEqual([])
  })

  it(`listFields() sends GET /${type}/list/fields and answers the fields by key`, async () => {
    const { ns, sent } = recording(fieldsAnswer)
    const answer = await methods(ns).listFields()
    expect(answer.properties?.name?.isSortable).toBe(true)
    expect(sent).toMatchObject([{ method: 'GET', path: `/rest/${type}/list/fields`, pairs: [] }])
  })

  it('customFields refuses an id that would move the request, naming id, before any request', async () => {
    const { ns, sent } = recording([])
    const error = await failure(() => methods(ns).customFields('..'))
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('id')
    expect(sent).toEqual([])
  })
})

describe('product maps', () => {
  const map = { id: '9-productMaps', name: 'Widget', quantity: 2, price: { amount: '10', currency: 'USD' } }

  it('list() sends GET /productmaps and reads productMaps', async () => {
    const { ns, sent } = recording({ meta: {}, productMaps: [map] })
    const page = await ns.productMaps.list()
    expect(page.items).toEqual([map])
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/productmaps', pairs: [] }])
  })

  it('get(id) sends GET /productmaps/{id} and resolves the map', async () => {
    const { ns, sent } = recording({ productMaps: [map] })
    await expect(ns.productMaps.get('9-productMaps')).resolves.toEqual(map)
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/productmaps/9-productMaps' }])
  })

  it('update(id, patch) sends PATCH /productmaps/{id} with the JSON Patch list as the body', async () => {
    const { ns, sent } = recording(null, 204)
    const patch = [
      { op: 'replace', path: '/quantity', value: 3 },
      { op: 'remove', path: '/price' },
    ] as const
    await expect(ns.productMaps.update('9-productMaps', [...patch])).resolves.toBeUndefined()
    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: '/rest/productmaps/9-productMaps',
        pairs: [],
        body: patch,
        contentType: 'application/json',
      },
    ])
  })

  it('update refuses an operation without its path, naming it, before any request', async () => {
    const { ns, sent } = recording(null, 204)
    const error = await failure(() =>
      ns.productMaps.update('9-productMaps', [{ op: 'replace', value: 3 } as never]),
    )
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toContain('path')
    expect(sent).toEqual([])
  })

  it('delete(id) sends DELETE /productMaps/{id}, with the capital M the document spells', async () => {
    const { ns, sent } = recording({ productMaps: [map] })
    const answer = await ns.productMaps.delete('9-productMaps')
    expect(answer?.productMaps).toEqual([map])
    expect(sent).toMatchObject([{ method: 'DELETE', path: '/rest/productMaps/9-productMaps', pairs: [] }])
    const empty = recording(null, 204)
    await expect(empty.ns.productMaps.delete('9-productMaps')).resolves.toBeUndefined()
  })
})

describe('product categories', () => {
  const category = { id: '4-productCategories', name: 'Electronics', modifiedTime: 1700000000 }

  it('list() sends GET /productcategories and reads productCategories', async () => {
    const { ns, sent } = recording({ productCategories: [category] })
    const page = await ns.productCategories.list()
    expect(page.items).toEqual([category])
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/productcategories', pairs: [] }])
  })

  it('create(input) sends POST /productcategories with the categories as the body', async () => {
    const { ns, sent } = recording({ productCategories: [category] }, 201)
    const input = { productCategories: [{ name: 'Electronics' }] }
    const answer = await ns.productCategories.create(input)
    expect(answer.productCategories).toEqual([category])
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/rest/productcategories',
        pairs: [],
        body: input,
        contentType: 'application/json',
      },
    ])
  })

  it('create refuses a category without its name, naming it, before any request', async () => {
    const { ns, sent } = recording({ productCategories: [] }, 201)
    const error = await failure(() => ns.productCategories.create({ productCategories: [{}] } as never))
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toContain('name')
    expect(sent).toEqual([])
  })

  it('get(id) sends GET /productcategories/{id} and resolves the category', async () => {
    const { ns, sent } = recording({ productCategories: [category] })
    await expect(ns.productCategories.get('4-productCategories')).resolves.toEqual(category)
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/productcategories/4-productCategories' }])
  })
})

describe('types', () => {
  it('records are named, path parameters positional, the input next, options last', () => {
    const { ns } = recording([])
    type Items<F extends (...a: never[]) => unknown> =
      Awaited<ReturnType<F>> extends { items: (infer T)[] } ? T : never
    expectTypeOf<Items<typeof ns.contacts.customFields>>().toEqualTypeOf<CustomField>()
    expectTypeOf<Items<typeof ns.accounts.customFields>>().toEqualTypeOf<FullCustomField>()
    expectTypeOf<Items<typeof ns.accounts.customFieldAttributes>>().toEqualTypeOf<CustomField>()
    expectTypeOf<Items<typeof ns.contacts.listView>>().toEqualTypeOf<ListItem>()
    expectTypeOf<Items<typeof ns.productMaps.list>>().toEqualTypeOf<LeadProductMap>()
    // `get` is overloaded: one id gives one record, a list of ids (its last signature) the records.
    expectTypeOf<Awaited<ReturnType<typeof ns.productMaps.get>>>().toEqualTypeOf<LeadProductMap[]>()
    expectTypeOf<Awaited<ReturnType<typeof ns.productCategories.get>>>().toEqualTypeOf<ProductCategory>()
    expectTypeOf(ns.productCategories.get).parameters.toEqualTypeOf<
      [string | number, options?: RequestOptions]
    >()
    expectTypeOf(ns.contacts.customFields).parameters.toEqualTypeOf<
      [string | number, options?: RequestOptions]
    >()
    expectTypeOf(ns.productMaps.update).parameters.toMatchTypeOf<
      [string | number, { op: string; path: string; value?: unknown }[], options?: RequestOptions]
    >()
  })
})
