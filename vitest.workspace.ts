// The one list of test projects; vitest.config.ts reads it (Vitest 4+ takes projects from `test.projects`).
import { fileURLToPath } from 'node:url'
import { defaultServerConditions } from 'vite'

const conditions = ['@x/source', ...defaultServerConditions]
// Fixes fast-check's seed (FC_SEED overrides it); see README.md, "Tests."
const setupFiles = [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))]

function project(name: string, root: string, include = ['test/**/*.test.ts']) {
  return {
    extends: true as const,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: { name, root, include, setupFiles },
  }
}

export const projects = [
  project('core', 'packages/core'),
  project('nutshell', 'packages/nutshell'),
  project('nutan', 'packages/nutan'),
  project('testkit', 'packages/testkit'),
  project('agent', 'packages/agent'),
  project('redis-limiter', 'packages/redis-limiter', ['test/*.test.ts']),
  project('scripts', 'scripts', ['test/**/*.test.ts']),
]

/**
 * Tests that time several processes against a shared budget: they run on their own after the rest
 * (`X_TEST_SERIAL=1 vitest run`, in package.json "test"), so the burst they time is not the suite's.
 */
export const serialProjects = [
  project('redis-processes', 'packages/redis-limiter', ['test/processes/**/*.test.ts']),
]
