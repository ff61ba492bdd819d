// Case views read from the sync client, re-read whenever its revision moves.
import type { RejectedMutation, PendingMutation, StoredUpload } from '@doorstep/sync-client'
import { onBeforeUnmount, shallowRef, watch } from 'vue'

import { useSync, type SyncHandle } from '@/sync/use-sync'

import { buildCaseViews, type CaseView } from './case-model'

export interface LocalData {
  cases: CaseView[]
  pending: PendingMutation[]
  rejected: RejectedMutation[]
  uploads: StoredUpload[]
}

export async function readLocal(sync: SyncHandle): Promise<LocalData> {
  const client = await sync.client
  const [cases, documents, pending, rejected, uploads] = await Promise.all([
    client.listEntities('case'),
    client.listEntities('document'),
    client.pendingMutations(),
    client.rejectedMutations(),
    client.uploads(),
  ])
  return {
    cases: buildCaseViews([...cases, ...documents], pending, rejected),
    pending,
    rejected,
    uploads,
  }
}

export function useLocalData() {
  const sync = useSync()
  const data = shallowRef<LocalData | null>(null)
  let alive = true
  let reading = 0
  const reload = async () => {
    const ticket = ++reading
    const next = await readLocal(sync)
    if (alive && ticket === reading) data.value = next
  }
  const stop = watch(sync.revision, () => void reload(), { immediate: true })
  onBeforeUnmount(() => {
    alive = false
    stop()
  })
  return { sync, data, reload }
}
