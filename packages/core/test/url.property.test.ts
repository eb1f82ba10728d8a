import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BaseUrl } from '../src/utils/url'

// The rule every request's URL was built by before the base was parsed once: join, then parse.
function joinThenParse(base: string, path: string, query: string) {
  const url = `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}${query ? `?${query}` : ''}`
  const parsed = new URL(url)
  const safe =
    parsed.protocol === 'https:' ||
    (parsed.protocol === 'http:' && /^(127\.|localhost$|\[::1\]$)/.test(parsed.hostname))
  return { url, path: parsed.pathname, safeForCredentials: safe }
}

const BASES = [
  'https://app.nutshell.com/rest',
  'https://app.nutshell.com/rest/',
  'https://api.nutan.test',
  'http://127.0.0.1:8080/v1',
  'http://crm.example.com/rest',
  'https://x.test/a/../r%C3%A9 st',
]
const SEGMENT_PARTS = [
  'leads',
  '1001-leads',
  '.',
  '..',
  '%2F',
  'é',
  ' ',
  '~a',
  "o'k",
  'a+b',
  'x:y',
  '\\',
  '[1]',
  '',
]

describe('request targets under a base URL', () => {
  it('name the same URL, path and credential rule as joining and parsing would (property)', () => {
    const segment = fc
      .array(fc.constantFrom(...SEGMENT_PARTS), { minLength: 1, maxLength: 3 })
      .map((p) => p.join(''))
    const path = fc
      .tuple(fc.constantFrom('/', '', '//'), fc.array(segment, { maxLength: 4 }))
      .map(([lead, segments]) => lead + segments.join('/'))
    fc.assert(
      fc.property(fc.constantFrom(...BASES), path, fc.constantFrom('', 'limit=50&offset=0'), (base, p, q) => {
        expect(new BaseUrl(base).resolve(p, q)).toEqual(joinThenParse(base, p, q))
      }),
    )
  })

  it('an absolute URL as the path is checked on its own, not by the base', () => {
    const base = new BaseUrl('https://app.nutshell.com/rest')
    expect(base.resolve('http://evil.example.com/rest/leads', '')).toEqual({
      url: 'http://evil.example.com/rest/leads',
      path: '/rest/leads',
      safeForCredentials: false,
    })
    expect(base.resolve('https://app.nutshell.com/rest/leads?page=2', 'limit=5').url).toBe(
      'https://app.nutshell.com/rest/leads?page=2&limit=5',
    )
  })
})
