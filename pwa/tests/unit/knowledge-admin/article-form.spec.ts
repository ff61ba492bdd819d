import { describe, expect, it } from 'vitest'

import {
  emptyForm,
  formOf,
  formProblems,
  splitTags,
  toInput,
} from '@/features/knowledge-admin/article-form'
import type { EditableArticle } from '@/features/knowledge-admin/knowledge-admin-api'

const valid = {
  ...emptyForm('2026-11-27'),
  title: ' 租房提取需要哪些材料 ',
  body: '第一段。\n\n第二段。',
  category: '提取',
}

describe('article form', () => {
  it('accepts a complete form and trims what people type', () => {
    expect(formProblems(valid)).toEqual({})
    const input = toInput({
      ...valid,
      tags: '租房，提取、 租房 合同',
      policyRefs: '条例\n\n 条例 \n办法',
    })
    expect(input.title).toBe('租房提取需要哪些材料')
    expect(input.tags).toEqual(['租房', '提取', '合同'])
    expect(input.policyRefs).toEqual(['条例', '办法'])
    expect(input.effectiveDate).toBe('2026-11-27')
  })

  it('names each missing or wrong field', () => {
    const problems = formProblems({
      ...emptyForm('2026-02-30'),
      title: '   ',
      tags: Array.from({ length: 21 }, (_, index) => `标签${index}`).join(' '),
    })
    expect(problems).toEqual({
      title: 'titleRequired',
      body: 'bodyRequired',
      category: 'category',
      effectiveDate: 'date',
      tags: 'tags',
    })
  })

  it('refuses a title over 200 characters, an unknown category and a tag over 30', () => {
    const problems = formProblems({
      ...valid,
      title: '长'.repeat(201),
      category: '公积金',
      tags: '短 ' + '长'.repeat(31),
    })
    expect(problems.title).toBe('titleTooLong')
    expect(problems.category).toBe('category')
    expect(problems.tags).toBe('tags')
  })

  it('splits tags on Chinese and Latin separators without duplicates', () => {
    expect(splitTags('a, b，c、d  e a')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(splitTags('   ')).toEqual([])
  })

  it('opens a saved version with an empty change note', () => {
    const article = {
      id: 'a',
      slug: 's',
      version: 2,
      status: 'DRAFT',
      title: 'T',
      body: 'B',
      category: '贷款',
      tags: ['x', 'y'],
      policyRefs: ['p1', 'p2'],
      effectiveDate: '2026-01-01',
      changeNote: '上次的说明',
      updatedAt: '2026-01-01T00:00:00Z',
      publishedAt: null,
      publishedVersion: 1,
      versions: [],
    } satisfies EditableArticle
    expect(formOf(article)).toEqual({
      title: 'T',
      body: 'B',
      category: '贷款',
      effectiveDate: '2026-01-01',
      tags: 'x、y',
      policyRefs: 'p1\np2',
      changeNote: '',
    })
  })
})
