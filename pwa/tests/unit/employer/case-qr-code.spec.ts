import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'

import CaseQrCode from '@/features/employer/CaseQrCode.vue'
import { createDoorstepI18n } from '@/i18n'

const LINK = 'https://doorstep.example/employer/link/c0ffee00-0000-4000-8000-000000000001#k=abc'

describe('CaseQrCode', () => {
  it("draws a QR code of the employer's link and shows the code to read out", async () => {
    const wrapper = mount(CaseQrCode, {
      props: { link: LINK, code: '042917' },
      global: { plugins: [createDoorstepI18n()] },
    })
    // drawn asynchronously: wait for the image itself, not for a time
    await vi.waitFor(
      async () => {
        await flushPromises()
        expect(wrapper.find('img').exists()).toBe(true)
      },
      { timeout: 10_000, interval: 10 },
    )
    expect(wrapper.find('a').attributes('href')).toBe(LINK)
    const src = wrapper.find('img').attributes('src') ?? ''
    expect(src.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(src)).toContain('<path')
    expect(wrapper.find('img').attributes('alt')).toBe('单位登记链接二维码')
    expect(wrapper.find('[data-testid="one-time-code"]').text()).toBe('042 917')
    expect(wrapper.text()).toContain('24 小时内有效，只能使用一次')
  })
})
