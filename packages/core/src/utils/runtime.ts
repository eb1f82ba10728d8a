/** True in a browser page or worker (where an embedded API key is visible to every visitor). */
export function isBrowserLike(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown; importScripts?: unknown; Deno?: unknown }
  const hasDom = typeof g.window !== 'undefined' && typeof g.document !== 'undefined'
  const isWorker = typeof g.importScripts === 'function'
  return (hasDom || isWorker) && typeof g.Deno === 'undefined'
}
