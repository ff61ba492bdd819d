import { describe, expect, it } from 'vitest'

import { isHeif } from '@/features/staff/photo'

describe('isHeif', () => {
  it('knows iPad photos by type or by name', () => {
    expect(isHeif(new Blob([], { type: 'image/heic' }))).toBe(true)
    expect(isHeif(new Blob([], { type: 'image/HEIF' }))).toBe(true)
    expect(isHeif(new Blob([], { type: 'image/heic-sequence' }))).toBe(true)
    expect(isHeif(new File([], 'IMG_0001.HEIC'))).toBe(true)
  })

  it('leaves other images to the normal path', () => {
    expect(isHeif(new Blob([], { type: 'image/jpeg' }))).toBe(false)
    expect(isHeif(new File([], 'heic.jpg', { type: 'image/jpeg' }))).toBe(false)
    expect(isHeif(new Blob([]))).toBe(false)
  })
})
