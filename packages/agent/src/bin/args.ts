import { parseArgs } from 'node:util'

/** The APIs the command can serve. */
export const MCP_APIS = ['nutshell', 'nutan'] as const
export type McpApi = (typeof MCP_APIS)[number]

/** The `mcp` command's settings, from its flags and the environment. */
export interface McpCommand {
  api: McpApi
  /** Path of the policy file (JSON). */
  policy: string
  /** Path of the audit file (JSON lines, appended), or undefined for stderr. */
  audit: string | undefined
  /** The agent's name in errors and audit records. */
  agent: string
  /** The client's options: credentials and base URL, from the environment. */
  clientOptions: Record<string, string>
}

/** A mistake in the command line or the environment: the command prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const USAGE = `Usage: x-agent mcp --api <nutshell|nutan> --policy <policy.json> [--audit <audit.jsonl>] [--agent <name>]

Serves the tools a policy grants over the Model Context Protocol (stdio).

  --api      which client to build: nutshell or nutan
  --policy   JSON file of grants per resource, e.g. {"leads": "read", "notes": ["create"]}
  --audit    append one JSON line per call to this file (default: stderr)
  --agent    the agent's name in errors and audit records (default: mcp)

Environment:
  nutshell   NUTSHELL_EMAIL, NUTSHELL_API_KEY, optional NUTSHELL_BASE_URL
  nutan      NUTAN_ACCESS_TOKEN and/or NUTAN_REFRESH_TOKEN, optional NUTAN_BASE_URL`

type Env = Record<string, string | undefined>

function fromEnv(env: Env, names: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [option, variable] of Object.entries(names)) {
    const value = env[variable]?.trim()
    if (value) out[option] = value
  }
  return out
}

function credentials(api: McpApi, env: Env): Record<string, string> {
  if (api === 'nutshell') {
    const missing = ['NUTSHELL_EMAIL', 'NUTSHELL_API_KEY'].filter((name) => !env[name]?.trim())
    if (missing.length)
      throw new UsageError(`--api nutshell needs ${missing.join(' and ')} in the environment`)
    return fromEnv(env, { email: 'NUTSHELL_EMAIL', apiKey: 'NUTSHELL_API_KEY', baseUrl: 'NUTSHELL_BASE_URL' })
  }
  if (!env.NUTAN_ACCESS_TOKEN?.trim() && !env.NUTAN_REFRESH_TOKEN?.trim())
    throw new UsageError('--api nutan needs NUTAN_ACCESS_TOKEN or NUTAN_REFRESH_TOKEN in the environment')
  return fromEnv(env, {
    accessToken: 'NUTAN_ACCESS_TOKEN',
    refreshToken: 'NUTAN_REFRESH_TOKEN',
    baseUrl: 'NUTAN_BASE_URL',
  })
}

/** Reads the `mcp` command's flags (after the `mcp` word) and credentials; throws UsageError on any mistake. */
export function parseMcpCommand(argv: readonly string[], env: Env): McpCommand {
  let values: Record<string, string | boolean | undefined>
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: [...argv],
      options: {
        api: { type: 'string' },
        policy: { type: 'string' },
        audit: { type: 'string' },
        agent: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`)
  const api = values.api as string | undefined
  if (!api) throw new UsageError(`--api is required (${MCP_APIS.join(' or ')})`)
  if (!(MCP_APIS as readonly string[]).includes(api))
    throw new UsageError(`--api must be ${MCP_APIS.join(' or ')}, not '${api}'`)
  const policy = values.policy as string | undefined
  if (!policy) throw new UsageError('--policy is required: a JSON file of grants per resource')
  const audit = values.audit as string | undefined
  if (audit === '') throw new UsageError('--audit needs a file path')
  const agent = (values.agent as string | undefined) ?? 'mcp'
  if (!agent.trim()) throw new UsageError('--agent needs a name')
  return { api: api as McpApi, policy, audit, agent, clientOptions: credentials(api as McpApi, env) }
}
