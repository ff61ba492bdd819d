// The fields of each case form, their check as the person types, and what submit needs.
import type { StaffPolicy } from './policy'
import {
  idNumberProblem,
  isBankAccount,
  isMobile,
  isPayday,
  isPositiveInteger,
  normaliseAmount,
  ratioProblem,
  usccProblem,
} from './validators'

export interface FieldSpec {
  key: string
  labelKey: string
  inputmode?: 'text' | 'numeric' | 'decimal' | 'tel'
  maxlength?: number
}

/** i18n key and params of the problem, or null. `blocking: false` = a warning, still saved. */
export interface FieldProblem {
  key: string
  params?: Record<string, number>
  blocking: boolean
}

export const WITHDRAWAL_FIELDS: FieldSpec[] = [
  { key: 'name', labelKey: 'staff.form.name', maxlength: 40 },
  { key: 'id_number', labelKey: 'staff.form.idNumber', maxlength: 18 },
  { key: 'phone', labelKey: 'staff.form.phone', inputmode: 'tel', maxlength: 14 },
  { key: 'address', labelKey: 'staff.form.address', maxlength: 120 },
]
export const WITHDRAWAL_MONEY_FIELDS: FieldSpec[] = [
  { key: 'amount', labelKey: 'staff.form.amount', inputmode: 'decimal', maxlength: 15 },
  { key: 'bank_account', labelKey: 'staff.form.bankAccount', inputmode: 'numeric', maxlength: 30 },
]
export const PROXY_FIELDS: FieldSpec[] = [
  { key: 'proxy_name', labelKey: 'staff.form.proxyName', maxlength: 40 },
  { key: 'proxy_id_number', labelKey: 'staff.form.proxyIdNumber', maxlength: 18 },
]
export const UNIT_FIELDS: FieldSpec[] = [
  { key: 'unit_name', labelKey: 'staff.form.unitName', maxlength: 100 },
  { key: 'uscc', labelKey: 'staff.form.uscc', maxlength: 18 },
  { key: 'unit_address', labelKey: 'staff.form.unitAddress', maxlength: 120 },
  { key: 'legal_representative', labelKey: 'staff.form.legalRepresentative', maxlength: 40 },
  { key: 'contact_name', labelKey: 'staff.form.contactName', maxlength: 40 },
  { key: 'contact_phone', labelKey: 'staff.form.contactPhone', inputmode: 'tel', maxlength: 14 },
  {
    key: 'unit_deposit_ratio',
    labelKey: 'staff.form.unitRatio',
    inputmode: 'decimal',
    maxlength: 6,
  },
  {
    key: 'personal_deposit_ratio',
    labelKey: 'staff.form.personalRatio',
    inputmode: 'decimal',
    maxlength: 6,
  },
  {
    key: 'employee_count',
    labelKey: 'staff.form.employeeCount',
    inputmode: 'numeric',
    maxlength: 7,
  },
  { key: 'payday', labelKey: 'staff.form.payday', inputmode: 'numeric', maxlength: 2 },
  { key: 'bank', labelKey: 'staff.form.bank', maxlength: 60 },
]

/** Required for submit: the policy's seeded required_fields (backend/verification/policy_keys.py). */
export const REQUIRED = {
  withdrawal: ['name', 'id_number', 'phone', 'withdrawal_reason', 'amount', 'bank_account'],
  proxy: ['proxy_name', 'proxy_id_number'],
  unit_registration: [
    'unit_name',
    'uscc',
    'unit_address',
    'legal_representative',
    'contact_name',
    'contact_phone',
    'unit_deposit_ratio',
    'personal_deposit_ratio',
  ],
}

const ID_KEYS: Record<string, string> = {
  format: 'staff.errors.idFormat',
  birthDate: 'staff.errors.idBirthDate',
  checksum: 'staff.errors.idChecksum',
}

/**
 * The problem with a value. `typing` is true while the person is still typing: an ID
 * number that is too short is not yet an error, a wrong check digit at 18 characters is.
 */
export function fieldProblem(
  key: string,
  raw: string,
  policy: StaffPolicy,
  typing = false,
): FieldProblem | null {
  const value = raw.trim()
  if (value === '') return null
  switch (key) {
    case 'id_number':
    case 'proxy_id_number': {
      if (typing && /^\d{0,17}$/.test(value)) return null
      const problem = idNumberProblem(value)
      return problem === null ? null : { key: ID_KEYS[problem]!, blocking: true }
    }
    case 'uscc': {
      if (typing && value.length < 18) return null
      const problem = usccProblem(value)
      if (problem === null) return null
      // GB 32100: some real codes fail the check; the server keeps them with a warning.
      return problem === 'checksum'
        ? { key: 'staff.errors.usccChecksum', blocking: false }
        : { key: 'staff.errors.usccFormat', blocking: true }
    }
    case 'phone':
    case 'contact_phone':
      if (typing && value.length < 11) return null
      return isMobile(value) ? null : { key: 'staff.errors.mobile', blocking: true }
    case 'amount':
      return normaliseAmount(value) === null ? { key: 'staff.errors.amount', blocking: true } : null
    case 'bank_account':
      if (typing && value.length < 10) return null
      return isBankAccount(value) ? null : { key: 'staff.errors.bankAccount', blocking: true }
    case 'unit_deposit_ratio':
    case 'personal_deposit_ratio': {
      const problem = ratioProblem(value, policy.ratio)
      if (problem === null) return null
      return problem === 'range'
        ? { key: 'staff.errors.ratioRange', params: { ...policy.ratio }, blocking: true }
        : { key: 'staff.errors.ratioFormat', blocking: true }
    }
    case 'payday':
      return isPayday(value) ? null : { key: 'staff.errors.payday', blocking: true }
    case 'employee_count':
      return isPositiveInteger(value) ? null : { key: 'staff.errors.employeeCount', blocking: true }
    default:
      return null
  }
}

/** The value as the server stores it (amount with two decimals, ratio with %, no spaces). */
export function storedValue(key: string, raw: string): string {
  const value = raw.trim()
  if (value === '') return ''
  if (key === 'amount') return normaliseAmount(value) ?? value
  if (key === 'unit_deposit_ratio' || key === 'personal_deposit_ratio')
    return value.endsWith('%') ? value : `${value}%`
  if (['id_number', 'proxy_id_number', 'uscc'].includes(key)) return value.toUpperCase()
  if (['phone', 'contact_phone', 'bank_account'].includes(key)) return value.replace(/[\s-]/g, '')
  return value
}
