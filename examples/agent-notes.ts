// An AI agent with least-privilege access to a Nutshell CRM: it may read leads and add notes, nothing
// else. The "model" is a script of tool calls, as an LLM would make them: it tries to close a lead
// (denied before any request, and logged) and adds a note (allowed, and logged). The audit trail is
// printed as JSON lines.
// Runs on the in-process Nutshell simulator by default; set NUTSHELL_EMAIL and NUTSHELL_API_KEY to run
// against your real account (it then adds one note to the first lead it can read).
//
//   ./scripts/pnpm build && .toolchain/node_modules/.bin/node examples/agent-notes.ts
import { callTool, PermissionDeniedError, scoped, toolDefinitions } from '@x/agent'
import { jsonLinesAudit } from '@x/agent/node'
import { NutshellClient } from '@x/nutshell'
import { createNutshellSimulator } from '@x/testkit'

function client(): NutshellClient {
  const { NUTSHELL_EMAIL: email, NUTSHELL_API_KEY: apiKey } = process.env
  if (email && apiKey) return new NutshellClient({ email, apiKey })
  const sim = createNutshellSimulator()
  return new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
}

// One JSON line per call, allowed or denied; pass a file path instead to keep them.
const audit = jsonLinesAudit(process.stdout)
const agent = scoped(client(), { leads: 'read', notes: ['create'] }, { agent: 'follow-up-bot', audit })

// What the model is offered: only the granted methods, with JSON Schema inputs.
const tools = toolDefinitions(agent)
console.log(`tools: ${tools.map((t) => t.name).join(', ')}`)

// The model's turn, as tool calls. A real loop sends `tools` to the LLM and runs what it returns.
const page = (await callTool(agent, 'leads_list', { limit: 1 })) as { items: { id: string; name?: string }[] }
const lead = page.items[0]
if (!lead) throw new Error('No lead to work on')
console.log(`lead: ${lead.id} ${lead.name ?? ''}`)

try {
  await callTool(agent, 'leads_close', { id: lead.id, outcome: 'won' })
} catch (error) {
  if (!(error instanceof PermissionDeniedError)) throw error
  // Hand this message back to the model as the tool result: it says what was refused and why.
  console.log(`denied: ${error.message}`)
}

const note = (await callTool(agent, 'notes_create', {
  body: 'Follow-up call done: they want a proposal by Friday.',
  links: { parent: lead.id },
})) as { id: string }
console.log(`note added: ${note.id}`)
