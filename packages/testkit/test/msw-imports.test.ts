// msw's root entry also loads its `ws` module, which opens a BroadcastChannel on import. Node can unref
// it; Deno cannot, so a testkit that loads `msw` keeps `deno run` alive forever. The source may import
// types from 'msw', but values only from side-effect-free subpaths ('msw/http', 'msw/utils/*').
// (scripts/runtime-check.ts runs the packed testkit under `deno run` and checks that it exits.)
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'src')

test('no runtime import of msw root (or msw/node, msw/browser, msw/ws) in src', () => {
  const offenders: string[] = []
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const file = join(entry.parentPath, entry.name)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'(msw[^']*)'/gm)) {
      const [line, , typeOnly, specifier] = match
      if (typeOnly) continue
      if (specifier === 'msw/http' || specifier!.startsWith('msw/utils/')) continue
      offenders.push(`${file.slice(SRC.length + 1)}: ${line!.trim()}`)
    }
    if (/import\(\s*'msw'\s*\)|require\(\s*'msw'\s*\)/.test(text))
      offenders.push(`${file}: dynamic msw import`)
  }
  expect(offenders).toEqual([])
})
