import { defineConfig } from 'tsup'

export default defineConfig({
  // `node` is `@x/agent/node`: the JSON-lines audit writer, the one piece that needs `node:fs`.
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
  // @x/nutshell and @x/nutan are optional peers: the user's own client supplies the schemas.
})
