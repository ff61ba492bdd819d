// The page's half of Background Sync: register the `doorstep-sync` tag while work waits.
//
// The sync client registers it too, but only from a page the worker controls; the first
// visit after install is not controlled (the worker waits for the update prompt and does
// not claim clients), yet the worker exists and can wake this window. So the app also
// registers through the registration itself whenever it is offline or failing with work
// queued. Registering a pending tag again does nothing.
import type { SyncStatus } from '@doorstep/sync-client'
import { SYNC_TAG } from '@doorstep/sync-client/service-worker'

interface SyncManagerLike {
  register(tag: string): Promise<void>
}

export interface ContainerLike {
  getRegistration(): Promise<
    { active: unknown; sync?: SyncManagerLike } | ServiceWorkerRegistration | undefined
  >
}

/** Queued work that only a later sync can send: offline, or the last round failed. */
export function needsBackgroundSync(status: SyncStatus | null): boolean {
  if (status === null) return false
  const waiting = status.pendingMutations > 0 || status.pendingUploads > 0
  return waiting && (status.state === 'offline' || status.state === 'error')
}

/** Registers the tag where Background Sync exists (Chromium); returns whether it did. */
export async function registerSyncTag(
  container: ContainerLike | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.serviceWorker,
): Promise<boolean> {
  if (container === undefined) return false
  try {
    const registration = (await container.getRegistration()) as
      { active: unknown; sync?: SyncManagerLike } | undefined
    if (registration?.active == null || registration.sync === undefined) return false
    await registration.sync.register(SYNC_TAG)
    return true
  } catch {
    return false
  }
}
