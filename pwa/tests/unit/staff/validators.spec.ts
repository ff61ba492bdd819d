// @vitest-environment node
import { describe, expect, it } from 'vitest'

import {
  halfwidth,
  idNumberProblem,
  isBankAccount,
  isMobile,
  isPayday,
  normaliseAmount,
  ratioProblem,
  usccProblem,
} from '@/features/staff/validators'

describe('resident ID numbers (GB 11643)', () => {
  it('accepts a number whose check digit is right, also with a lower-case or full-width x', () => {
    expect(idNumberProblem('520221197212046745')).toBeNull()
    expect(idNumberProblem('11010519491231002X')).toBeNull()
    expect(idNumberProblem('11010519491231002x')).toBeNull()
    expect(idNumberProblem('５２０２２１１９７２１２０４６７４５')).toBeNull()
  })

  it('names a wrong check digit', () => {
    expect(idNumberProblem('520221197212046746')).toBe('checksum')
  })

  it('names a birth date that does not exist', () => {
    expect(idNumberProblem('520221197202306745')).toBe('birthDate')
  })

  it('names the wrong length or characters', () => {
    expect(idNumberProblem('52022119721204674')).toBe('format')
    expect(idNumberProblem('52022119721204674A')).toBe('format')
  })
})

describe('unified social credit codes (GB 32100)', () => {
  it('accepts a code whose check character is right', () => {
    expect(usccProblem('91520221MA677WCG7A')).toBeNull()
    expect(usccProblem('91520201027915438B')).toBeNull()
  })

  it('tells a wrong check character from a malformed code', () => {
    expect(usccProblem('91520221MA677WCG7B')).toBe('checksum')
    expect(usccProblem('91520221MA677WCG7')).toBe('format')
    expect(usccProblem('91520221MA677WCGIA')).toBe('format') // no I, O, S, V, Z
  })
})

describe('other fields', () => {
  it('knows mainland mobile numbers', () => {
    expect(isMobile('13812345678')).toBe(true)
    expect(isMobile('+86 138 1234 5678')).toBe(true)
    expect(isMobile('12812345678')).toBe(false)
    expect(isMobile('1381234567')).toBe(false)
  })

  it('stores amounts with two decimals', () => {
    expect(normaliseAmount('12000')).toBe('12000.00')
    expect(normaliseAmount('1,200.5')).toBe('1200.50')
    expect(normaliseAmount('12.345')).toBeNull()
    expect(normaliseAmount('-5')).toBeNull()
  })

  it('keeps deposit ratios within the policy bounds', () => {
    const bounds = { min: 5, max: 12 }
    expect(ratioProblem('12', bounds)).toBeNull()
    expect(ratioProblem('5%', bounds)).toBeNull()
    expect(ratioProblem('4.99', bounds)).toBe('range')
    expect(ratioProblem('15', bounds)).toBe('range')
    expect(ratioProblem('twelve', bounds)).toBe('format')
  })

  it('accepts a payday from 1 to the last allowed day', () => {
    expect(isPayday('1')).toBe(true)
    expect(isPayday('31')).toBe(true)
    expect(isPayday('29', 28)).toBe(false)
    expect(isPayday('0')).toBe(false)
  })

  it('checks bank accounts and converts full-width input', () => {
    expect(isBankAccount('6222 0212 3456 7890 123')).toBe(true)
    expect(isBankAccount('12345')).toBe(false)
    expect(halfwidth('　１２Ａ　')).toBe('12A')
  })
})
