// 识别更正率: per document type and field, how many values read from photos staff corrected
// (the real-world accuracy figure of the reading; backend/corrections).
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type { CorrectionRatesQuery } from '@/api/graphql-types'

export type CorrectionRateRow = CorrectionRatesQuery['correctionRates'][number]

const CORRECTION_RATES = gql`
  query CorrectionRates {
    correctionRates {
      docType
      field
      fieldLabel
      read
      corrected
      correctedUnflagged
      rate
    }
  }
`

export async function fetchCorrectionRates(client: GraphQLClient): Promise<CorrectionRateRow[]> {
  const data = await client.request<CorrectionRatesQuery>(CORRECTION_RATES)
  return data.correctionRates
}
