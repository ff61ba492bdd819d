// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { highlight, plainText } from '@/knowledge/snippet'

describe('snippets', () => {
  it('reads Markdown as one line of plain text', () => {
    const markdown = '# 标题\n\n- 第一项 **重点**\n- [链接](https://x.cn)\n\n| a | b |\n|---|---|\n'
    expect(plainText(markdown)).toBe('标题 第一项 重点 链接 a b')
  })

  it('marks matches, the longer term winning where terms overlap', () => {
    expect(highlight('职工租房可以提取住房公积金', ['公积金', '住房公积金', '租房'])).toBe(
      '职工<mark>租房</mark>可以提取<mark>住房公积金</mark>',
    )
  })

  it('moves the window to the matches and shows ellipses', () => {
    const snippet = highlight('前'.repeat(100) + '租房提取' + '后'.repeat(100), ['租房'], 30)
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet).toContain('<mark>租房</mark>')
    expect(snippet.replace(/<\/?mark>/g, '')).toHaveLength(32)
  })

  it('escapes HTML so the snippet is safe to render', () => {
    expect(highlight('<script>租房</script>', ['租房'])).toBe(
      '&lt;script&gt;<mark>租房</mark>&lt;/script&gt;',
    )
  })

  it('gives the start of the text when nothing matches', () => {
    expect(highlight('甲乙丙丁', ['租房'], 2)).toBe('甲乙…')
  })
})
