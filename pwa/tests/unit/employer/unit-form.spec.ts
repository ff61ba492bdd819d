import { describe, expect, it } from 'vitest'

import {
  emptyUnitForm,
  isDepositRatio,
  isMobile,
  isPayday,
  toCaseFields,
  unitFormProblems,
  usccCheckCharacter,
  usccProblem,
  type UnitForm,
} from '@/features/employer/unit-form'

// A published example code (GB 32100 appendix style) whose check character is Y.
const VALID_USCC = '91350100M000100Y43'

function filled(): UnitForm {
  return {
    ...emptyUnitForm(),
    unit_name: '贵阳市云岩区示例科技有限公司',
    uscc: VALID_USCC,
    unit_address: '贵阳市云岩区中华北路 1 号',
    legal_representative: '李强',
    contact_name: '陈经办',
    contact_phone: '13800138000',
    unit_deposit_ratio: '12%',
    personal_deposit_ratio: '12',
    employee_count: '35',
    payday: '15',
    bank: '中国建设银行贵阳分行',
  }
}

describe('USCC (GB 32100)', () => {
  it('accepts a code whose check character matches', () => {
    expect(usccProblem(VALID_USCC)).toBeNull()
    expect(usccProblem('９１３５０１００Ｍ０００１００Ｙ４３')).toBeNull() // full-width keyboard
  })

  it('reports a wrong check character separately from a malformed code', () => {
    const last = VALID_USCC[17] === '3' ? '4' : '3'
    expect(usccProblem(VALID_USCC.slice(0, 17) + last)).toBe('usccChecksum')
    expect(usccProblem('91350100M000100Y4')).toBe('usccFormat')
    expect(usccProblem('91350100M000100I43')).toBe('usccFormat') // I is not in the alphabet
  })

  it('computes the MOD 31 check character', () => {
    expect(usccCheckCharacter(VALID_USCC.slice(0, 17))).toBe('3')
  })
})

describe('unit form checks', () => {
  it('passes a complete, well-formed registration', () => {
    expect(unitFormProblems(filled())).toEqual({})
  })

  it('names every empty field as required', () => {
    const problems = unitFormProblems(emptyUnitForm())
    expect(Object.keys(problems)).toHaveLength(11)
    expect(new Set(Object.values(problems))).toEqual(new Set(['required']))
  })

  it('keeps deposit ratios within 5–12 %', () => {
    expect(isDepositRatio('5%')).toBe(true)
    expect(isDepositRatio('12')).toBe(true)
    expect(isDepositRatio('4.99%')).toBe(false)
    expect(isDepositRatio('12.5%')).toBe(false)
    expect(unitFormProblems({ ...filled(), unit_deposit_ratio: '20%' }).unit_deposit_ratio).toBe(
      'ratio',
    )
  })

  it('checks the mobile number and the payday', () => {
    expect(isMobile('138 0013 8000')).toBe(true)
    expect(isMobile('12800138000')).toBe(false)
    expect(isPayday('31')).toBe(true)
    expect(isPayday('0')).toBe(false)
    expect(isPayday('32')).toBe(false)
    expect(unitFormProblems({ ...filled(), payday: '40' }).payday).toBe('payday')
  })

  it('sends fields as the server stores them', () => {
    const fields = toCaseFields({ ...filled(), uscc: ` ${VALID_USCC.toLowerCase()} ` })
    expect(fields.uscc).toBe(VALID_USCC)
    expect(fields.personal_deposit_ratio).toBe('12%')
  })
})
