// Which document field confirms which typed case field, to show recognised values beside
// typed ones (pure). Keys: spec section 4.
import type { DocumentView, Fields } from './case-model'

const CASE_KEY_OF: Record<string, Record<string, string>> = {
  id_card: { name: 'name', id_number: 'id_number', address: 'address' },
  loan_contract: { borrower_name: 'name', borrower_id_number: 'id_number' },
  repayment_statement: { borrower_name: 'name' },
  marital_status_certificate: { name: 'name', id_number: 'id_number' },
  no_housing_certificate: { name: 'name', id_number: 'id_number' },
  rental_contract: { tenant_name: 'name', tenant_id_number: 'id_number' },
  business_licence: {
    company_name: 'unit_name',
    uscc: 'uscc',
    legal_representative: 'legal_representative',
    address: 'unit_address',
  },
  unit_registration_form: {
    unit_name: 'unit_name',
    uscc: 'uscc',
    unit_address: 'unit_address',
    legal_representative: 'legal_representative',
    contact_name: 'contact_name',
    contact_phone: 'contact_phone',
    unit_deposit_ratio: 'unit_deposit_ratio',
    personal_deposit_ratio: 'personal_deposit_ratio',
    employee_count: 'employee_count',
    payday: 'payday',
    bank: 'bank',
  },
}

export interface Comparison {
  documentField: string
  recognised: string
  caseField: string | null
  typed: string | null
  differs: boolean
}

function comparable(value: string): string {
  return value.replace(/[\s%]/g, '').toUpperCase()
}

/** Every recognised value of the document, with the typed value it should equal (if any). */
export function compareDocument(document: DocumentView, typed: Fields): Comparison[] {
  const mapping = CASE_KEY_OF[document.docType ?? ''] ?? {}
  return Object.entries(document.fields).map(([documentField, recognised]) => {
    // A value the server copied into the case under its own name (e.g. the ID card's sex).
    const caseField =
      mapping[documentField] ?? (typed[documentField] !== undefined ? documentField : null)
    const value = caseField === null ? null : (typed[caseField] ?? null)
    return {
      documentField,
      recognised,
      caseField,
      typed: value,
      differs: value !== null && comparable(value) !== comparable(recognised),
    }
  })
}

/**
 * The case fields to highlight as 需核对: a field the server asks to check (low confidence or
 * not legible) on a processed document, while the case still shows the value read (or
 * nothing) there. Once staff typed something else, they have checked it.
 */
export function fieldsToCheck(documents: readonly DocumentView[], typed: Fields): Set<string> {
  const out = new Set<string>()
  for (const document of documents) {
    if (document.status !== 'processed' || document.needsCheck.length === 0) continue
    const asked = new Set(document.needsCheck)
    for (const row of compareDocument(document, typed)) {
      if (asked.has(row.documentField) && row.caseField !== null && !row.differs) {
        out.add(row.caseField)
      }
    }
    // Not legible: no value read, so only the document's own key can name the case field.
    const mapping = CASE_KEY_OF[document.docType ?? ''] ?? {}
    for (const key of document.needsCheck) {
      if (document.fields[key] !== undefined) continue
      const caseField = mapping[key] ?? key
      if (!typed[caseField]) out.add(caseField)
    }
  }
  return out
}
