import { MemoryStore } from '@doorstep/sync-client'
import { describe, expect, it } from 'vitest'

import { dropLegacyCache, storeCache, type RemoteCase } from '@/features/staff/remote-case'

const answer: RemoteCase = {
  status: 'needs_review',
  flags: [{ code: 'ID_MISMATCH', severity: 'error', field: 'name', message: '姓名不一致' }],
  history: [],
}

describe('the remembered server view of a case', () => {
  it('is kept in a Store (sealed by the device lock), one entry per case', async () => {
    const cache = storeCache(new MemoryStore())
    expect(await cache.get('c1')).toBeNull()
    await cache.put('c1', answer)
    expect(await cache.get('c1')).toEqual(answer)
    expect(await cache.get('c2')).toBeNull()
  })

  it('drops copies earlier versions left in Web Storage in the clear', () => {
    localStorage.setItem('doorstep.staff.case.c1', JSON.stringify(answer))
    localStorage.setItem('doorstep.staff.policy.v1', '{}')
    dropLegacyCache(localStorage)
    expect(localStorage.getItem('doorstep.staff.case.c1')).toBeNull()
    expect(localStorage.getItem('doorstep.staff.policy.v1')).toBe('{}')
  })
})
