// What only the server knows about a case (risk flags, history with the return reason):
// asked when online, remembered on the device (sealed) for offline visits.
import type { Store } from '@doorstep/sync-client'

import type { GraphQLClient } from '@/api/client'

import type { Check } from './case-model'

export interface RemoteCase {
  status: string
  flags: Check[]
  history: {
    at: string
    actor: string
    action: string
    toStatus: string | null
    reason: string | null
  }[]
}

const QUERY = `query StaffCase($id: ID!) { case(id: $id) { status
  flags { code severity field message }
  history { at actor action toStatus reason } } }`
/** Written by earlier versions in the clear (flag messages name the applicant): dropped. */
const LEGACY_PREFIX = 'doorstep.staff.case.'

/**
 * Where the answer is remembered for offline visits: a Store sealed with the device's data
 * key (features/security), never Web Storage, since flags quote names and ID numbers.
 */
export interface RemoteCaseCache {
  get(id: string): Promise<RemoteCase | null>
  put(id: string, value: RemoteCase): Promise<void>
}

export function storeCache(store: Store): RemoteCaseCache {
  return {
    get: async (id) =>
      (await store.read((tx) => tx.get<RemoteCase>('meta', ['remoteCase', id]))) ?? null,
    put: (id, value) => store.write((tx) => tx.put('meta', ['remoteCase', id], value)),
  }
}

export function dropLegacyCache(storage: Storage = localStorage): void {
  for (const key of Object.keys(storage)) {
    if (key.startsWith(LEGACY_PREFIX)) storage.removeItem(key)
  }
}

export async function fetchRemoteCase(
  client: GraphQLClient,
  id: string,
  cache: RemoteCaseCache | null,
): Promise<RemoteCase | null> {
  const cached = async () => (cache === null ? null : cache.get(id).catch(() => null))
  if (!navigator.onLine) return cached()
  try {
    const data = await client.request<{ case: RemoteCase }>(QUERY, { id })
    await cache?.put(id, data.case).catch(() => undefined)
    return data.case
  } catch {
    return cached()
  }
}

/** The supervisor's reason of the latest return, if the case was returned. */
export function returnReason(remote: RemoteCase | null): string | null {
  const returns = (remote?.history ?? []).filter((h) => h.toStatus === 'returned')
  return returns.at(-1)?.reason ?? null
}
