import { defineConfig } from 'tsup'

// p-retry and p-throttle are ESM-only: bundle them into the CJS build so `require('@x/core')`
// works on every Node 22 (require(esm) is only on by default from 22.12).
const esmOnly = ['p-retry', 'p-throttle', 'is-network-error']

export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: ['src/index.ts'],
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    noExternal: esmOnly,
  },
])
