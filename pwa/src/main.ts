import { createApp } from 'vue'

import App from './App.vue'
import { GraphQLClient } from './api/client'
import { API_KEY, DoorstepApi } from './api/doorstep-api'
import { SessionState } from './auth/session'
import { SESSION_KEY } from './auth/use-session'
import { applyLocale, createDoorstepI18n, savedLocale } from './i18n'
import { DeviceLock } from './features/security/device-lock'
import { installDeviceLock } from './features/security/install'
import { createDoorstepRouter } from './router'
import './styles/global.css'

// Tokens and local data are sealed with the PIN's key once a PIN is set (features/security).
const deviceLock = new DeviceLock(window.localStorage)
const session = new SessionState(deviceLock.sessionStore)
const router = createDoorstepRouter(session)
const i18n = createDoorstepI18n()
const client = new GraphQLClient({
  endpoint: '/graphql',
  session,
  onSessionExpired: () => {
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      const query = here.fullPath === '/' ? {} : { redirect: here.fullPath }
      void router.replace({ name: 'login', query })
    }
  },
})

router.afterEach((to) => {
  const { t } = i18n.global
  const page = to.meta.titleKey === undefined ? null : t(to.meta.titleKey)
  document.title = page === null ? t('app.name') : `${page} · ${t('app.shortName')}`
})

await applyLocale(i18n.global.locale, savedLocale(window.localStorage))

const app = createApp(App)
installDeviceLock(app, router, session, deviceLock)
app
  .use(i18n)
  .use(router)
  .provide(SESSION_KEY, session)
  .provide(API_KEY, new DoorstepApi(client, session))
  .mount('#app')
