// Turns a one-line import ("import { X } from 'y'") into a bundle entry that keeps what it imports.

/** A parsed import statement: the names it binds and the module it names. */
export interface ParsedImport {
  specifier: string
  locals: string[]
}

const IMPORT = /^\s*import\s+([\s\S]+?)\s+from\s+(['"])([^'"]+)\2\s*;?\s*$/

/** Parses `import a, { b as c } from 'y'` / `import * as z from 'y'` into its local names and module. */
export function parseImport(statement: string): ParsedImport {
  const match = IMPORT.exec(statement)
  if (!match) throw new Error(`Not a single import statement: ${statement}`)
  const clause = match[1]!
  const specifier = match[3]!
  const locals: string[] = []
  const named = /\{([^}]*)\}/.exec(clause)
  for (const part of named?.[1]?.split(',') ?? []) {
    const name = part
      .trim()
      .split(/\s+as\s+/)
      .pop()
      ?.trim()
    if (name) locals.push(name.replace(/^type\s+/, ''))
  }
  const rest = clause.replace(/\{[^}]*\}/, '').split(',')
  for (const part of rest) {
    const text = part.trim()
    if (!text) continue
    const namespace = /^\*\s+as\s+(\w+)$/.exec(text)
    locals.push(namespace ? namespace[1]! : text)
  }
  if (locals.length === 0) throw new Error(`The import binds no names: ${statement}`)
  return { specifier, locals }
}

/**
 * Source of an entry module that imports as the statement says and re-exports the bindings, so the
 * bundler keeps exactly what a user's `import` pulls in (an unused import would be tree-shaken away).
 */
export function entrySource(statement: string): string {
  const { locals } = parseImport(statement)
  return `${statement.trim().replace(/;?$/, '')}\nexport { ${locals.join(', ')} }\n`
}
