// `@x/agent/mcp`: a client's tools served over the Model Context Protocol. Node only (the MCP SDK's
// stdio transport); the main entry never imports this file, so browser and Deno bundles stay free of it.

import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js'
import { SdkError } from '@x/core'
import { callTool } from './tools/call-tool'
import { toolDefinitions } from './tools/definitions'

/** What the server tells MCP clients about itself. */
export interface McpServerOptions {
  /** The server's name in the MCP handshake. Default `x-agent`. */
  name?: string
  /** The server's version in the MCP handshake. Default this package's version. */
  version?: string
}

/** A running MCP server; `close()` ends its transport. */
export interface McpServerHandle {
  close(): Promise<void>
}

declare const __AGENT_VERSION__: string | undefined
const VERSION = typeof __AGENT_VERSION__ === 'string' ? __AGENT_VERSION__ : '0.0.0'

/** The text a model reads when a tool call fails: the SDK error's own (credential-free) message. */
export function toolErrorText(error: unknown): string {
  if (error instanceof SdkError) return `${error.name}: ${error.message}`
  const name = error instanceof Error ? error.name : typeof error
  return `the tool failed unexpectedly (${name})`
}

/**
 * An MCP server (the SDK's low-level `Server`) offering the client's tools: for a scoped client only
 * what its policy grants, with the JSON Schema inputs of `toolDefinitions`. Each call goes through
 * `callTool`, so the scope checks and audits it; a refused or failed call is a tool result with
 * `isError: true` and the error's message, which the model can read.
 */
export function createMcpServer(client: object, options: McpServerOptions = {}): Server {
  const server = new Server(
    { name: options.name ?? 'x-agent', version: options.version ?? VERSION },
    { capabilities: { tools: {} } },
  )
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: toolDefinitions(client, { format: 'mcp' }).map((t) => ({
      name: t.name,
      description: t.description,
      inputSchema: { ...t.inputSchema, type: 'object' as const },
    })),
  }))
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    try {
      const result = await callTool(client, request.params.name, request.params.arguments ?? {})
      return { content: [{ type: 'text' as const, text: JSON.stringify(result) }] }
    } catch (error) {
      return { content: [{ type: 'text' as const, text: toolErrorText(error) }], isError: true }
    }
  })
  return server
}

/** Serves the client's tools over stdio (stdin and stdout carry the protocol; log to stderr only). */
export async function serveMcpStdio(
  client: object,
  options: McpServerOptions = {},
): Promise<McpServerHandle> {
  const server = createMcpServer(client, options)
  await server.connect(new StdioServerTransport())
  return { close: () => server.close() }
}
