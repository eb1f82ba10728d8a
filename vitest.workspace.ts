// The one list of test projects; vitest.config.ts reads it (Vitest 4+ takes projects from `test.projects`).
import { defaultServerConditions } from 'vite'

const conditions = ['@x/source', ...defaultServerConditions]

function project(name: string, root: string, include = ['test/**/*.test.ts']) {
  return {
    extends: true as const,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: { name, root, include },
  }
}

export const projects = [
  project('core', 'packages/core'),
  project('nutshell', 'packages/nutshell'),
  project('nutan', 'packages/nutan'),
  project('testkit', 'packages/testkit'),
  project('agent', 'packages/agent'),
  project('scripts', 'scripts', ['test/**/*.test.ts']),
]
