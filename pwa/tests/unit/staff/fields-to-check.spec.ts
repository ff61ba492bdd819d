// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { DocumentView } from '@/features/staff/case-model'
import { fieldsToCheck } from '@/features/staff/ocr-compare'

const idCard: DocumentView = {
  id: 'd1',
  caseId: 'c1',
  docType: 'id_card',
  sha256: 'ab',
  status: 'processed',
  fields: { name: '石英芳', id_number: '520203197001175843', address: '贵州省六盘水市钟山区' },
  checks: [],
  needsCheck: ['id_number', 'address'],
}

describe('fields to check (需核对)', () => {
  it('are exactly the fields the server asks to check that still show the value read', () => {
    const typed = {
      name: '石英芳',
      id_number: '520203197001175843',
      address: '贵州省六盘水市钟山区',
    }
    expect([...fieldsToCheck([idCard], typed)].sort()).toEqual(['address', 'id_number'])
  })

  it('leave a field staff changed (they checked it) and fields read with confidence', () => {
    const typed = {
      name: '石英芳',
      id_number: '520203197001175851',
      address: '贵州省六盘水市钟山区',
    }
    expect([...fieldsToCheck([idCard], typed)]).toEqual(['address'])
  })

  it('include a field printed but not legible while nothing is typed there', () => {
    const unreadable = { ...idCard, fields: { name: '石英芳' }, needsCheck: ['id_number'] }
    expect([...fieldsToCheck([unreadable], { name: '石英芳' })]).toEqual(['id_number'])
    expect([...fieldsToCheck([unreadable], { id_number: '520203197001175843' })]).toEqual([])
  })

  it('are none before the document is read', () => {
    expect(fieldsToCheck([{ ...idCard, status: 'uploaded' }], {}).size).toBe(0)
  })
})
