// The README's promise: a ky instance of your own works as either client's `fetch` option.
import { NotFoundError } from '@x/core'
import { NutshellClient } from '@x/nutshell'
import { createNutshellSimulator } from '@x/testkit'
import ky from 'ky'
import { describe, expect, it } from 'vitest'

describe('a ky instance as the fetch option', () => {
  it('carries reads, writes and typed errors, with ky’s own retries and throwing off', async () => {
    const sim = createNutshellSimulator({ seed: 7 })
    const viaKy = ky.create({ retry: 0, throwHttpErrors: false, timeout: false, fetch: sim.fetch })
    const ns = new NutshellClient({ ...sim.credentials, fetch: viaKy as unknown as typeof fetch })
    const page = await ns.leads.list({ limit: 5 })
    expect(page.items).toHaveLength(5)
    const lead = await ns.leads.create({ description: 'Via ky' })
    expect(lead.id).toMatch(/-leads$/)
    await expect(ns.leads.get('999999-leads')).rejects.toBeInstanceOf(NotFoundError)
  })
})
