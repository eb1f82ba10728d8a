import { defineConfig } from 'vitest/config'
import { projects, serialProjects } from './vitest.workspace.ts'

export default defineConfig({
  test: {
    projects: process.env.X_TEST_SERIAL === '1' ? serialProjects : projects,
    passWithNoTests: false,
    testTimeout: 20_000,
  },
})
