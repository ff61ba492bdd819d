import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import CaseQrCode from '@/features/employer/CaseQrCode.vue'
import { createDoorstepI18n } from '@/i18n'

describe('CaseQrCode', () => {
  it("draws a QR code of the employer's link to the case", async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/employer/case/:id?', name: 'employer-case', component: { template: '<p/>' } },
      ],
    })
    const wrapper = mount(CaseQrCode, {
      props: { caseId: 'c0ffee00-0000-4000-8000-000000000001' },
      global: { plugins: [router, createDoorstepI18n()] },
    })
    for (let i = 0; i < 20 && !wrapper.find('img').exists(); i++) {
      await flushPromises()
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    const link = wrapper.find('a').attributes('href')
    expect(link).toMatch(/\/employer\/case\/c0ffee00-0000-4000-8000-000000000001$/)
    const src = wrapper.find('img').attributes('src') ?? ''
    expect(src.startsWith('data:image/svg+xml')).toBe(true)
    expect(decodeURIComponent(src)).toContain('<path')
    expect(wrapper.find('img').attributes('alt')).toBe('单位登记链接二维码')
  })
})
