// The cases as the person sees them: what the server last sent (pulled entities) with the
// device's unsent mutations laid over it, and each case's sync state. Pure.
import type { EntityRecord, PendingMutation, RejectedMutation } from '@doorstep/sync-client'

export type CaseKind = 'withdrawal' | 'unit_registration'
export const CASE_STATUSES = [
  'draft',
  'submitted',
  'processing',
  'needs_review',
  'approved',
  'returned',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type Fields = Record<string, string>

export interface Check {
  code: string
  severity: string
  field: string | null
  message: string
}

export interface DocumentView {
  id: string
  caseId: string
  docType: string | null
  sha256: string
  /** pending_upload / uploaded / processed… from the server; "queued" while only on the device. */
  status: string
  fields: Fields
  checks: Check[]
  /** Fields the server asks staff to check (需核对): read with low confidence, or not legible. */
  needsCheck: string[]
}

export type SyncState = 'pending' | 'synced' | 'failed'

export interface CaseView {
  id: string
  kind: CaseKind
  status: CaseStatus
  fields: Fields
  /** Server version the device has seen (null: never reached the server yet). */
  version: number | null
  documents: DocumentView[]
  sync: SyncState
  /** Why the server refused this case's mutations (until the person dismisses them). */
  rejections: RejectedMutation[]
  pendingCount: number
  updatedAt: string | null
  /** A drill's practice case (模拟演练): worked on the training pages, never in 我的任务. */
  practice?: boolean
}

type Json = Record<string, unknown>

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {}
}

function stringFields(value: unknown): Fields {
  const fields: Fields = {}
  for (const [key, item] of Object.entries(asObject(value))) {
    if (typeof item === 'string') fields[key] = item
    else if (typeof item === 'number') fields[key] = String(item)
  }
  return fields
}

function applyFields(fields: Fields, changes: unknown): Fields {
  const next = { ...fields }
  for (const [key, value] of Object.entries(asObject(changes))) {
    if (value === null || value === '') delete next[key]
    else if (typeof value === 'string') next[key] = value
  }
  return next
}

function toChecks(value: unknown): Check[] {
  if (!Array.isArray(value)) return []
  return value.map((item) => {
    const check = asObject(item)
    return {
      code: String(check.code ?? ''),
      severity: String(check.severity ?? 'info'),
      field: typeof check.field === 'string' ? check.field : null,
      message: String(check.message ?? ''),
    }
  })
}

function documentOf(data: Json): DocumentView {
  return {
    id: String(data.id),
    caseId: String(data.caseId),
    docType: typeof data.docType === 'string' ? data.docType : null,
    sha256: String(data.sha256 ?? ''),
    status: String(data.status ?? 'pending_upload'),
    fields: stringFields(data.fields),
    checks: toChecks(data.checks),
    needsCheck: Array.isArray(data.needsCheck)
      ? data.needsCheck.filter((key): key is string => typeof key === 'string')
      : [],
  }
}

/** The case a mutation concerns (createCase/updateCase/submitCase: id; attachDocument: caseId). */
export function caseIdOf(mutation: Pick<PendingMutation, 'name' | 'args'>): string | null {
  const args = asObject(mutation.args)
  const id = mutation.name === 'attachDocument' ? args.caseId : args.id
  return typeof id === 'string' ? id : null
}

export function buildCaseViews(
  entities: readonly EntityRecord[],
  pending: readonly PendingMutation[],
  rejected: readonly RejectedMutation[] = [],
): CaseView[] {
  const cases = new Map<string, CaseView>()
  const documents = new Map<string, DocumentView>()
  for (const record of entities) {
    if (record.deleted || record.data === null) continue
    const data = asObject(record.data)
    if (record.entity === 'case') {
      cases.set(record.id, {
        id: record.id,
        kind: data.kind === 'unit_registration' ? 'unit_registration' : 'withdrawal',
        status: (CASE_STATUSES as readonly string[]).includes(String(data.status))
          ? (data.status as CaseStatus)
          : 'draft',
        fields: stringFields(data.fields),
        version: typeof data.version === 'number' ? data.version : record.version,
        documents: [],
        sync: 'synced',
        rejections: [],
        pendingCount: 0,
        updatedAt: typeof data.updatedAt === 'string' ? data.updatedAt : null,
        practice: data.practice === true,
      })
    } else if (record.entity === 'document') {
      documents.set(record.id, documentOf(data))
    }
  }
  for (const mutation of pending) {
    const args = asObject(mutation.args)
    const id = caseIdOf(mutation)
    if (id === null) continue
    if (mutation.name === 'createCase' && !cases.has(id)) {
      cases.set(id, {
        id,
        kind: args.kind === 'unit_registration' ? 'unit_registration' : 'withdrawal',
        status: 'draft',
        fields: applyFields({}, args.fields),
        version: null,
        documents: [],
        sync: 'pending',
        rejections: [],
        pendingCount: 0,
        updatedAt: new Date(mutation.createdAt).toISOString(),
      })
    }
    const view = cases.get(id)
    if (view === undefined) continue
    view.pendingCount += 1
    view.sync = 'pending'
    if (mutation.name === 'updateCase') view.fields = applyFields(view.fields, args.fields)
    if (mutation.name === 'submitCase') view.status = 'submitted'
    if (mutation.name === 'attachDocument' && !documents.has(String(args.documentId))) {
      documents.set(String(args.documentId), {
        id: String(args.documentId),
        caseId: id,
        docType: typeof args.docType === 'string' ? args.docType : null,
        sha256: String(args.sha256 ?? ''),
        status: 'queued',
        fields: {},
        checks: [],
        needsCheck: [],
      })
    }
  }
  for (const mutation of rejected) {
    const view = cases.get(caseIdOf(mutation) ?? '')
    if (view === undefined) continue
    view.rejections.push(mutation)
    view.sync = 'failed'
  }
  for (const document of documents.values()) cases.get(document.caseId)?.documents.push(document)
  return [...cases.values()].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))
}

/** Search by name (or unit name) or ID number / USCC, ignoring case and spaces. */
export function matchesSearch(view: CaseView, query: string): boolean {
  const needle = query.replace(/\s/g, '').toUpperCase()
  if (needle === '') return true
  const haystack = ['name', 'id_number', 'unit_name', 'uscc', 'proxy_name']
    .map((key) => view.fields[key] ?? '')
    .join('\n')
    .toUpperCase()
  return haystack.includes(needle)
}

/** Mutations for the fields that changed since the last save (a cleared field is null). */
export function changedFields(saved: Fields, current: Fields): Record<string, string | null> {
  const changes: Record<string, string | null> = {}
  for (const key of new Set([...Object.keys(saved), ...Object.keys(current)])) {
    const before = saved[key] ?? ''
    const after = current[key] ?? ''
    if (before !== after) changes[key] = after === '' ? null : after
  }
  return changes
}
