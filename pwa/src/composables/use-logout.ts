import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'

import { useApi } from '@/api/doorstep-api'

/** Asks first, then forgets the session and returns to the login screen. */
export function useLogout(): () => Promise<void> {
  const api = useApi()
  const router = useRouter()
  const { t } = useI18n()
  return async () => {
    try {
      await showConfirmDialog({
        message: t('me.logoutConfirm'),
        confirmButtonText: t('me.confirm'),
        cancelButtonText: t('me.cancel'),
      })
    } catch {
      return
    }
    await api.logout()
    await router.replace({ name: 'login' })
  }
}
