import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'

import { queueText, waitText } from '@/features/staff/ocr-queue'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
const t = (key: string, named: Record<string, unknown>) => i18n.global.t(key, named)

describe('the place of a photo in the OCR queue', () => {
  it('reads as the staff see it in Chinese', () => {
    const place = { documentId: 'd1', position: 3, estimatedSeconds: 75 }
    expect(queueText(place, t)).toBe('排队识别中：第 3 位，约 1 分钟')
  })

  it('says the photo is being read when it is first', () => {
    expect(queueText({ documentId: 'd1', position: 0, estimatedSeconds: 20 }, t)).toBe(
      '正在识别…',
    )
  })

  it('gives only the place when the server has no recent rate', () => {
    expect(queueText({ documentId: 'd1', position: 12, estimatedSeconds: null }, t)).toBe(
      '排队识别中：第 12 位',
    )
  })

  it('rounds the wait to what a person can use', () => {
    expect(waitText(20, t)).toBe('不到 1 分钟')
    expect(waitText(60 * 44 + 40, t)).toBe('约 45 分钟')
    expect(waitText(60 * 60 * 3.2, t)).toBe('约 3 小时')
  })

  it('has the same messages in English', () => {
    i18n.global.locale.value = 'en'
    expect(queueText({ documentId: 'd1', position: 2, estimatedSeconds: 300 }, t)).toBe(
      'Waiting to be read: number 2 in line, about 5 min',
    )
    i18n.global.locale.value = 'zh-CN'
  })
})
