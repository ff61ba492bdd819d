// Where the case's photos stand in the server's OCR queue, and about how long they will take:
// asked while the case has photos waiting to be read, shown beside each of them.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type { StaffOcrQueueQuery } from '@/api/graphql-types'

export const OCR_QUEUE = gql`
  query StaffOcrQueue($caseId: ID!) {
    ocrQueue(caseId: $caseId) {
      documentId
      position
      estimatedSeconds
    }
  }
`

export type QueuePlace = StaffOcrQueueQuery['ocrQueue'][number]

/** The places by document id; empty when offline or when the server cannot be asked. */
export async function fetchOcrQueue(
  client: GraphQLClient,
  caseId: string,
): Promise<Map<string, QueuePlace>> {
  if (!navigator.onLine) return new Map()
  try {
    const data = await client.request<StaffOcrQueueQuery>(OCR_QUEUE, { caseId })
    return new Map(data.ocrQueue.map((place) => [place.documentId, place]))
  } catch {
    return new Map()
  }
}

type Translate = (key: string, named: Record<string, unknown>) => string

/** "排队识别中：第 3 位，约 1 分钟"; rough on purpose: the rate is the recent one. */
export function queueText(place: QueuePlace, t: Translate): string {
  if (place.position === 0) return t('staff.detail.ocrQueue.reading', {})
  const seconds = place.estimatedSeconds
  if (seconds === null || seconds === undefined)
    return t('staff.detail.ocrQueue.waiting', { position: place.position })
  return t('staff.detail.ocrQueue.waitingFor', {
    position: place.position,
    time: waitText(seconds, t),
  })
}

export function waitText(seconds: number, t: Translate): string {
  if (seconds < 60) return t('staff.detail.ocrQueue.underMinute', {})
  const minutes = Math.round(seconds / 60)
  if (minutes < 90) return t('staff.detail.ocrQueue.minutes', { n: minutes })
  return t('staff.detail.ocrQueue.hours', { n: Math.round(minutes / 60) })
}
