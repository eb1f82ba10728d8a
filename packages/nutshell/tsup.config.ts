import { defineConfig } from 'tsup'

// The ESM build imports fast-json-patch's ES module file (tree-shakable); the CJS build bundles it so
// `require` never loads an .mjs. @x/core stays external (its CJS build bundles its ESM-only dependencies).
export default defineConfig([
  {
    // json-patch is an entry only so it becomes its own chunk (see src/patch/json-patch.ts).
    entry: { index: 'src/index.ts', rpc: 'src/rpc/index.ts', 'json-patch': 'src/patch/json-patch.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: { index: 'src/index.ts', rpc: 'src/rpc/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    noExternal: [/^fast-json-patch/],
  },
])
