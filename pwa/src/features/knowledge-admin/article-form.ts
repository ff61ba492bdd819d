// The editor's form: what a person types, turned into ArticleInput, with the server's rules
// checked first so that mistakes are named next to the field (the server checks again).
import {
  CATEGORIES,
  MAX_TAG,
  MAX_TAGS,
  MAX_TITLE,
  type ArticleInput,
  type EditableArticle,
} from './knowledge-admin-api'

export interface ArticleForm {
  title: string
  body: string
  category: string
  effectiveDate: string
  /** Separated by commas, 、 or spaces. */
  tags: string
  /** One per line. */
  policyRefs: string
  changeNote: string
}

export type FormProblems = Partial<Record<keyof ArticleForm, string>>

export function emptyForm(today: string): ArticleForm {
  return {
    title: '',
    body: '',
    category: '',
    effectiveDate: today,
    tags: '',
    policyRefs: '',
    changeNote: '',
  }
}

export function formOf(article: EditableArticle): ArticleForm {
  return {
    title: article.title,
    body: article.body,
    category: article.category,
    effectiveDate: article.effectiveDate,
    tags: article.tags.join('、'),
    policyRefs: article.policyRefs.join('\n'),
    // A note describes one change; the next save starts a new one.
    changeNote: '',
  }
}

export function splitTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、\s]+/)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
}

function lines(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ]
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const parsed = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
}

/** Message keys (knowledgeAdmin.problems.*) per field; empty when the form can be saved. */
export function formProblems(form: ArticleForm): FormProblems {
  const problems: FormProblems = {}
  const title = form.title.trim()
  if (title === '') problems.title = 'titleRequired'
  else if (title.length > MAX_TITLE) problems.title = 'titleTooLong'
  if (form.body.trim() === '') problems.body = 'bodyRequired'
  if (!(CATEGORIES as readonly string[]).includes(form.category)) problems.category = 'category'
  if (!isIsoDate(form.effectiveDate)) problems.effectiveDate = 'date'
  const tags = splitTags(form.tags)
  if (tags.length > MAX_TAGS || tags.some((tag) => tag.length > MAX_TAG)) problems.tags = 'tags'
  return problems
}

export function toInput(form: ArticleForm): ArticleInput {
  return {
    title: form.title.trim(),
    body: form.body,
    category: form.category,
    effectiveDate: form.effectiveDate,
    tags: splitTags(form.tags),
    policyRefs: lines(form.policyRefs),
    changeNote: form.changeNote.trim(),
  }
}

/** Tag colours dark enough for white text (WCAG AA); Vant's own green and orange are not. */
export function statusColor(status: string): string {
  return status === 'PUBLISHED' ? '#1a7f37' : '#b54708'
}
