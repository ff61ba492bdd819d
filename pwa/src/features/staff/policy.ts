// Required materials and ratio bounds: from the server's policy when online (cached on the
// device), else the built-in copy below (the seeded defaults of
// backend/verification/policy_keys.py).
import type { GraphQLClient } from '@/api/client'

import type { RatioBounds } from './validators'

export const WITHDRAWAL_REASONS = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '99',
] as const

export interface StaffPolicy {
  materials: Record<string, string[]>
  unitMaterials: string[]
  ratio: RatioBounds
}

export const BUILT_IN_POLICY: StaffPolicy = {
  materials: {
    '01': ['id_card', 'marital_status_certificate'],
    '02': ['id_card', 'marital_status_certificate'],
    '03': ['id_card'],
    '04': ['id_card'],
    '05': ['id_card'],
    '06': ['id_card', 'loan_contract', 'repayment_statement', 'marital_status_certificate'],
    '07': ['id_card', 'rental_contract', 'no_housing_certificate', 'marital_status_certificate'],
    '08': ['id_card'],
    '09': ['id_card'],
    '99': ['id_card'],
  },
  unitMaterials: ['business_licence', 'id_card', 'unit_registration_form'],
  ratio: { min: 5, max: 12 },
}

const CACHE_KEY = 'doorstep.staff.policy.v1'
const POLICY_QUERY = 'query StaffPolicy { policy { values { key value } } }'

/** Builds the policy from the server's key/value rows; keys it lacks keep the built-in value. */
export function policyFromValues(values: { key: string; value: unknown }[]): StaffPolicy {
  const policy: StaffPolicy = structuredClone(BUILT_IN_POLICY)
  const isList = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((item) => typeof item === 'string')
  for (const { key, value } of values) {
    const reason = /^materials\.withdrawal\.(\d{2})$/.exec(key)?.[1]
    if (reason !== undefined && isList(value)) policy.materials[reason] = value
    else if (key === 'materials.unit_registration' && isList(value)) policy.unitMaterials = value
    else if (key === 'deposit_ratio.min_percent' && !Number.isNaN(Number(value)))
      policy.ratio.min = Number(value)
    else if (key === 'deposit_ratio.max_percent' && !Number.isNaN(Number(value)))
      policy.ratio.max = Number(value)
  }
  return policy
}

export function cachedPolicy(storage: Storage = localStorage): StaffPolicy {
  try {
    const saved = storage.getItem(CACHE_KEY)
    return saved === null ? BUILT_IN_POLICY : (JSON.parse(saved) as StaffPolicy)
  } catch {
    return BUILT_IN_POLICY
  }
}

/** Asks the server (when online) and caches the answer; any failure keeps the cached copy. */
export async function refreshPolicy(
  client: GraphQLClient,
  storage: Storage = localStorage,
): Promise<StaffPolicy> {
  if (!navigator.onLine) return cachedPolicy(storage)
  try {
    const data = await client.request<{ policy: { values: { key: string; value: unknown }[] } }>(
      POLICY_QUERY,
    )
    const policy = policyFromValues(data.policy.values)
    storage.setItem(CACHE_KEY, JSON.stringify(policy))
    return policy
  } catch {
    return cachedPolicy(storage)
  }
}

export function materialsFor(
  policy: StaffPolicy,
  kind: string,
  reason: string | undefined,
): string[] {
  if (kind === 'unit_registration') return policy.unitMaterials
  return reason === undefined ? [] : (policy.materials[reason] ?? ['id_card'])
}
