import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputValidationError, resolveTarget } from '../src'

const BASES = [
  'https://app.nutshell.com/rest',
  'https://app.nutshell.com/rest/',
  'https://api.nutan.test',
  'http://127.0.0.1:8080/v1',
  'https://x.test/a/../r%C3%A9 st',
]
const SEGMENT_PARTS = [
  'leads',
  '1001-leads',
  '.',
  '..',
  '%2e',
  '%2E',
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

/** What the URL parser would resolve away or split: the rule users rely on is that no such path is sent. */
const steers = (segment: string) => /^(\.|%2e){1,2}$/i.test(segment) || segment.includes('\\')

describe('request targets under a base URL', () => {
  it('a path either keeps every one of its segments under the base, or is refused before any request (property)', () => {
    const segment = fc
      .array(fc.constantFrom(...SEGMENT_PARTS), { minLength: 1, maxLength: 3 })
      .map((p) => p.join(''))
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        (base, segments) => {
          const path = `/${segments.join('/')}`
          const basePath = new URL(base).pathname.replace(/\/+$/, '')
          if (segments.some(steers)) {
            expect(() => resolveTarget(base, path, '')).toThrow(InputValidationError)
            return
          }
          const { url, path: shown } = resolveTarget(base, path, 'limit=50')
          expect(shown).toBe(url.pathname)
          expect(url.pathname.startsWith(`${basePath}/`)).toBe(true)
          // Leading slashes are joined into one; every other segment, empty ones included, is kept.
          const kept = path.replace(/^\/+/, '').split('/')
          expect(url.pathname.slice(basePath.length).split('/').length).toBe(kept.length + 1)
          expect(url.search).toBe('?limit=50')
        },
      ),
    )
  })

  it('refuses the spellings of `..` that URL parsers resolve', () => {
    for (const path of ['/leads/..', '/leads/%2e%2E', '/leads/.', '/leads/..\\x', '/a/%2E/b']) {
      expect(() => resolveTarget('https://app.nutshell.com/rest', path, ''), path).toThrow(
        InputValidationError,
      )
    }
  })

  it('an absolute URL as the path is its own target, checked on its own', () => {
    expect(
      resolveTarget('https://app.nutshell.com/rest', 'http://evil.example.com/rest/leads', '').url.href,
    ).toBe('http://evil.example.com/rest/leads')
    expect(
      resolveTarget('https://app.nutshell.com/rest', 'https://app.nutshell.com/rest/leads?page=2', 'limit=5')
        .url.href,
    ).toBe('https://app.nutshell.com/rest/leads?page=2&limit=5')
  })
})
