// @vitest-environment node
import type { EntityRecord } from '@doorstep/sync-client'
import { describe, expect, it } from 'vitest'

import {
  articleBySlug,
  conflictKey,
  fieldConflicts,
  handoversToConfirm,
  localToday,
  materialsFrom,
  navigationLinks,
  todaysVisits,
} from '@/features/visits/day-plan'
import { weekOf } from '@/features/visits/week'

function visit(id: string, data: Record<string, unknown>): EntityRecord {
  return {
    entity: 'visit',
    id,
    version: 1,
    deleted: false,
    data: { id, status: 'scheduled', ...data },
  }
}

describe('the day plan', () => {
  it('keeps today, morning before afternoon before unslotted', () => {
    const records = [
      visit('c', { scheduledFor: '2026-12-07', slot: null, address: '甲' }),
      visit('b', { scheduledFor: '2026-12-07', slot: 'pm', address: '乙' }),
      visit('a', { scheduledFor: '2026-12-07', slot: 'am', address: '丙' }),
      visit('x', { scheduledFor: '2026-12-08', slot: 'am', address: '丁' }),
      { ...visit('d', { scheduledFor: '2026-12-07' }), deleted: true },
    ]
    expect(todaysVisits(records, '2026-12-07').map((v) => v.id)).toEqual(['a', 'b', 'c'])
  })

  it('uses the centre calendar day', () => {
    expect(localToday(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07')
  })

  it('links the geo: URI and the map apps', () => {
    const hrefs = navigationLinks('钟山区 1 号').map((l) => l.href)
    expect(hrefs[0]).toBe('geo:0,0?q=%E9%92%9F%E5%B1%B1%E5%8C%BA%201%20%E5%8F%B7')
    expect(hrefs.some((h) => h.startsWith('androidamap://'))).toBe(true)
    expect(hrefs.some((h) => h.startsWith('baidumap://'))).toBe(true)
  })

  it('reads the materials section of the synced article', () => {
    const body =
      '# 条件\n\n1. 不是材料\n\n# 需要的材料\n\n1. 营业执照\n2. 法定代表人身份证\n- 公章\n\n# 其他\n- 不要'
    const articles: EntityRecord[] = [
      { entity: 'article', id: '1', version: 1, deleted: false, data: { slug: 's', body } },
    ]
    expect(materialsFrom(articleBySlug(articles, 's') ?? '')).toEqual([
      '营业执照',
      '法定代表人身份证',
      '公章',
    ])
    expect(articleBySlug(articles, 'other')).toBeNull()
  })

  it('lists field conflicts with both values, minus dismissed ones', () => {
    const conflict = {
      field: 'phone',
      value: '13900000000',
      overwritten: '13800000000',
      by: 'staff2',
      overwrittenBy: 'staff1',
      at: '2026-12-06T10:00:00+00:00',
      version: 4,
    }
    const cases: EntityRecord[] = [
      {
        entity: 'case',
        id: 'k1',
        version: 4,
        deleted: false,
        data: { fields: { name: '张三' }, conflicts: [conflict] },
      },
    ]
    const [found] = fieldConflicts(cases, new Set())
    expect(found).toMatchObject({
      caseName: '张三',
      value: '13900000000',
      overwritten: '13800000000',
    })
    expect(
      fieldConflicts(cases, new Set([conflictKey({ caseId: 'k1', field: 'phone', version: 4 })])),
    ).toEqual([])
  })

  it('confirms only handovers naming this device as pending', () => {
    const records: EntityRecord[] = [
      {
        entity: 'handover',
        id: 'h1',
        version: 1,
        deleted: false,
        data: { fromUser: 'u1', devices: [{ clientId: 'c1', state: 'pending' }] },
      },
      {
        entity: 'handover',
        id: 'h2',
        version: 2,
        deleted: false,
        data: { fromUser: 'u1', devices: [{ clientId: 'c1', state: 'synced' }] },
      },
    ]
    expect(handoversToConfirm(records, 'u1', 'c1')).toEqual(['h1'])
    expect(handoversToConfirm(records, 'u2', 'c1')).toEqual([])
  })

  it('builds the Monday-to-Sunday week', () => {
    expect(weekOf('2026-12-06')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ])
  })
})
