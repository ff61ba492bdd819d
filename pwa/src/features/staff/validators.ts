// Field checks as the person types (pure). The server checks again: these only give
// immediate feedback. Algorithms: guides/domain.md "Validation algorithms (exact)".

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Full-width digits/letters (common from Chinese keyboards) to ASCII, trimmed. */
export function halfwidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
}

export type IdProblem = 'format' | 'birthDate' | 'checksum'

/** GB 11643-1999: null when valid, otherwise what is wrong. */
export function idNumberProblem(raw: string): IdProblem | null {
  const value = halfwidth(raw).toUpperCase()
  if (!/^\d{17}[\dX]$/.test(value)) return 'format'
  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(year, month - 1, day))
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  if (!real || year < 1900 || date.getTime() > Date.now()) return 'birthDate'
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11] === value[17] ? null : 'checksum'
}

export type UsccProblem = 'format' | 'checksum'

/** GB 32100-2015. A wrong check character is only a warning on the server (some real codes fail). */
export function usccProblem(raw: string): UsccProblem | null {
  const value = halfwidth(raw).toUpperCase()
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return 'format'
  let sum = 0
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(value[i]!) * USCC_WEIGHTS[i]!
  return USCC_CHARSET[(31 - (sum % 31)) % 31] === value[17] ? null : 'checksum'
}

export function isMobile(raw: string): boolean {
  return /^(?:\+?86)?1[3-9]\d{9}$/.test(halfwidth(raw).replace(/[\s-]/g, ''))
}

/** Amount as the server stores it: digits with two decimals ("350000.00"); null if not a number. */
export function normaliseAmount(raw: string): string | null {
  const value = halfwidth(raw).replace(/,/g, '')
  if (!/^(0|[1-9]\d{0,11})(\.\d{1,2})?$/.test(value)) return null
  return Number(value).toFixed(2)
}

export function isBankAccount(raw: string): boolean {
  return /^\d{10,30}$/.test(halfwidth(raw).replace(/\s/g, ''))
}

export interface RatioBounds {
  min: number
  max: number
}

/** Deposit ratio in percent ("12" or "12%"), within the policy's bounds (national: 5–12%). */
export function ratioProblem(raw: string, bounds: RatioBounds): 'format' | 'range' | null {
  const value = halfwidth(raw)
  if (!/^\d{1,2}(\.\d{1,2})?%?$/.test(value)) return 'format'
  const percent = Number(value.replace('%', ''))
  return percent < bounds.min || percent > bounds.max ? 'range' : null
}

/** Payday: a day of the month, 1–31 (centres often limit to 28; the server's policy decides). */
export function isPayday(raw: string, lastDay = 31): boolean {
  const value = halfwidth(raw)
  if (!/^\d{1,2}$/.test(value)) return false
  const day = Number(value)
  return day >= 1 && day <= lastDay
}

export function isPositiveInteger(raw: string): boolean {
  return /^[1-9]\d{0,6}$/.test(halfwidth(raw))
}
