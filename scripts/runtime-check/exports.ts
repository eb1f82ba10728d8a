// Checks that every file a package.json points at (exports, main, module, types) is in the package.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** One file an entry point leads to, with the conditions that lead there. */
export interface ExportTarget {
  /** The subpath (`.`, `./package.json`) or the top-level field (`main`, `module`, `types`). */
  entry: string
  conditions: string[]
  target: string
}

type ExportsValue = string | null | ExportsValue[] | { [key: string]: ExportsValue }

function walk(value: ExportsValue, entry: string, conditions: string[], out: ExportTarget[]): void {
  if (value === null) return
  if (typeof value === 'string') out.push({ entry, conditions, target: value })
  else if (Array.isArray(value)) for (const item of value) walk(item, entry, conditions, out)
  else for (const [key, inner] of Object.entries(value)) walk(inner, entry, [...conditions, key], out)
}

/** Every target of a package.json's `exports`, `main`, `module` and `types` fields. */
export function exportTargets(pkg: Record<string, unknown>): ExportTarget[] {
  const out: ExportTarget[] = []
  const exportsField = pkg.exports as ExportsValue | undefined
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) walk(exportsField, '.', [], out)
  else if (exportsField && typeof exportsField === 'object') {
    const keys = Object.keys(exportsField)
    const subpaths = keys.every((key) => key.startsWith('.'))
    if (subpaths) for (const key of keys) walk(exportsField[key]!, key, [], out)
    else walk(exportsField, '.', [], out)
  }
  for (const field of ['main', 'module', 'types', 'typings']) {
    const value = pkg[field]
    if (typeof value === 'string') out.push({ entry: field, conditions: [], target: value })
  }
  return out
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name)
    if (item.isDirectory()) return item.name === 'node_modules' ? [] : listFiles(path, base)
    return [relative(base, path)]
  })
}

function matches(target: string, files: string[]): boolean {
  const path = target.replace(/^\.\//, '')
  if (!path.includes('*')) return files.includes(path)
  const [prefix, suffix] = path.split('*') as [string, string]
  return files.some((file) => file.startsWith(prefix) && file.endsWith(suffix))
}

/** Problems with a package folder's entry points: missing targets, or no way in at all. */
export function checkPackageExports(packageDir: string): string[] {
  const pkgPath = join(packageDir, 'package.json')
  if (!existsSync(pkgPath)) return [`no package.json in ${packageDir}`]
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as Record<string, unknown>
  const targets = exportTargets(pkg)
  if (targets.length === 0) return [`${pkg.name}: no exports, main or module field`]
  const files = listFiles(packageDir)
  return targets
    .filter((t) => !matches(t.target, files))
    .map((t) => {
      const where = t.conditions.length ? `${t.entry} [${t.conditions.join(' > ')}]` : t.entry
      return `${pkg.name}: ${where} -> ${t.target} is not in the package`
    })
}
