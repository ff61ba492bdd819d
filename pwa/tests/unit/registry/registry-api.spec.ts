import { describe, expect, it } from 'vitest'

import { mismatchCount, SOURCES } from '@/features/registry/registry-api'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

describe('shared-data verification', () => {
  it('counts the mismatches a query found', () => {
    expect(mismatchCount([{ code: 'REGISTRY_MARITAL_MISMATCH' }])).toBe(1)
    expect(mismatchCount(null)).toBe(0)
  })

  it('names every source in both languages', () => {
    for (const source of SOURCES) {
      expect(zhCN.registry.sources[source]).toBeTruthy()
      expect(en.registry.sources[source]).toBeTruthy()
    }
  })
})
