// @vitest-environment node
import { describe, expect, it } from 'vitest'

import { planQuery, planTerms, queryWords, synonymsOf } from '@/knowledge/query'
import { bigrams, tokenize } from '@/knowledge/tokenize'

describe('tokenize', () => {
  it('turns Chinese into overlapping bigrams and keeps other words whole', () => {
    expect(tokenize('租房提取 APP 12329')).toEqual(['租房', '房提', '提取', 'app', '12329'])
  })

  it('keeps a single Chinese character as it is', () => {
    expect(bigrams('房')).toEqual(['房'])
  })

  it('splits mixed runs into their Chinese and other parts', () => {
    expect(tokenize('拨打12329热线')).toEqual(['拨打', '热线', '12329'])
  })
})

describe('query planning (same synonyms and stop words as the server)', () => {
  it('expands a word to its synonym group with itself first', () => {
    expect(synonymsOf('公积金')).toEqual(['公积金', '住房公积金'])
    expect(synonymsOf('材料')).toEqual(['材料'])
  })

  it('splits a question at synonym words and drops question words', () => {
    expect(queryWords('租房提取需要什么材料')).toEqual(['租房', '提取', '材料'])
  })

  it('drops lone characters when longer words remain', () => {
    expect(queryWords('退休了怎么取公积金')).toEqual(['退休', '公积金'])
    expect(queryWords('房')).toEqual(['房'])
  })

  it('builds one group per topic word, each with its synonyms', () => {
    expect(planQuery('租赁 材料')).toEqual([['租赁', '租房', '租住', '房租'], ['材料']])
  })

  it('lists highlight terms longest first', () => {
    expect(planTerms([['公积金', '住房公积金'], ['材料']])).toEqual(['住房公积金', '公积金', '材料'])
  })
})
