// @vitest-environment node
import { describe, expect, it } from 'vitest'

import type { DocumentView } from '@/features/staff/case-model'
import { fieldProblem, storedValue } from '@/features/staff/form-fields'
import { compareDocument } from '@/features/staff/ocr-compare'
import { BUILT_IN_POLICY, materialsFor, policyFromValues } from '@/features/staff/policy'
import { returnReason } from '@/features/staff/remote-case'

describe('field problems while typing', () => {
  it('waits for the 18th character before judging an ID number, then names a wrong check digit', () => {
    expect(fieldProblem('id_number', '52022119721204', BUILT_IN_POLICY, true)).toBeNull()
    expect(fieldProblem('id_number', '520221197212046746', BUILT_IN_POLICY, true)?.key).toBe(
      'staff.errors.idChecksum',
    )
    expect(fieldProblem('id_number', '52022119721204', BUILT_IN_POLICY)?.key).toBe(
      'staff.errors.idFormat',
    )
  })

  it('lets a USCC with a wrong check character be saved, with a warning', () => {
    expect(fieldProblem('uscc', '91520221MA677WCG7B', BUILT_IN_POLICY)).toEqual({
      key: 'staff.errors.usccChecksum',
      blocking: false,
    })
  })

  it('uses the policy ratio bounds', () => {
    const policy = policyFromValues([{ key: 'deposit_ratio.max_percent', value: '10.00' }])
    expect(fieldProblem('unit_deposit_ratio', '11', policy)).toMatchObject({
      params: { min: 5, max: 10 },
    })
    expect(fieldProblem('unit_deposit_ratio', '11', BUILT_IN_POLICY)).toBeNull()
  })

  it('stores values as the server keeps them', () => {
    expect(storedValue('amount', '12000')).toBe('12000.00')
    expect(storedValue('unit_deposit_ratio', '12')).toBe('12%')
    expect(storedValue('id_number', '11010519491231002x')).toBe('11010519491231002X')
    expect(storedValue('phone', '138 1234 5678')).toBe('13812345678')
  })
})

describe('policy', () => {
  it('lists the materials of the reason, the server overriding the built-in copy', () => {
    expect(materialsFor(BUILT_IN_POLICY, 'withdrawal', '06')).toEqual([
      'id_card',
      'loan_contract',
      'repayment_statement',
      'marital_status_certificate',
    ])
    expect(materialsFor(BUILT_IN_POLICY, 'withdrawal', undefined)).toEqual([])
    const policy = policyFromValues([
      { key: 'materials.withdrawal.03', value: ['id_card', 'no_housing_certificate'] },
    ])
    expect(materialsFor(policy, 'withdrawal', '03')).toEqual(['id_card', 'no_housing_certificate'])
    expect(materialsFor(policy, 'unit_registration', undefined)).toContain('business_licence')
  })
})

describe('recognised values beside typed ones', () => {
  const loanContract: DocumentView = {
    id: 'd',
    caseId: 'c',
    docType: 'loan_contract',
    sha256: '',
    status: 'processed',
    fields: {
      borrower_name: '熊瑶',
      borrower_id_number: '520221197212046745',
      loan_amount: '350000.00',
    },
    checks: [],
    needsCheck: [],
  }

  it('pairs document fields with case fields and flags differences', () => {
    const rows = compareDocument(loanContract, { name: '熊瑶', id_number: '520221197212046746' })
    expect(rows).toEqual([
      {
        documentField: 'borrower_name',
        recognised: '熊瑶',
        caseField: 'name',
        typed: '熊瑶',
        differs: false,
      },
      {
        documentField: 'borrower_id_number',
        recognised: '520221197212046745',
        caseField: 'id_number',
        typed: '520221197212046746',
        differs: true,
      },
      {
        documentField: 'loan_amount',
        recognised: '350000.00',
        caseField: null,
        typed: null,
        differs: false,
      },
    ])
  })

  it('pairs a value the server copied into the case under the same name', () => {
    const idCard: DocumentView = { ...loanContract, docType: 'id_card', fields: { sex: '女' } }
    expect(compareDocument(idCard, { sex: '女' })).toEqual([
      { documentField: 'sex', recognised: '女', caseField: 'sex', typed: '女', differs: false },
    ])
  })
})

describe('a returned case', () => {
  it("shows the latest return's reason", () => {
    const history = [
      { at: '1', actor: 'supervisor1', action: 'review', toStatus: 'returned', reason: '缺身份证' },
      { at: '2', actor: 'staff1', action: 'submit', toStatus: 'submitted', reason: null },
      { at: '3', actor: 'supervisor1', action: 'review', toStatus: 'returned', reason: '金额有误' },
    ]
    expect(returnReason({ status: 'returned', flags: [], history })).toBe('金额有误')
    expect(returnReason(null)).toBeNull()
  })
})
