// Setting an article version must-know (政策必知): the optional questions typed one per line
// as `题目 | 选项A / 选项B / 选项C | 正确答案`, parsed into what requirePolicyCheck takes.

export interface PolicyQuestionInput {
  question: string
  options: string[]
  answer: string
}

export type QuestionProblem = 'parts' | 'options' | 'answer' | 'tooMany'

export interface ParsedQuestions {
  questions: PolicyQuestionInput[]
  /** The first line that cannot be read (1-based) and why; null when all are fine. */
  problem: { line: number; reason: QuestionProblem } | null
}

export const MAX_QUESTIONS = 20
export const MIN_DUE_DAYS = 1
export const MAX_DUE_DAYS = 90

export function parseQuestions(text: string): ParsedQuestions {
  const questions: PolicyQuestionInput[] = []
  const lines = text.split(/\r?\n/)
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === '') continue
    const line = index + 1
    const parts = raw.split(/[|｜]/).map((part) => part.trim())
    if (parts.length !== 3 || parts[0] === '')
      return { questions, problem: { line, reason: 'parts' } }
    const [question, optionText, answer] = parts as [string, string, string]
    const options = [
      ...new Set(
        optionText
          .split(/[/／;；]/)
          .map((option) => option.trim())
          .filter(Boolean),
      ),
    ]
    if (options.length < 2) return { questions, problem: { line, reason: 'options' } }
    if (!options.includes(answer)) return { questions, problem: { line, reason: 'answer' } }
    if (questions.length === MAX_QUESTIONS)
      return { questions, problem: { line, reason: 'tooMany' } }
    questions.push({ question, options, answer })
  }
  return { questions, problem: null }
}

/** The due days as typed, or null when not a whole number of days within 1–90. */
export function dueDaysOf(text: string): number | null {
  const value = Number(text.trim())
  return Number.isInteger(value) && value >= MIN_DUE_DAYS && value <= MAX_DUE_DAYS ? value : null
}
