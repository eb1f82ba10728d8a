import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

export default defineConfig({
  // `node` is `@x/agent/node`: the JSON-lines audit writer, the one piece that needs `node:fs`.
  // `mcp` is `@x/agent/mcp`: the MCP server (Node only, the @modelcontextprotocol/sdk dependency).
  // `cli` is the `x-agent` bin (`x-agent mcp ...`, src/bin/); it has no types. Nothing in `index` imports them.
  entry: { index: 'src/index.ts', node: 'src/node.ts', mcp: 'src/mcp.ts', cli: 'src/bin/x-agent.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts', 'src/node.ts', 'src/mcp.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
  define: { __AGENT_VERSION__: JSON.stringify(version) },
  // @x/nutshell and @x/nutan are optional peers: the user's own client supplies the schemas.
})
