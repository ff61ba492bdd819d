// The field worker's day (pure): today's visits in order, navigation links, the materials
// to bring (from the synced knowledge base) and field conflicts recorded on cases.
import type { EntityRecord } from '@doorstep/sync-client'

export interface DayVisit {
  id: string
  kind: string
  status: string
  name: string
  phone: string
  address: string
  note: string
  scheduledFor: string | null
  slot: string | null
  caseId: string | null
  outcome: string | null
  materialsArticle: string | null
}

export interface FieldConflict {
  caseId: string
  caseName: string
  field: string
  value: unknown
  overwritten: unknown
  by: string
  overwrittenBy: string
  at: string
  version: number
}

const SLOT_ORDER: Record<string, number> = { am: 0, pm: 1 }

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function strOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

/** The centre's calendar day (China Standard Time), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export function toDayVisit(record: EntityRecord): DayVisit | null {
  if (record.deleted || record.data === null) return null
  const d = asObject(record.data)
  return {
    id: record.id,
    kind: str(d.kind),
    status: str(d.status),
    name: str(d.name),
    phone: str(d.phone),
    address: str(d.address),
    note: str(d.note),
    scheduledFor: strOrNull(d.scheduledFor),
    slot: strOrNull(d.slot),
    caseId: strOrNull(d.caseId),
    outcome: strOrNull(d.outcome),
    materialsArticle: strOrNull(d.materialsArticle),
  }
}

/** Today's visits (open and finished), morning before afternoon, then unslotted. */
export function todaysVisits(records: EntityRecord[], today: string): DayVisit[] {
  return records
    .map(toDayVisit)
    .filter((v): v is DayVisit => v !== null && v.scheduledFor === today)
    .sort(
      (a, b) =>
        (SLOT_ORDER[a.slot ?? ''] ?? 2) - (SLOT_ORDER[b.slot ?? ''] ?? 2) ||
        a.address.localeCompare(b.address, 'zh-CN'),
    )
}

export interface NavLink {
  label: string
  href: string
}

/** geo: (Android picks the map app), 高德, 百度, and the web map as a fallback. */
export function navigationLinks(address: string): NavLink[] {
  const q = encodeURIComponent(address)
  return [
    { label: '地图', href: `geo:0,0?q=${q}` },
    {
      label: '高德',
      href: `androidamap://keywordNavi?sourceApplication=doorstep&keyword=${q}&style=2`,
    },
    { label: '百度', href: `baidumap://map/geocoder?address=${q}&src=doorstep` },
    { label: '网页地图', href: `https://uri.amap.com/search?keyword=${q}` },
  ]
}

/** The items under an article's 「材料」 heading (numbered or bulleted lines). */
export function materialsFrom(body: string): string[] {
  const items: string[] = []
  let inside = false
  for (const line of body.split('\n')) {
    if (line.startsWith('#')) {
      inside = line.includes('材料')
      continue
    }
    const match = /^\s*(?:\d+[.、]|[-*])\s*(.+)$/.exec(line)
    if (inside && match?.[1]) items.push(match[1].trim())
  }
  return items
}

export function articleBySlug(records: EntityRecord[], slug: string | null): string | null {
  if (slug === null) return null
  for (const record of records) {
    const d = asObject(record.data)
    if (!record.deleted && d.slug === slug) return str(d.body)
  }
  return null
}

/** Conflicts the server recorded on the device's cases, newest first, minus dismissed ones. */
export function fieldConflicts(
  cases: EntityRecord[],
  dismissed: ReadonlySet<string>,
): FieldConflict[] {
  const out: FieldConflict[] = []
  for (const record of cases) {
    if (record.deleted) continue
    const d = asObject(record.data)
    const fields = asObject(d.fields)
    const conflicts = Array.isArray(d.conflicts) ? d.conflicts : []
    for (const raw of conflicts) {
      const c = asObject(raw)
      const conflict: FieldConflict = {
        caseId: record.id,
        caseName: str(fields.name) || str(fields.unit_name) || record.id.slice(0, 8),
        field: str(c.field),
        value: c.value,
        overwritten: c.overwritten,
        by: str(c.by),
        overwrittenBy: str(c.overwrittenBy),
        at: str(c.at),
        version: typeof c.version === 'number' ? c.version : 0,
      }
      if (!dismissed.has(conflictKey(conflict))) out.push(conflict)
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at))
}

export function conflictKey(c: Pick<FieldConflict, 'caseId' | 'field' | 'version'>): string {
  return `${c.caseId}:${c.field}:${c.version}`
}

/** Handovers asking this device to send everything it holds (client rule, PROTOCOL.md). */
export function handoversToConfirm(
  records: EntityRecord[],
  userId: string,
  clientId: string,
): string[] {
  const ids: string[] = []
  for (const record of records) {
    const d = asObject(record.data)
    if (record.deleted || d.fromUser !== userId) continue
    const devices = Array.isArray(d.devices) ? d.devices : []
    if (devices.some((x) => asObject(x).clientId === clientId && asObject(x).state === 'pending')) {
      ids.push(record.id)
    }
  }
  return ids
}
