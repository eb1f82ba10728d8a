import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
  // msw is ESM-only and a peer of the user's own msw setup: never bundle a second copy.
  external: ['msw', 'fast-json-patch'],
})
