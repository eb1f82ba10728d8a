// docs/OPERATIONS.md, written from the operation tables: every method of both clients with the request it
// sends, its effect (what an agent's grant must allow) and its one-line description. The tables are the
// only place a method is declared; this page is read from them, never edited by hand.
//
//   node scripts/operations-doc.ts           rewrite docs/OPERATIONS.md
//   node scripts/operations-doc.ts --check   exit 1 when the page differs from the tables
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { AnyOperation } from '@x/core'
import { NUTAN_OPERATION_TABLES } from '@x/nutan'
import { OPERATION_TABLES } from '@x/nutshell'
import { RPC_METHODS } from '@x/nutshell/rpc'

type Tables = Readonly<Record<string, Readonly<Record<string, AnyOperation>>>>

export const PAGE = fileURLToPath(new URL('../docs/OPERATIONS.md', import.meta.url))

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

/** One client's section: a table per resource, in the tables' order. */
function section(title: string, variable: string, tables: Tables): string {
  const count = Object.values(tables).reduce((n, table) => n + Object.keys(table).length, 0)
  const parts = [`## ${title} (${count} methods)\n`]
  for (const [resource, table] of Object.entries(tables)) {
    parts.push(`### \`${variable}.${resource}\`\n`)
    parts.push('| method | request | effect | what it does |')
    parts.push('| --- | --- | --- | --- |')
    for (const [name, op] of Object.entries(table)) {
      parts.push(`| \`${name}\` | \`${op.method} ${op.path}\` | ${op.effect} | ${cell(op.description)} |`)
    }
    parts.push('')
  }
  return parts.join('\n')
}

/** The JSON-RPC methods: one table, by name on the wire. */
function rpcSection(): string {
  const entries = Object.entries(RPC_METHODS)
  return [
    `## Nutshell JSON-RPC (${entries.length} methods)\n`,
    'Called as `ns.rpc.<method>`; `source` names the public sources that confirmed each (docs/RPC-SOURCES.md).\n',
    '| method | kind | records | effect | what it does | source |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map(
      ([name, m]) =>
        `| \`${name}\` | ${m.kind} | ${m.resources.join(', ')} | ${m.effect} | ${cell(m.description)} | ${cell(m.source)} |`,
    ),
    '',
  ].join('\n')
}

/** The whole page. */
export function operationsPage(): string {
  return [
    '# Operations',
    '',
    '<!-- Written by `node scripts/operations-doc.ts` from the operation tables; do not edit by hand. -->',
    '',
    'Every method of the clients, made from one entry of an operation table. Path parameters come first,',
    'then the input (checked before any request), then per-call options. `effect` is what a scoped',
    "agent's policy must grant (`@x/agent`); a write that changes a field its entry names for `close` or",
    "`delete` (a lead's status) needs that grant too.",
    '',
    section('Nutshell REST', 'ns', OPERATION_TABLES as unknown as Tables),
    rpcSection(),
    section('Nutan', 'nutan', NUTAN_OPERATION_TABLES as unknown as Tables),
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const page = operationsPage()
  if (process.argv.includes('--check')) {
    const current = readFileSync(PAGE, 'utf8')
    if (current !== page) {
      console.error(
        'docs/OPERATIONS.md differs from the operation tables: run node scripts/operations-doc.ts',
      )
      process.exit(1)
    }
    console.log('docs/OPERATIONS.md matches the operation tables')
  } else {
    writeFileSync(PAGE, page)
    console.log(`wrote ${PAGE}`)
  }
}
