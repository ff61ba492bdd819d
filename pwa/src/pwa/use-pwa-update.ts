import { showConfirmDialog } from 'vant'
import 'vant/es/dialog/style'
import { useRegisterSW } from 'virtual:pwa-register/vue'
import { watch } from 'vue'
import { useI18n } from 'vue-i18n'

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000

/**
 * Registers the service worker and, when a new version has been deployed and is waiting,
 * asks the person before reloading (a form half filled in must not vanish on its own).
 */
export function usePwaUpdate(): void {
  const { t } = useI18n()
  const { needRefresh, updateServiceWorker } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      // Tablets stay open for days: look for a new deployment now and then.
      if (registration) setInterval(() => void registration.update(), UPDATE_CHECK_INTERVAL_MS)
    },
  })

  watch(needRefresh, async (waiting) => {
    if (!waiting) return
    try {
      await showConfirmDialog({
        title: t('update.title'),
        message: t('update.message'),
        confirmButtonText: t('update.confirm'),
        cancelButtonText: t('update.cancel'),
      })
    } catch {
      needRefresh.value = false // "later": asked again at the next deployment or visit
      return
    }
    await updateServiceWorker(true)
  })
}
