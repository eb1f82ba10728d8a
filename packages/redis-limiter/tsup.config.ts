import { defineConfig } from 'tsup'

// Node only (a Redis client needs sockets), so no browser or Deno bundle of @x/nutan or @x/nutshell pulls
// it in. rate-limiter-flexible is CommonJS and a dependency: it stays external in both builds.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
})
