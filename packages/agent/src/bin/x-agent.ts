#!/usr/bin/env node
// The `x-agent` command: `x-agent mcp --api nutshell --policy policy.json` serves a scoped client's
// tools over MCP on stdio. stdout carries the protocol, so everything else goes to stderr.
import { readFileSync } from 'node:fs'
import { SdkError } from '@x/core'
import { serveMcpStdio } from '../mcp'
import { jsonLinesAudit } from '../node'
import { PolicyError } from '../policy/policy-error'
import type { Policy } from '../policy/types'
import { scoped } from '../scope/scoped'
import { type McpCommand, parseMcpCommand, USAGE, UsageError } from './args'

function readPolicy(path: string): Policy {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`cannot read the policy file ${path}${code ? ` (${code})` : ''}`)
  }
  try {
    return JSON.parse(text) as Policy
  } catch (error) {
    throw new UsageError(`the policy file ${path} is not valid JSON: ${(error as Error).message}`)
  }
}

async function createClient(command: McpCommand): Promise<object> {
  const name = command.api === 'nutshell' ? '@x/nutshell' : '@x/nutan'
  let module: Record<string, unknown>
  try {
    module = command.api === 'nutshell' ? await import('@x/nutshell') : await import('@x/nutan')
  } catch {
    throw new UsageError(`--api ${command.api} needs ${name}: install it next to @x/agent`)
  }
  const Client = module[command.api === 'nutshell' ? 'NutshellClient' : 'NutanClient'] as new (
    options: Record<string, string>,
  ) => object
  return new Client(command.clientOptions)
}

async function mcp(argv: readonly string[]): Promise<void> {
  const command = parseMcpCommand(argv, process.env)
  const policy = readPolicy(command.policy)
  const client = await createClient(command)
  const audit = jsonLinesAudit(command.audit ?? process.stderr)
  let agent: object
  try {
    agent = scoped(client, policy, { agent: command.agent, audit })
  } catch (error) {
    audit.close()
    throw error
  }
  const server = await serveMcpStdio(agent)
  let closing = false
  const shutdown = () => {
    if (closing) return
    closing = true
    server
      .close()
      .catch(() => {})
      .finally(() => {
        audit.close()
        process.exit(0)
      })
  }
  // The MCP client ends the session by closing our stdin (then SIGTERM if we linger).
  process.stdin.once('end', shutdown)
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
}

function fail(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`x-agent: ${error.message}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (error instanceof PolicyError) process.stderr.write(`x-agent: ${error.message}\n`)
  else if (error instanceof SdkError) process.stderr.write(`x-agent: ${error.name}: ${error.message}\n`)
  else process.stderr.write(`x-agent: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === '--help' || command === '-h' || command === 'help' || rest.includes('--help')) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (command === undefined) throw new UsageError('missing a command')
  if (command !== 'mcp') throw new UsageError(`unknown command '${command}'`)
  await mcp(rest)
}

main(process.argv.slice(2)).catch(fail)
