// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { buildIndex, essentialWords, type KnowledgeArticle } from '@/knowledge/index'

const SEED_DIRECTORY = join(__dirname, '../../../../backend/knowledge/seed_articles')

function article(id: string, title: string, body: string, extra: Partial<KnowledgeArticle> = {}): KnowledgeArticle {
  return { id, title, body, category: '其他', tags: [], version: 1, effectiveDate: '2026-03-01', ...extra }
}

/** The server's seed articles, read from their front matter (a few fields are enough). */
function seedArticles(): KnowledgeArticle[] {
  return readdirSync(SEED_DIRECTORY)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const text = readFileSync(join(SEED_DIRECTORY, name), 'utf-8')
      const [, front = '', body = ''] = text.split(/^---$/m)
      const field = (key: string): string => new RegExp(`^${key}: (.*)$`, 'm').exec(front)?.[1] ?? ''
      const tags = JSON.parse(field('tags') || '[]') as string[]
      return article(field('slug'), field('title'), body, { category: field('category'), tags })
    })
}

describe('offline knowledge index', () => {
  it('leaves out synonyms that contain a shorter synonym (they add no match)', () => {
    expect(essentialWords(['住房公积金', '公积金'])).toEqual(['公积金'])
    expect(essentialWords(['租房', '租赁'])).toEqual(['租房', '租赁'])
  })


  it('ranks a title match above body matches', () => {
    const index = buildIndex([
      article('body', '房屋日常维护问答', '阳台漏水怎么办？阳台防水层老化时，阳台地面要重做防水。'),
      article('title', '阳台防水维修须知', '施工前请与物业联系。'),
    ])
    expect(index.search('阳台').map((hit) => hit.id)).toEqual(['title', 'body'])
  })

  it('finds an article worded with a synonym of the query', () => {
    const index = buildIndex([
      article('rent', '外墙保温常见问题', '租房的职工可以向房东了解外墙保温情况。'),
      article('other', '外墙清洗', '每年清洗一次。'),
    ])
    expect(index.search('外墙 租赁').map((hit) => hit.id)).toEqual(['rent'])
  })

  it('needs every topic word, and falls back to any when none match them all', () => {
    const index = buildIndex([
      article('a', '外墙保温', '保温材料说明'),
      article('b', '阳台防水', '防水材料说明'),
    ])
    expect(index.search('外墙 材料').map((hit) => hit.id)).toEqual(['a'])
    expect(index.search('外墙 阳台').map((hit) => hit.id).sort()).toEqual(['a', 'b'])
  })

  it('returns version, effective date, category and a highlighted snippet', () => {
    const index = buildIndex([
      article('a', '外墙保温常见问题', '## 说明\n租房的职工**可以**向房东了解外墙保温情况。', {
        version: 3,
        effectiveDate: '2026-09-20',
      }),
    ])
    const [hit] = index.search('外墙保温')
    expect(hit).toMatchObject({ id: 'a', version: 3, effectiveDate: '2026-09-20', category: '其他' })
    expect(hit!.snippet).toBe('说明 租房的职工可以向房东了解<mark>外墙保温</mark>情况。')
  })

  it('answers nothing for a query of punctuation', () => {
    expect(buildIndex([article('a', '外墙', '说明')]).search('！？')).toEqual([])
  })

  it('answers the common questions from the seed articles like the server does', () => {
    const index = buildIndex(seedArticles())
    expect(index.size).toBeGreaterThanOrEqual(30)
    const expectations: Record<string, string> = {
      租房提取需要什么材料: '租房提取住房公积金（原因 07）',
      退休了怎么取公积金: '离休、退休销户提取（原因 03）',
      买房提取: '购买住房提取住房公积金（原因 01）',
      上门核查流程: '上门核查（外勤）工作流程',
      大病医疗: '大病医疗提取（原因 09）',
    }
    for (const [question, title] of Object.entries(expectations)) {
      expect([question, index.search(question, 3)[0]?.title]).toEqual([question, title])
    }
  })
})
