import { describe, expect, it } from 'vitest'

import { dueDaysOf, parseQuestions } from '@/features/training/policy-check-form'
import en from '@/i18n/en'
import zhCN from '@/i18n/zh-CN'

describe('policy check questions', () => {
  it('reads one question a line, in half- or full-width separators, skipping blank lines', () => {
    const text = [
      '租房提取每年最多几次？ | 1次 / 2次 / 4次 | 1次',
      '',
      '无房证明有效期？｜30天；60天；90天｜90天',
    ].join('\n')
    expect(parseQuestions(text)).toEqual({
      questions: [
        { question: '租房提取每年最多几次？', options: ['1次', '2次', '4次'], answer: '1次' },
        { question: '无房证明有效期？', options: ['30天', '60天', '90天'], answer: '90天' },
      ],
      problem: null,
    })
    expect(parseQuestions('  \n ')).toEqual({ questions: [], problem: null })
  })

  it('names the first line it cannot read and why', () => {
    expect(parseQuestions('题目 | 甲 / 乙').problem).toEqual({ line: 1, reason: 'parts' })
    expect(parseQuestions('好题 | 甲 / 乙 | 甲\n题目 | 甲 | 甲').problem).toEqual({
      line: 2,
      reason: 'options',
    })
    expect(parseQuestions('题目 | 甲 / 乙 | 丙').problem).toEqual({ line: 1, reason: 'answer' })
    const many = Array.from({ length: 21 }, (_, i) => `第${i}题 | 是 / 否 | 是`).join('\n')
    expect(parseQuestions(many).problem).toEqual({ line: 21, reason: 'tooMany' })
  })

  it('accepts due days from 1 to 90 only', () => {
    expect(dueDaysOf(' 7 ')).toBe(7)
    expect(dueDaysOf('90')).toBe(90)
    for (const bad of ['0', '91', '2.5', '', '七']) expect(dueDaysOf(bad)).toBeNull()
  })

  it('has a Chinese and an English text for every problem', () => {
    for (const reason of ['dueDays', 'parts', 'options', 'answer', 'tooMany'] as const) {
      expect(zhCN.training.requireProblems[reason]).toBeTruthy()
      expect(en.training.requireProblems[reason]).toBeTruthy()
    }
    expect(zhCN.training.requireButton).toBe('设为必学（政策核对）')
  })
})
