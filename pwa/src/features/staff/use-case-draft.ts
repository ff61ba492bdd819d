// The case form's draft: created with the first thing typed or photographed, then saved
// continuously through the outbox (debounced, on hiding the page, and before leaving).
import { computed, onBeforeUnmount, ref, watch, type ComputedRef, type Ref } from 'vue'
import { onBeforeRouteLeave, useRouter } from 'vue-router'

import type { SyncHandle } from '@/sync/use-sync'
import { bumpRevision } from '@/sync/use-sync'

import { changedFields, type CaseKind, type Fields } from './case-model'
import { fieldProblem, storedValue } from './form-fields'
import type { StaffPolicy } from './policy'

const SAVE_DELAY_MS = 600

export interface Unborn {
  kind: CaseKind
  startedAt: string
}

export interface DraftState {
  sync: SyncHandle
  caseId: Ref<string>
  unborn: Ref<Unborn | null>
  loaded: Ref<boolean>
  editable: ComputedRef<boolean>
  values: Fields
  /** What the outbox holds for the case (the fields last queued). */
  saved: Fields
  policy: Ref<StaffPolicy>
}

export function useCaseDraft(state: DraftState) {
  const { sync, caseId, unborn, loaded, editable, values, saved, policy } = state
  const router = useRouter()
  // "Saving" from the first key typed until the outbox holds the change: a timer still
  // waiting to save is not saved (and browser tests wait on this state, not on the delay).
  const scheduled = ref(false)
  const inFlight = ref(0)
  const saving = computed(() => scheduled.value || inFlight.value > 0)
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()
  /** Set while a navigation away from this form waits for the save. */
  let leaving = false

  /** Queues the createCase of a new form (once), before anything else about the case. */
  function ensureCreated(): Promise<void> {
    const birth = unborn.value
    if (birth === null) return chain
    unborn.value = null
    chain = chain.then(async () => {
      const client = await sync.client
      await client.mutate('createCase', {
        id: caseId.value,
        kind: birth.kind,
        fields: { visit_started_at: birth.startedAt },
      })
      bumpRevision()
      // Not awaited: leaving case-new runs the leave guard, which waits for this chain. Once
      // the person is on their way to another page, replacing would cancel that navigation
      // and pull them back here.
      if (!leaving) void router.replace({ name: 'case-edit', params: { id: caseId.value } })
    })
    return chain
  }

  /** Queues the fields changed since the last save; values that fail their check stay local. */
  function save(): Promise<void> {
    clearTimeout(timer)
    scheduled.value = false
    if (!loaded.value || !editable.value) return chain
    const current: Fields = {}
    for (const [key, raw] of Object.entries(values)) {
      const problem = fieldProblem(key, raw, policy.value)
      current[key] = problem?.blocking ? (saved[key] ?? '') : storedValue(key, raw)
    }
    const changes = changedFields(saved, current)
    if (Object.keys(changes).length === 0) return chain
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete saved[key]
      else saved[key] = value
    }
    inFlight.value += 1
    void ensureCreated()
    chain = chain.then(async () => {
      try {
        const client = await sync.client
        await client.mutate('updateCase', { id: caseId.value, fields: changes })
      } finally {
        inFlight.value -= 1
      }
    })
    return chain
  }

  watch(
    values,
    () => {
      if (!loaded.value || !editable.value) return
      clearTimeout(timer)
      scheduled.value = true
      timer = setTimeout(() => void save(), SAVE_DELAY_MS)
    },
    { deep: true },
  )
  const flush = () => {
    if (document.visibilityState === 'hidden') void save()
  }
  document.addEventListener('visibilitychange', flush)
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', flush)
    void save()
  })
  onBeforeRouteLeave(async (to) => {
    // Our own case-new → case-edit replace is not leaving the form.
    leaving = to.name !== 'case-edit' || to.params.id !== caseId.value
    try {
      return await save()
    } finally {
      leaving = false
    }
  })

  return { saving, ensureCreated, save }
}
