const OUTCOME_FIELDS = /^(status|outcome|outcomeId|outcomes|isClosed)$/
const OUTCOME_PATH = /\/(status|outcome|outcomeId|isClosed)(\/|$)|\/links\/outcome(\/|$)/

/**
 * True when an update would set a lead's status or outcome, which closes (or reopens) it: given a
 * change object, a JSON-RPC lead, or JSON Patch operations.
 */
export function touchesOutcome(changes: unknown): boolean {
  if (Array.isArray(changes))
    return changes.some((op) => typeof op?.path === 'string' && OUTCOME_PATH.test(op.path))
  if (!changes || typeof changes !== 'object') return false
  const record = changes as Record<string, unknown>
  if (Object.keys(record).some((key) => OUTCOME_FIELDS.test(key))) return true
  const links = record.links
  return !!links && typeof links === 'object' && Object.hasOwn(links, 'outcome')
}
