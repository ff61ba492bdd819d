// What the drill page lets a trainee raise, and how each code reads (the server's labels).
export const FLAG_LABELS: Record<string, string> = {
  DOCUMENT_MISSING: '材料缺失',
  ID_MISMATCH: '身份信息不一致',
  ID_CHECKSUM_INVALID: '身份证号校验失败',
  MARITAL_STATUS_REVERSED: '婚姻状况反转',
  MARITAL_STATUS_CHANGED_RECENTLY: '近期婚姻状况变更',
  CERTIFICATE_EXPIRED: '证明已过期',
  PROPERTY_FOUND: '名下有房',
  AMOUNT_EXCEEDS_LIMIT: '金额超限',
  WITHDRAWAL_TOO_SOON: '提取间隔不足',
  IMAGE_REUSED: '照片重复使用',
}

/** Every rule and check code by its Chinese label (the server's `RULE_NAMES`). */
export const RULE_LABELS: Record<string, string> = {
  ...FLAG_LABELS,
  FIELD_MISSING: '字段缺失',
  DOCUMENT_UNREADABLE: '材料无法识别',
  FIELD_DISAGREES: '填写与识别不一致',
  USCC_CHECKSUM_INVALID: '信用代码校验失败',
  PROPERTY_REUSED: '房产重复使用',
  DEPOSIT_RATIO_OUT_OF_RANGE: '缴存比例超出范围',
}

export function ruleLabel(code: string): string {
  return RULE_LABELS[code] ?? code
}

/** The case fields a rent withdrawal drill asks for, with their labels. */
export const DRILL_FIELDS: readonly { key: string; label: string; placeholder?: string }[] = [
  { key: 'name', label: '姓名' },
  { key: 'id_number', label: '身份证号码' },
  { key: 'withdrawal_reason', label: '提取原因代码', placeholder: '如 07（租房）' },
  { key: 'amount', label: '提取金额', placeholder: '如 4800.00' },
  { key: 'marital_status', label: '婚姻状况' },
  { key: 'rental_address', label: '租赁房屋地址' },
  { key: 'monthly_rent', label: '月租金', placeholder: '如 800.00' },
]

export const DOC_LABELS: Record<string, string> = {
  id_card: '身份证',
  marital_status_certificate: '婚姻状况证明',
  no_housing_certificate: '无房证明',
  rental_contract: '租房合同',
  loan_contract: '借款合同',
  repayment_statement: '还款明细',
  business_licence: '营业执照',
  unit_registration_form: '单位缴存登记表',
}
