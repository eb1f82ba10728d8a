// A stateful `/v1/sync`: applies batches (upserts then deletes, by id) and can fail chosen requests.
import { HttpResponse, http } from 'msw'
import { BASE, type FakeNutan, nutanError } from './fake-nutan'

type Row = { id: string; [key: string]: unknown }
interface SyncBody {
  upserts?: Record<string, Row[]>
  deletes?: Record<string, string[]>
}

export interface FakeSync {
  /** Rows stored, by table then id. */
  tables: Map<string, Map<string, Row>>
  /** Every sync request body, in order. */
  bodies: SyncBody[]
  /** Decides the fate of the n-th (1-based) POST: answer with a response instead of applying, or apply then answer. */
  script: (n: number) => { before?: Response; after?: Response } | undefined
  erased: number
}

/** Installs the fake sync endpoints on `fake`. */
export function installSync(fake: FakeNutan): FakeSync {
  const sync: FakeSync = { tables: new Map(), bodies: [], script: () => undefined, erased: 0 }
  fake.use(
    http.post(`${BASE}/sync`, async ({ request }) => {
      const body = (await request.json()) as SyncBody
      sync.bodies.push(body)
      const fate = sync.script(sync.bodies.length)
      if (fate?.before) return fate.before
      const rows =
        Object.values(body.upserts ?? {}).flat().length + Object.values(body.deletes ?? {}).flat().length
      if (rows > 500) return nutanError(400, 'batch_too_large', 'A sync batch holds at most 500 rows')
      let upserted = 0
      let deleted = 0
      for (const [table, list] of Object.entries(body.upserts ?? {})) {
        const target = sync.tables.get(table) ?? new Map<string, Row>()
        sync.tables.set(table, target)
        for (const row of list) {
          target.set(row.id, row)
          upserted++
        }
      }
      for (const [table, ids] of Object.entries(body.deletes ?? {})) {
        for (const id of ids) {
          sync.tables.get(table)?.delete(id)
          deleted++
        }
      }
      return fate?.after ?? HttpResponse.json({ upserted, deleted, synced_at: new Date().toISOString() })
    }),
    http.delete(`${BASE}/sync`, () => {
      sync.erased++
      const rows = [...sync.tables.values()].reduce((n, t) => n + t.size, 0)
      sync.tables.clear()
      return HttpResponse.json({ erased: true, rows })
    }),
  )
  return sync
}

/** A change set of `n` upserts spread over contacts, deals and meetings, plus `deletes` contact ids. */
export function changeSet(n: number, deletes = 0) {
  const tables = ['contacts', 'deals', 'meetings'] as const
  const upserts: Record<string, Row[]> = { contacts: [], deals: [], meetings: [] }
  for (let i = 0; i < n; i++) {
    const table = tables[i % 3]!
    upserts[table]!.push({ id: `${table}_${i}`, name: `row ${i}` })
  }
  return {
    upserts,
    deletes: deletes > 0 ? { contacts: Array.from({ length: deletes }, (_, i) => `old_contact_${i}`) } : {},
  }
}
