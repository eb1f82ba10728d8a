// The `x-agent mcp` command end to end: the MCP SDK's own client starts the built bin over stdio,
// against the Nutshell simulator on loopback, and sees only the granted tools, their results, a
// refusal as a tool error, and the audit file.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { createNutshellSimulator } from '@x/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRecord } from '../src'
import { parseMcpCommand, UsageError } from '../src/bin/args'
import { LEAD } from './helpers'

// The built bin (`pnpm build` runs before the tests): what `npx @x/agent mcp` starts.
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const POLICY = { leads: 'read', notes: ['create'] }

const sim = createNutshellSimulator({ seed: 7 })
const dir = mkdtempSync(join(tmpdir(), 'x-agent-mcp-'))
const policyFile = join(dir, 'policy.json')
const auditFile = join(dir, 'audit.jsonl')
let server: { url: string; close(): Promise<void> }
let client: Client
let stderr = ''

function env(extra: Record<string, string> = {}): Record<string, string> {
  // Only what the command needs (and PATH): no credentials of the test runner leak into it.
  return { PATH: process.env.PATH ?? '', ...extra }
}

function textOf(result: Awaited<ReturnType<Client['callTool']>>): string {
  const [first] = result.content as { type: string; text: string }[]
  expect(first?.type).toBe('text')
  return first!.text
}

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`pnpm --filter @x/agent build\` first`)
  server = await sim.listen()
  writeFileSync(policyFile, JSON.stringify(POLICY))
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      CLI,
      'mcp',
      '--api',
      'nutshell',
      '--policy',
      policyFile,
      '--audit',
      auditFile,
      '--agent',
      'mcp-bot',
    ],
    env: env({
      NUTSHELL_EMAIL: sim.credentials.email,
      NUTSHELL_API_KEY: sim.credentials.apiKey,
      NUTSHELL_BASE_URL: `${server.url}/rest`,
    }),
    stderr: 'pipe',
  })
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  client = new Client({ name: 'x-agent-test', version: '0.0.0' })
  await client.connect(transport)
})

afterAll(async () => {
  await client?.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('x-agent mcp over stdio', () => {
  it('lists only the granted tools, with JSON Schema inputs', async () => {
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).toEqual([
      'leads_list',
      'leads_get',
      'leads_products',
      'leads_customFields',
      'leads_customFieldAttributes',
      'leads_listView',
      'leads_listFields',
      'leads_report',
      'leads_installments',
      'leads_stages',
      'notes_create',
    ])
    const get = tools.find((t) => t.name === 'leads_get')!
    expect(get.description).toBeTruthy()
    expect(get.inputSchema).toMatchObject({ type: 'object', properties: { id: {} }, required: ['id'] })
    const create = tools.find((t) => t.name === 'notes_create')!
    expect(create.inputSchema).toMatchObject({
      type: 'object',
      properties: { body: { type: 'string' } },
      required: expect.arrayContaining(['body']),
    })
  })

  it('calls a granted tool and returns its data', async () => {
    const result = await client.callTool({ name: 'leads_get', arguments: { id: LEAD } })
    expect(result.isError).toBeFalsy()
    const lead = JSON.parse(textOf(result)) as { id: string; description: string }
    expect(lead.id).toBe(LEAD)
    expect(lead.description).toBe((sim.db.get(LEAD) as { description?: string } | undefined)?.description)
  })

  it('refuses a tool the policy does not grant as a tool error the model can read', async () => {
    const before = sim.requests.length
    const result = await client.callTool({ name: 'leads_delete', arguments: { id: LEAD } })
    expect(result.isError).toBe(true)
    const text = textOf(result)
    expect(text).toMatch(/PermissionDeniedError: agent "mcp-bot" may not delete leads/)
    expect(text).not.toContain(sim.credentials.apiKey)
    expect(sim.requests.length).toBe(before)
  })

  it('turns bad input and unknown tools into tool errors too', async () => {
    const bad = await client.callTool({ name: 'leads_get', arguments: {} })
    expect(bad.isError).toBe(true)
    expect(textOf(bad)).toMatch(/InputValidationError/)
    const unknown = await client.callTool({ name: 'leads_explode', arguments: {} })
    expect(unknown.isError).toBe(true)
    expect(textOf(unknown)).toMatch(/unknown tool "leads_explode"/)
  })

  it('writes one JSON line per call to the audit file, and no credential anywhere', () => {
    const text = readFileSync(auditFile, 'utf8')
    const records = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as AuditRecord)
    expect(records.slice(0, 2)).toMatchObject([
      { agent: 'mcp-bot', resource: 'leads', method: 'get', ids: [LEAD], outcome: 'ok' },
      {
        agent: 'mcp-bot',
        resource: 'leads',
        method: 'delete',
        ids: [LEAD],
        outcome: 'denied',
        errorName: 'PermissionDeniedError',
        missing: [{ resource: 'leads', class: 'delete' }],
      },
    ])
    for (const secret of [sim.credentials.apiKey, sim.credentials.email])
      expect(text + stderr).not.toContain(secret)
  })
})

describe('x-agent command line', () => {
  const run = (args: string[], extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, ...args], { env: env(extra), encoding: 'utf8', input: '' })

  it('exits 2 with a clear message and the usage on bad flags', () => {
    const missing = run(['mcp', '--policy', policyFile])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('--api is required (nutshell or nutan)')
    expect(missing.stderr).toContain('Usage: x-agent mcp')
    expect(missing.stdout).toBe('')
    expect(run(['serve']).stderr).toContain("unknown command 'serve'")
    expect(run(['mcp', '--api', 'nutshell', '--policy', policyFile, '--bogus']).stderr).toContain(
      "Unknown option '--bogus'",
    )
  })

  it('names missing credentials and bad policies without printing secrets', () => {
    const noCreds = run(['mcp', '--api', 'nutshell', '--policy', policyFile])
    expect(noCreds.status).toBe(2)
    expect(noCreds.stderr).toContain('needs NUTSHELL_EMAIL and NUTSHELL_API_KEY in the environment')

    const badPolicy = join(dir, 'bad-policy.json')
    writeFileSync(badPolicy, JSON.stringify({ leeds: 'read', notes: 'everything' }))
    const creds = { NUTSHELL_EMAIL: 'a@example.com', NUTSHELL_API_KEY: 'sekrit-key-123' }
    const invalid = run(['mcp', '--api', 'nutshell', '--policy', badPolicy], creds)
    expect(invalid.status).toBe(1)
    expect(invalid.stderr).toContain("leeds: unknown resource 'leeds'")
    expect(invalid.stderr).toContain("notes: unknown grant 'everything'")
    expect(invalid.stderr).not.toContain('sekrit-key-123')

    const notJson = join(dir, 'not-json.json')
    writeFileSync(notJson, '{ leads: read }')
    expect(run(['mcp', '--api', 'nutshell', '--policy', notJson], creds).stderr).toContain(
      'is not valid JSON',
    )
    expect(run(['mcp', '--api', 'nutshell', '--policy', join(dir, 'nope.json')], creds).stderr).toContain(
      'cannot read the policy file',
    )
  })

  it('parseMcpCommand reads Nutan tokens and rejects an unknown api', () => {
    const args = ['--api', 'nutan', '--policy', 'p.json']
    expect(
      parseMcpCommand(args, { NUTAN_REFRESH_TOKEN: 'r', NUTAN_BASE_URL: 'http://127.0.0.1:1/v1' }),
    ).toEqual({
      api: 'nutan',
      policy: 'p.json',
      audit: undefined,
      agent: 'mcp',
      clientOptions: { refreshToken: 'r', baseUrl: 'http://127.0.0.1:1/v1' },
    })
    expect(() => parseMcpCommand(args, {})).toThrow(UsageError)
    expect(() => parseMcpCommand(['--api', 'hubspot', '--policy', 'p.json'], {})).toThrow(
      "--api must be nutshell or nutan, not 'hubspot'",
    )
  })
})
