// The unit registration form of spec section 4: its fields and their checks (pure).
// The server checks formats again (backend/cases/fields.py); these give the person the
// reason before anything is queued.

export const UNIT_FIELDS = [
  'unit_name',
  'uscc',
  'unit_address',
  'legal_representative',
  'contact_name',
  'contact_phone',
  'unit_deposit_ratio',
  'personal_deposit_ratio',
  'employee_count',
  'payday',
  'bank',
] as const
export type UnitField = (typeof UNIT_FIELDS)[number]
export type UnitForm = Record<UnitField, string>

export type Problem =
  'required' | 'usccFormat' | 'usccChecksum' | 'mobile' | 'ratio' | 'count' | 'payday'

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY' // GB 32100: no I, O, S, V, Z
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function emptyUnitForm(): UnitForm {
  return Object.fromEntries(UNIT_FIELDS.map((key) => [key, ''])) as UnitForm
}

/** Full-width digits and letters (common from Chinese keyboards) to ASCII. */
export function halfwidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/** GB 32100-2015 check character of the first 17 characters (MOD 31). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++)
    sum += USCC_ALPHABET.indexOf(first17[i] ?? '') * (USCC_WEIGHTS[i] ?? 0)
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? ''
}

export function usccProblem(raw: string): 'usccFormat' | 'usccChecksum' | null {
  const value = halfwidth(raw).trim().toUpperCase()
  if (value.length !== 18 || [...value].some((c) => !USCC_ALPHABET.includes(c))) return 'usccFormat'
  return usccCheckCharacter(value.slice(0, 17)) === value[17] ? null : 'usccChecksum'
}

export function isMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(halfwidth(raw).replace(/[\s-]/g, ''))
}

/** A deposit ratio between 5 % and 12 % (the national range), "%" optional. */
export function isDepositRatio(raw: string): boolean {
  const match = /^(\d{1,2}(?:\.\d{1,2})?)%?$/.exec(halfwidth(raw).trim())
  if (match === null) return false
  const ratio = Number(match[1])
  return ratio >= 5 && ratio <= 12
}

/** The monthly payday: a day of the month, 1–31. */
export function isPayday(raw: string): boolean {
  const value = halfwidth(raw).trim()
  return /^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= 31
}

/** Every field's problem, or an empty object when the form may be submitted. */
export function unitFormProblems(form: UnitForm): Partial<Record<UnitField, Problem>> {
  const problems: Partial<Record<UnitField, Problem>> = {}
  for (const key of UNIT_FIELDS) if (form[key].trim() === '') problems[key] = 'required'
  const check = (key: UnitField, problem: Problem | null): void => {
    if (problems[key] === undefined && problem !== null) problems[key] = problem
  }
  check('uscc', usccProblem(form.uscc))
  check('contact_phone', isMobile(form.contact_phone) ? null : 'mobile')
  check('unit_deposit_ratio', isDepositRatio(form.unit_deposit_ratio) ? null : 'ratio')
  check('personal_deposit_ratio', isDepositRatio(form.personal_deposit_ratio) ? null : 'ratio')
  check('employee_count', /^[1-9]\d{0,6}$/.test(form.employee_count.trim()) ? null : 'count')
  check('payday', isPayday(form.payday) ? null : 'payday')
  return problems
}

/** The fields as the server stores them: trimmed, half-width, ratios with "%". */
export function toCaseFields(form: UnitForm): Record<UnitField, string> {
  const fields = {} as Record<UnitField, string>
  for (const key of UNIT_FIELDS) fields[key] = halfwidth(form[key]).trim()
  fields.uscc = fields.uscc.toUpperCase()
  for (const key of ['unit_deposit_ratio', 'personal_deposit_ratio'] as const) {
    if (!fields[key].endsWith('%')) fields[key] += '%'
  }
  return fields
}

export function fromCaseFields(fields: Record<string, unknown>): UnitForm {
  const form = emptyUnitForm()
  for (const key of UNIT_FIELDS) {
    const value = fields[key]
    if (typeof value === 'string') form[key] = value
  }
  return form
}
