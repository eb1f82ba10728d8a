import { defineConfig } from 'vitest/config'
import { projects, serialProjects } from './vitest.workspace.ts'

export default defineConfig({
  test: {
    projects: process.env.X_TEST_SERIAL === '1' ? serialProjects : projects,
    globalSetup: ['./vitest.global-setup.ts'],
    passWithNoTests: false,
    testTimeout: 20_000,
  },
})
