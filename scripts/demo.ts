// `pnpm demo`: one end-to-end story with both clients. By default it starts both simulators on loopback
// (real HTTP, as another process or a browser would see them) and injects a 429 and a 503 to show the
// retries. With NUTSHELL_EMAIL + NUTSHELL_API_KEY or NUTAN_ACCESS_TOKEN set, that half of the story runs
// against the real service instead, read-only unless `--write` is given.
import type { RetryEvent } from '@x/core'
import { NutanClient, type SyncChangeSetInput, type SyncProgress } from '@x/nutan'
import { NutshellClient } from '@x/nutshell'
import { createNutanSimulator, createNutshellSimulator } from '@x/testkit'

const write = process.argv.includes('--write')
const nutshellLive = Boolean(process.env.NUTSHELL_EMAIL && process.env.NUTSHELL_API_KEY)
const nutanLive = Boolean(process.env.NUTAN_ACCESS_TOKEN)

const step = (text: string) => console.log(`\n\u25b8 ${text}`)
const note = (text: string) => console.log(`  ${text}`)
const showRetry = (e: RetryEvent) =>
  note(
    `\u21bb ${e.method} ${e.path} answered ${e.reason}; retrying in ${e.delayMs} ms (attempt ${e.attempt})`,
  )

function progressBar({ done, total, batch, batches }: SyncProgress): void {
  const filled = Math.round((done / total) * 30)
  note(`[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${done}/${total} rows (batch ${batch}/${batches})`)
}

async function nutanStory(): Promise<void> {
  console.log(`\n=== Nutan (${nutanLive ? 'your account' : 'simulator on loopback'}) ===`)
  const sim = nutanLive ? undefined : createNutanSimulator({ seed: 7 })
  const server = await sim?.listen()
  try {
    const baseUrl = server ? `${server.url}/v1` : undefined
    let nutan: NutanClient
    if (sim && baseUrl) {
      step('Sign in: exchange the OAuth callback code for a token pair')
      const tokens = await NutanClient.exchangeCode({
        code: sim.credentials.authCode,
        redirectUri: 'http://127.0.0.1/callback',
        baseUrl,
      })
      note(`access token expires in ${tokens.expiresIn ?? '?'} s; refresh token kept for later`)
      nutan = new NutanClient({ ...tokens, baseUrl, hooks: { onRetry: showRetry } })
    } else {
      nutan = new NutanClient({
        accessToken: process.env.NUTAN_ACCESS_TOKEN,
        refreshToken: process.env.NUTAN_REFRESH_TOKEN,
        hooks: { onRetry: showRetry },
      })
    }

    step('List open deals, page by page (limit/offset)')
    let pageNumber = 0
    for await (const page of nutan.deals.list({ status: 'open', limit: 8 }).pages()) {
      pageNumber++
      note(`page ${pageNumber}: ${page.items.map((d) => d.name).join(', ') || '(empty)'}`)
      if (pageNumber === 3) break
    }

    if (sim || write) {
      step('Push a 1,200-row sync change set (batches of at most 500, strict rate tier)')
      const ids = (kind: string) => Array.from({ length: 400 }, (_, i) => `demo_${kind}_${i}`)
      const changes: SyncChangeSetInput = {
        upserts: {
          contacts: ids('contact').map((id, i) => ({ id, name: `Demo contact ${i}` })),
          deals: ids('deal').map((id, i) => ({
            id,
            name: `Demo deal ${i}`,
            stage: 'discovery',
            status: 'open',
          })),
          meetings: ids('meeting').map((id, i) => ({ id, title: `Demo call ${i}` })),
        },
      }
      const result = await nutan.sync.push(changes, { onProgress: progressBar })
      note(`synced ${result.rows} rows in ${result.batches} requests`)
      if (nutanLive) {
        const deletes = Object.fromEntries(
          Object.entries(changes.upserts ?? {}).map(([t, rows]) => [t, rows?.map((r) => r.id) ?? []]),
        )
        await nutan.sync.push({ deletes })
        note('removed the demo rows again')
      }
    } else {
      note('(sync push skipped: read-only on a real account; pass --write to push and remove demo rows)')
    }
    note(`rate limit now: ${JSON.stringify(nutan.rateLimit ?? 'no headers seen')}`)
  } finally {
    await server?.close()
  }
}

async function nutshellStory(): Promise<void> {
  console.log(`\n=== Nutshell (${nutshellLive ? 'your account' : 'simulator on loopback'}) ===`)
  const sim = nutshellLive ? undefined : createNutshellSimulator({ seed: 7 })
  const server = await sim?.listen()
  try {
    const ns =
      sim && server
        ? new NutshellClient({
            ...sim.credentials,
            baseUrl: `${server.url}/rest`,
            rpc: { discoveryUrl: `${server.url}/v1/json` },
            backoff: { initialDelay: 200, maxDelay: 1000 },
            hooks: { onRetry: showRetry },
          })
        : new NutshellClient({
            email: process.env.NUTSHELL_EMAIL!,
            apiKey: process.env.NUTSHELL_API_KEY!,
            hooks: { onRetry: showRetry },
          })
    const canWrite = Boolean(sim) || write

    let leadId: string | undefined
    if (canWrite) {
      step('Create a contact, then a lead linked to it')
      const contact = await ns.contacts.create({ name: 'Ada Demo', emails: [{ value: 'ada@example.com' }] })
      note(`contact ${contact.id} "${contact.name}"`)
      const lead = await ns.leads.create({
        description: 'Demo: Car Wash Inc.',
        links: { contacts: [contact.id] },
      })
      leadId = lead.id
      note(`lead ${lead.id} "${lead.description}" (${lead.status})`)

      step('Patch the lead (a JSON Patch built from a plain change object; the service answers 204)')
      const patched = await ns.leads.update(
        lead.id,
        { description: 'Demo: Car Wash Inc. (3 sites)', confidence: 70 },
        { returnRecord: true },
      )
      note(`now "${patched.description}", confidence ${patched.confidence}`)
    } else {
      note('(create/patch/close skipped: read-only on a real account; pass --write to run them)')
    }

    step('Page through open leads with a filter (0-based page[page], page[limit])')
    let seen = 0
    let pages = 0
    for await (const page of ns.leads
      .list({ filter: { status: 'open' }, sort: '-value', limit: 20 })
      .pages()) {
      pages++
      seen += page.items.length
      if (pages === 1) note(`total open leads: ${page.total ?? '?'}`)
      if (pages === 3) break
    }
    note(`read ${seen} leads over ${pages} pages`)

    if (leadId) {
      step('Close the lead as won (the outcome is looked up from /outcomes)')
      const closed = await ns.leads.close(leadId, 'won')
      note(`${closed.id} is now ${closed.status}`)
    }

    step('Search through the JSON-RPC API (discovery, then searchUniversal)')
    const found = await ns.rpc.searchUniversal('Demo')
    note(
      `leads: ${found.leads.length}, contacts: ${found.contacts.length}, accounts: ${found.accounts.length}`,
    )

    if (sim) {
      step('Survive an injected 429 (Retry-After) and a 503')
      sim.faults.next({ status: 429, retryAfterMs: 400 })
      const users = await ns.users.list()
      note(`users after the 429: ${users.items.length}`)
      sim.faults.next({ status: 503 })
      const again = await ns.leads.list({ limit: 5 })
      note(`leads after the 503: ${again.items.length} (a create is never resent this way; reads are)`)
    }

    if (leadId && nutshellLive) {
      await ns.leads.delete(leadId)
      note(`deleted the demo lead ${leadId} again (restorable for 30 days)`)
    }
  } finally {
    await server?.close()
  }
}

await nutanStory()
await nutshellStory()
console.log('\nDone.')
