// @vitest-environment node
import type { EntityRecord, PendingMutation, RejectedMutation } from '@doorstep/sync-client'
import { describe, expect, it } from 'vitest'

import { buildCaseViews, changedFields, matchesSearch } from '@/features/staff/case-model'

const CASE_ID = '4b6f1f0e-0000-4000-8000-000000000001'
const NEW_ID = '4b6f1f0e-0000-4000-8000-000000000002'

const serverCase: EntityRecord = {
  entity: 'case',
  id: CASE_ID,
  version: 3,
  deleted: false,
  data: {
    id: CASE_ID,
    kind: 'withdrawal',
    status: 'draft',
    fields: { name: '张伟', id_number: '520201198503150023', phone: '13812345678' },
    version: 3,
    updatedAt: '2026-11-26T08:00:00Z',
  },
}
const serverDocument: EntityRecord = {
  entity: 'document',
  id: 'doc-1',
  version: 1,
  deleted: false,
  data: {
    id: 'doc-1',
    caseId: CASE_ID,
    docType: 'id_card',
    sha256: 'a'.repeat(64),
    status: 'processed',
    fields: { name: '张伟' },
    checks: [{ code: 'IMAGE_GLARE', severity: 'warning', field: null, message: '照片反光' }],
  },
}

let nextId = 1
function mutation(name: string, args: object): PendingMutation {
  return { id: nextId++, name, args, createdAt: Date.parse('2026-11-27T01:00:00Z') }
}

describe('the case overlay', () => {
  it('shows pulled cases as synced with their documents and checks', () => {
    const [view] = buildCaseViews([serverCase, serverDocument], [])
    expect(view?.sync).toBe('synced')
    expect(view?.documents.map((d) => [d.docType, d.status])).toEqual([['id_card', 'processed']])
    expect(view?.documents[0]?.checks[0]?.code).toBe('IMAGE_GLARE')
  })

  it('lays unsent edits over the server copy, a null clearing a field', () => {
    const pending = [
      mutation('updateCase', { id: CASE_ID, fields: { phone: null, amount: '12000.00' } }),
    ]
    const [view] = buildCaseViews([serverCase], pending)
    expect(view?.sync).toBe('pending')
    expect(view?.fields).toEqual({
      name: '张伟',
      id_number: '520201198503150023',
      amount: '12000.00',
    })
  })

  it('shows a case created on the device before the server knows it, submitted and with its photo', () => {
    const pending = [
      mutation('createCase', {
        id: NEW_ID,
        kind: 'unit_registration',
        fields: { unit_name: '某公司' },
      }),
      mutation('updateCase', { id: NEW_ID, fields: { uscc: '91520221MA677WCG7A' } }),
      mutation('attachDocument', {
        caseId: NEW_ID,
        documentId: 'doc-2',
        sha256: 'b'.repeat(64),
        docType: 'business_licence',
      }),
      mutation('submitCase', { id: NEW_ID }),
    ]
    const views = buildCaseViews([serverCase], pending)
    const created = views.find((v) => v.id === NEW_ID)
    expect(created).toMatchObject({
      kind: 'unit_registration',
      status: 'submitted',
      version: null,
      sync: 'pending',
      pendingCount: 4,
      fields: { unit_name: '某公司', uscc: '91520221MA677WCG7A' },
    })
    expect(created?.documents.map((d) => [d.docType, d.status])).toEqual([
      ['business_licence', 'queued'],
    ])
    expect(views.find((v) => v.id === CASE_ID)?.sync).toBe('synced')
  })

  it('marks a case whose mutation the server refused as failed, with the reason', () => {
    const refused: RejectedMutation = {
      ...mutation('updateCase', { id: CASE_ID, fields: { phone: '123' } }),
      key: '1:9',
      error: { code: 'VALIDATION_FAILED', message: '手机号码应为 11 位' },
      rejectedAt: Date.now(),
    }
    const [view] = buildCaseViews([serverCase], [], [refused])
    expect(view?.sync).toBe('failed')
    expect(view?.rejections[0]?.error.message).toBe('手机号码应为 11 位')
  })

  it('leaves out deleted cases', () => {
    expect(buildCaseViews([{ ...serverCase, deleted: true, data: null }], [])).toEqual([])
  })

  it('finds cases by name or ID number', () => {
    const [view] = buildCaseViews([serverCase], [])
    expect(matchesSearch(view!, '张')).toBe(true)
    expect(matchesSearch(view!, '5202 0119')).toBe(true)
    expect(matchesSearch(view!, '李')).toBe(false)
  })
})

describe('draft saving', () => {
  it('sends only what changed, a cleared field as null', () => {
    expect(
      changedFields({ name: '张伟', phone: '1' }, { name: '张伟', phone: '', amount: '5.00' }),
    ).toEqual({
      phone: null,
      amount: '5.00',
    })
  })
})
