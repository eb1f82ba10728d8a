// The rule: the method tables in docs/OPERATIONS.md are the operation tables, never a copy that drifts.
import { readFileSync } from 'node:fs'
import { NUTAN_OPERATION_TABLES } from '@x/nutan'
import { OPERATION_TABLES } from '@x/nutshell'
import { expect, test } from 'vitest'
import { operationsPage, PAGE } from '../operations-doc.ts'

test('docs/OPERATIONS.md is written from the operation tables (node scripts/operations-doc.ts)', () => {
  expect(readFileSync(PAGE, 'utf8')).toBe(operationsPage())
})

test('it lists every method of both clients with its request', () => {
  const page = operationsPage()
  for (const table of [...Object.values(OPERATION_TABLES), ...Object.values(NUTAN_OPERATION_TABLES)]) {
    for (const op of Object.values(table as Record<string, { method: string; path: string }>)) {
      expect(page).toContain(`\`${op.method} ${op.path}\``)
    }
  }
})
