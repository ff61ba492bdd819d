import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'

import { useApi } from '@/api/doorstep-api'
import { stopPushBeforeSignOut } from '@/features/push/push-device'

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
    await stopPushBeforeSignOut(api.client) // the next person on this tablet gets none of them
    await api.logout()
    await router.replace({ name: 'login' })
  }
}
