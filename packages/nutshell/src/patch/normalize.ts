import { InputValidationError, type ValidationIssue } from '@x/core'
import { recordPath } from './pointer'
import type { PatchOperation } from './types'

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test'])

function toRecordPath(prefix: string, path: string): string {
  if (path === prefix || path.startsWith(`${prefix}/`)) return path
  return prefix + (path.startsWith('/') ? path : `/${path}`)
}

/**
 * Checks caller-written operations and puts their paths in Nutshell's form: `/firstName` and
 * `firstName` become `/contacts/0/firstName`; paths already in `/<type>/0/...` form are kept.
 */
export function normalizeOperations(type: string, ops: readonly unknown[]): PatchOperation[] {
  const issues: ValidationIssue[] = []
  const prefix = recordPath(type)
  if (ops.length === 0) issues.push({ path: 'changes', message: 'a patch needs at least one operation' })
  const out = ops.map((raw, i) => {
    const op = raw as Record<string, unknown>
    if (!op || typeof op !== 'object' || !OPS.has(op.op as string)) {
      issues.push({
        path: `changes[${i}].op`,
        message: 'must be one of add, remove, replace, move, copy, test',
      })
      return op as PatchOperation
    }
    if (typeof op.path !== 'string' || op.path === '') {
      issues.push({ path: `changes[${i}].path`, message: 'expected a non-empty string' })
      return op as PatchOperation
    }
    if ((op.op === 'add' || op.op === 'replace' || op.op === 'test') && !('value' in op)) {
      issues.push({ path: `changes[${i}].value`, message: `is required for ${op.op}` })
    }
    const normalized: Record<string, unknown> = { ...op, path: toRecordPath(prefix, op.path) }
    if (typeof op.from === 'string') normalized.from = toRecordPath(prefix, op.from)
    return normalized as PatchOperation
  })
  if (issues.length) throw new InputValidationError(issues, `${type}.update`)
  return out
}
