// Knowledge articles as pulled to the device (entity "article"), shaped for the offline index.
import type { EntityRecord } from '@doorstep/sync-client'

import type { KnowledgeArticle } from '@/knowledge'

export function articleOf(record: EntityRecord): KnowledgeArticle | null {
  if (record.deleted || typeof record.data !== 'object' || record.data === null) return null
  const data = record.data as Record<string, unknown>
  if (typeof data.title !== 'string' || typeof data.body !== 'string') return null
  return {
    id: record.id,
    title: data.title,
    body: data.body,
    category: typeof data.category === 'string' ? data.category : '',
    tags: Array.isArray(data.tags)
      ? data.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    version: typeof data.version === 'number' ? data.version : record.version,
    effectiveDate: typeof data.effectiveDate === 'string' ? data.effectiveDate : '',
  }
}
