// Pushes a 1,200-row change set the way the desktop app syncs (batches of at most 500 rows, inside the
// strict rate tier) with a progress bar, resumes from the exact point if a batch fails, then lists the
// signals of a deal. Runs on the in-process Nutan simulator by default; set NUTAN_ACCESS_TOKEN (and
// NUTAN_REFRESH_TOKEN to let the client refresh it) to run against your real account: the rows it
// pushes carry `sdk_example_` ids and are deleted again at the end.
//
//   ./scripts/pnpm build && .toolchain/node_modules/.bin/node examples/nutan-sync.ts
import { NutanClient, type SyncChangeSetInput, SyncError, type SyncProgress } from '@x/nutan'
import { createNutanSimulator } from '@x/testkit'

const accessToken = process.env.NUTAN_ACCESS_TOKEN
const live = Boolean(accessToken)

async function makeClient(): Promise<NutanClient> {
  if (live) return new NutanClient({ accessToken, refreshToken: process.env.NUTAN_REFRESH_TOKEN })
  // The simulator signs in like the real OAuth callback step: exchange a code for a token pair.
  const sim = createNutanSimulator()
  const tokens = await NutanClient.exchangeCode({
    code: sim.credentials.authCode,
    redirectUri: 'http://127.0.0.1/callback',
    fetch: sim.fetch,
  })
  return new NutanClient({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    // A real app persists the rotated pair (keychain, encrypted store) so the next start can use it.
    onTokens: () => console.log('\n(tokens refreshed)'),
    fetch: sim.fetch,
  })
}

/** 1,200 rows: 400 contacts, 400 deals and 400 meetings, as a desktop app would have collected them. */
function changeSet(): SyncChangeSetInput {
  const now = new Date().toISOString()
  const ids = (kind: string) => Array.from({ length: 400 }, (_, i) => `sdk_example_${kind}_${i}`)
  return {
    upserts: {
      contacts: ids('contact').map((id, i) => ({ id, name: `Example contact ${i}`, updated_at: now })),
      deals: ids('deal').map((id, i) => ({
        id,
        name: `Example deal ${i}`,
        stage: 'discovery',
        status: 'open',
      })),
      meetings: ids('meeting').map((id, i) => ({ id, title: `Example call ${i}`, started_at: now })),
    },
  }
}

function drawProgress({ done, total, batch, batches }: SyncProgress): void {
  const width = 30
  const filled = Math.round((done / total) * width)
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} rows, batch ${batch}/${batches}`
  if (process.stdout.isTTY) process.stdout.write(`\r${bar}`)
  else console.log(bar)
}

/** Pushes, and on a SyncError pushes exactly the rows still pending (upserts are idempotent). */
async function pushWithResume(client: NutanClient, changes: SyncChangeSetInput): Promise<void> {
  let pending = changes
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.sync.push(pending, { onProgress: drawProgress })
      console.log(
        `\nSynced ${result.rows} rows in ${result.batches} requests (server time ${result.syncedAt})`,
      )
      return
    } catch (error) {
      if (!(error instanceof SyncError) || attempt === 3) throw error
      console.log(
        `\n${error.applied.rows} rows applied, ${error.pendingRows} pending: resuming (${error.message})`,
      )
      pending = error.pending
    }
  }
}

const client = await makeClient()
console.log(`Nutan sync example on ${live ? 'your Nutan account' : 'the simulator'}\n`)

const changes = changeSet()
await pushWithResume(client, changes)

// A deal's signals: the list pages by limit/offset; `for await` walks every page.
const deals = await client.deals.list({ status: 'open', limit: 10 })
const deal = deals.items.find((d) => !String(d.id).startsWith('sdk_example_')) ?? deals.items[0]
if (deal) {
  console.log(`\nSignals of deal ${deal.id} "${deal.name}" (${deals.total ?? '?'} open deals):`)
  let count = 0
  for await (const signal of client.deals.signals(deal.id)) {
    count++
    const confidence = signal.confidence == null ? '' : ` ${Math.round(signal.confidence * 100)}%`
    console.log(`  ${String(signal.type).padEnd(11)}${confidence.padEnd(6)} ${signal.text ?? ''}`)
  }
  if (count === 0) console.log('  (none yet)')
}

console.log('\nRate limit after the run:', client.rateLimit ?? 'no headers seen')

if (live) {
  // Remove the example rows again: the same tables, as deletes by id.
  const deletes = Object.fromEntries(
    Object.entries(changes.upserts ?? {}).map(([table, rows]) => [table, (rows ?? []).map((r) => r.id)]),
  )
  await client.sync.push({ deletes }, { onProgress: drawProgress })
  console.log('\nDeleted the example rows again')
}
