// What only the server knows about a case (risk flags, history with the return reason):
// asked when online, remembered on the device for offline visits.
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
const KEY = (id: string) => `doorstep.staff.case.${id}`

export function cachedRemoteCase(id: string, storage: Storage = localStorage): RemoteCase | null {
  try {
    const saved = storage.getItem(KEY(id))
    return saved === null ? null : (JSON.parse(saved) as RemoteCase)
  } catch {
    return null
  }
}

export async function fetchRemoteCase(
  client: GraphQLClient,
  id: string,
  storage: Storage = localStorage,
): Promise<RemoteCase | null> {
  if (!navigator.onLine) return cachedRemoteCase(id, storage)
  try {
    const data = await client.request<{ case: RemoteCase }>(QUERY, { id })
    storage.setItem(KEY(id), JSON.stringify(data.case))
    return data.case
  } catch {
    return cachedRemoteCase(id, storage)
  }
}

/** The supervisor's reason of the latest return, if the case was returned. */
export function returnReason(remote: RemoteCase | null): string | null {
  const returns = (remote?.history ?? []).filter((h) => h.toStatus === 'returned')
  return returns.at(-1)?.reason ?? null
}
