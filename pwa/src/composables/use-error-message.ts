import { useI18n } from 'vue-i18n'

import { isApiError } from '@/api/errors'
import type { MessageSchema } from '@/i18n/zh-CN'

type ErrorKey = keyof MessageSchema['errors']

/**
 * The sentence to show a person for a failure: the server's own Chinese message when it
 * sent one, else the app's text for the code, else a general one.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, te } = useI18n<{ message: MessageSchema }>()
  return (error) => {
    if (isApiError(error)) {
      if (error.serverMessage !== null) return error.serverMessage
      const key = `errors.${error.code}`
      if (te(key)) return t(key)
    }
    return t(`errors.${'UNKNOWN' satisfies ErrorKey}`)
  }
}
