import nodeConsole from 'node:console'

import { flushPromises, mount } from '@vue/test-utils'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { GraphQLClient } from '@/api/client'
import { API_KEY, DoorstepApi } from '@/api/doorstep-api'
import { SessionState, webStorageSessionStore } from '@/auth/session'
import { SESSION_KEY } from '@/auth/use-session'
import { createDoorstepI18n } from '@/i18n'
import LoginView from '@/views/LoginView.vue'

import {
  GraphQLTestServer,
  graphQLError,
  sessionPayload,
  STAFF_USER,
} from '../support/graphql-server'

let server: GraphQLTestServer
beforeAll(async () => {
  server = await GraphQLTestServer.start()
})
afterAll(async () => {
  await server.stop()
})
beforeEach(() => {
  server.received.length = 0
  window.localStorage.clear()
  document.body.innerHTML = ''
})

const Home = defineComponent({ template: '<p>home</p>' })

async function mountLogin(path = '/login') {
  const session = new SessionState(webStorageSessionStore(window.localStorage))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginView },
      { path: '/', name: 'home', component: Home },
      { path: '/me', name: 'me', component: Home },
    ],
  })
  await router.push(path)
  const api = new DoorstepApi(new GraphQLClient({ endpoint: server.url, session }), session)
  const wrapper = mount(LoginView, {
    attachTo: document.body,
    global: {
      plugins: [router, createDoorstepI18n()],
      provide: { [API_KEY as symbol]: api, [SESSION_KEY as symbol]: session },
    },
  })
  return { wrapper, router, session }
}

async function fillAndSubmit(
  wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'],
  username: string,
  password: string,
) {
  await wrapper.get('#login-username').setValue(username)
  await wrapper.get('#login-password').setValue(password)
  await wrapper.get('form').trigger('submit')
}

describe('LoginView', () => {
  it('labels each input in Chinese, tied to the input for screen readers', async () => {
    const { wrapper } = await mountLogin()

    for (const [id, text] of [
      ['login-username', '用户名'],
      ['login-password', '密码'],
    ] as const) {
      const label = wrapper.get(`label[for="${id}"]`)
      expect(label.text()).toBe(text)
      expect(wrapper.get(`#${id}`).element.tagName).toBe('INPUT')
    }
    expect(wrapper.get('#login-password').attributes('type')).toBe('password')
    expect(wrapper.get('#login-password').attributes('autocomplete')).toBe('current-password')
    expect(wrapper.get('button[type="submit"]').text()).toBe('登录')
    expect(wrapper.text()).toContain('住房公积金上门服务')
  })

  it('signs in with good credentials and goes to the home page', async () => {
    const { wrapper, router, session } = await mountLogin()
    server.handler = () => ({ json: { data: { login: sessionPayload('t1', 'r1') } } })

    await fillAndSubmit(wrapper, ' staff1 ', 'doorstep-demo')

    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('home'))
    expect(server.received[0]?.variables).toEqual({ u: 'staff1', p: 'doorstep-demo' })
    expect(session.current.value?.user).toEqual(STAFF_USER)
  })

  it('returns to the page that asked for the login', async () => {
    const { wrapper, router } = await mountLogin('/login?redirect=/me')
    server.handler = () => ({ json: { data: { login: sessionPayload('t1', 'r1') } } })

    await fillAndSubmit(wrapper, 'staff1', 'doorstep-demo')

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/me'))
  })

  it("shows the server's Chinese message when the password is wrong, and stays", async () => {
    const { wrapper, router, session } = await mountLogin()
    server.handler = () => graphQLError('INVALID_CREDENTIALS', '用户名或密码不正确')

    await fillAndSubmit(wrapper, 'staff1', 'wrong')

    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').text()).toBe('用户名或密码不正确'))
    expect(document.body.querySelector('.van-notify')?.textContent).toContain('用户名或密码不正确')
    expect(router.currentRoute.value.name).toBe('login')
    expect(session.current.value).toBeNull()
  })

  it('shows its own Chinese text when the server cannot be reached', async () => {
    // happy-dom's fetch logs a dropped line to the page's console, as a browser's devtools
    // would, and vitest gives the page Node's own console: that was the stray "Error: socket
    // hang up … ECONNRESET" in the output. Expected here, so it is checked, not printed.
    const consoleError = vi.spyOn(nodeConsole, 'error').mockImplementation(() => {})
    const { wrapper } = await mountLogin()
    server.handler = () => ({ dropConnection: true })

    await fillAndSubmit(wrapper, 'staff1', 'doorstep-demo')

    await vi.waitFor(() =>
      expect(wrapper.find('[role="alert"]').text()).toBe('网络连接失败，请检查网络后重试'),
    )
    expect(consoleError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'ECONNRESET', message: 'socket hang up' }),
    )
  })

  it('asks for both fields before sending anything', async () => {
    const { wrapper } = await mountLogin()

    await wrapper.get('form').trigger('submit')
    await flushPromises()

    await vi.waitFor(() => expect(wrapper.text()).toContain('请填写用户名'))
    expect(wrapper.text()).toContain('请填写密码')
    expect(server.received).toHaveLength(0)
  })

  it('shows and hides the password on request', async () => {
    const { wrapper } = await mountLogin()
    const toggle = wrapper.get('button[aria-label="显示密码"]')

    await toggle.trigger('click')

    expect(wrapper.get('#login-password').attributes('type')).toBe('text')
    expect(wrapper.get('button[aria-pressed="true"]').attributes('aria-label')).toBe('隐藏密码')
  })
})
