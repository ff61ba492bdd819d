// The day page's local data: visits, articles, cases, handovers and the outbox, re-read
// whenever the sync client's revision moves (works offline once synced).
import type { EntityRecord, PendingMutation } from '@doorstep/sync-client'
import { onBeforeUnmount, shallowRef, watch } from 'vue'

import { useSync } from '@/sync/use-sync'

export interface DayData {
  visits: EntityRecord[]
  articles: EntityRecord[]
  cases: EntityRecord[]
  inbox: EntityRecord[]
  handovers: EntityRecord[]
  pending: PendingMutation[]
  clientId: string
}

export function useDayData() {
  const sync = useSync()
  const data = shallowRef<DayData | null>(null)
  let alive = true
  let reading = 0
  const reload = async () => {
    const ticket = ++reading
    const client = await sync.client
    const [visits, articles, cases, inbox, handovers, pending, clientId] = await Promise.all([
      client.listEntities('visit'),
      client.listEntities('article'),
      client.listEntities('case'),
      client.listEntities('inbox'),
      client.listEntities('handover'),
      client.pendingMutations(),
      client.clientId(),
    ])
    if (alive && ticket === reading) {
      data.value = { visits, articles, cases, inbox, handovers, pending, clientId }
    }
  }
  const stop = watch(sync.revision, () => void reload(), { immediate: true })
  onBeforeUnmount(() => {
    alive = false
    stop()
  })
  return { sync, data, reload }
}
