import * as core from '@x/core'
import { expect, test } from 'vitest'

test('loads source', () => {
  expect(core).toBeDefined()
})
