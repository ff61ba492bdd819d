import { describe, expect, it } from 'vitest'

import {
  appUrl,
  clickTarget,
  GENERIC_NOTIFICATION,
  notificationFor,
  OPEN_URL_MESSAGE,
  openUrlFromMessage,
  parsePushPayload,
} from '@/features/push/notification'

const CASE_ID = '6f1c2a9e-0d1b-4c8e-9a51-3f0e8b7d2c44'

describe('a push payload from the server', () => {
  it('about a case becomes a notification titled in Chinese that opens the case', () => {
    const payload = parsePushPayload(
      JSON.stringify({
        title: '案件（张伟）已退回',
        body: '退回原因：身份证照片模糊',
        caseId: CASE_ID,
        url: `/cases/${CASE_ID}`,
      }),
    )
    const spec = notificationFor(payload)

    expect(spec.title).toBe('案件（张伟）已退回')
    expect(spec.options.body).toBe('退回原因：身份证照片模糊')
    expect(spec.options.tag).toBe(`case:${CASE_ID}`)
    expect(spec.options.data).toEqual({ url: `/cases/${CASE_ID}` })
    expect(spec.options.lang).toBe('zh-CN')
    expect(spec.options.icon).toBe('/icons/icon-192.png')
  })

  it('not about a case opens the inbox and shares one tag with other inbox messages', () => {
    const spec = notificationFor(
      parsePushPayload('{"title":"知识库有新文章","body":"","caseId":null,"url":"/inbox"}'),
    )
    expect(spec.options.tag).toBe('inbox')
    expect(spec.options.data.url).toBe('/inbox')
  })

  it.each([
    ['no data', null],
    ['empty data', ''],
    ['text that is not JSON', '您有新消息'],
    ['a JSON array', '[1, 2]'],
    ['a JSON string', '"hello"'],
    ['no title', '{"body":"x","url":"/inbox"}'],
    ['a blank title', '{"title":"   ","url":"/inbox"}'],
    ['a title that is not text', '{"title":42}'],
  ])('with %s still shows the generic 「您有新消息」 notification', (_label, text) => {
    const spec = notificationFor(parsePushPayload(text))
    expect(spec.title).toBe(GENERIC_NOTIFICATION.title)
    expect(spec.title).toBe('您有新消息')
    expect(spec.options.body).toBe(GENERIC_NOTIFICATION.body)
    expect(spec.options.tag).toBe('inbox')
    expect(spec.options.data.url).toBe('/inbox')
  })

  it('with an off-site or odd url falls back to the case page, else the inbox', () => {
    const evil = (url: unknown, caseId: string | null = CASE_ID) =>
      parsePushPayload(JSON.stringify({ title: 't', caseId, url }))?.url
    expect(evil('https://evil.example/cases/1')).toBe(`/cases/${CASE_ID}`)
    expect(evil('//evil.example/x')).toBe(`/cases/${CASE_ID}`)
    expect(evil('/\\evil.example')).toBe(`/cases/${CASE_ID}`)
    expect(evil('javascript:alert(1)')).toBe(`/cases/${CASE_ID}`)
    expect(evil('/cases/1 x')).toBe(`/cases/${CASE_ID}`)
    expect(evil(42)).toBe(`/cases/${CASE_ID}`)
    expect(evil(undefined, null)).toBe('/inbox')
  })

  it('is clipped to the lengths a notification can show', () => {
    const payload = parsePushPayload(
      JSON.stringify({ title: '题'.repeat(80), body: '字'.repeat(300) }),
    )
    expect(payload?.title).toHaveLength(60)
    expect(payload?.body).toHaveLength(120)
  })
})

describe('the page a notification click opens', () => {
  it('is the url stored in the notification data', () => {
    expect(clickTarget({ url: `/cases/${CASE_ID}` })).toBe(`/cases/${CASE_ID}`)
    expect(clickTarget({ url: '/inbox' })).toBe('/inbox')
  })

  it('is the inbox when the data is missing or not an app path', () => {
    expect(clickTarget(null)).toBe('/inbox')
    expect(clickTarget({})).toBe('/inbox')
    expect(clickTarget({ url: 'https://evil.example/' })).toBe('/inbox')
  })

  it('case ids are escaped into the path', () => {
    expect(appUrl(null, 'a/b?c')).toBe('/cases/a%2Fb%3Fc')
  })
})

describe('messages from the service worker to the app window', () => {
  it('an open-url message gives the path to show', () => {
    expect(openUrlFromMessage({ type: OPEN_URL_MESSAGE, url: '/cases/1' })).toBe('/cases/1')
  })

  it('anything else, or an off-site url, is ignored', () => {
    expect(openUrlFromMessage({ type: 'SKIP_WAITING' })).toBeNull()
    expect(openUrlFromMessage({ type: OPEN_URL_MESSAGE, url: 'https://evil.example/' })).toBeNull()
    expect(openUrlFromMessage('doorstep:open-url')).toBeNull()
    expect(openUrlFromMessage(null)).toBeNull()
  })
})
