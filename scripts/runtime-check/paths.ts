// Where the runtimes and tools live; every one comes from the npm registry or Debian.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))))
const scriptsModules = join(ROOT, 'scripts', 'node_modules')

/** Runtime binaries, called directly: the pnpm shims in .bin export NODE_PATH into the monorepo. */
export const BIN = {
  node24: join(ROOT, '.toolchain', 'node_modules', '.bin', 'node'),
  node22: join(scriptsModules, 'node22', 'bin', 'node'),
  deno: join(scriptsModules, 'deno', 'deno'),
  bun: join(scriptsModules, 'bun', 'bin', 'bun.exe'),
  tsc: join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
  pnpm: join(ROOT, 'scripts', 'pnpm'),
  chromium: '/usr/bin/chromium',
}
