// App-wide part of Web Push (called once from App.vue): a click on a notification shows its
// page through the router, and the device's subscription follows whoever signs in.
import { onBeforeUnmount, watch } from 'vue'
import { useRouter } from 'vue-router'

import { useApi } from '@/api/doorstep-api'
import { useSession } from '@/auth/use-session'

import { openUrlFromMessage, SUBSCRIPTION_CHANGED_MESSAGE } from './notification'
import { reRegisterPush } from './push-device'

export function usePushApp(): void {
  const router = useRouter()
  const api = useApi()
  const session = useSession()
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return

  const reRegister = () => {
    // Best effort: offline now, the next start, sign-in or the switch registers it again.
    if (session.current.value !== null) reRegisterPush(api.client).catch(() => undefined)
  }
  const onMessage = (event: MessageEvent) => {
    const url = openUrlFromMessage(event.data)
    if (url !== null) void router.push(url)
    if ((event.data as { type?: unknown } | null)?.type === SUBSCRIPTION_CHANGED_MESSAGE) {
      reRegister()
    }
  }
  navigator.serviceWorker.addEventListener('message', onMessage)
  navigator.serviceWorker.startMessages()
  onBeforeUnmount(() => navigator.serviceWorker.removeEventListener('message', onMessage))

  watch(() => session.current.value?.user.id, reRegister, { immediate: true })
}
