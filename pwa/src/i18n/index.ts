import { Locale as VantLocale } from 'vant'
import vantZhCN from 'vant/es/locale/lang/zh-CN' // already part of Vant's core: costs nothing
import { createI18n } from 'vue-i18n'

import en from './en'
import zhCN, { type MessageSchema } from './zh-CN'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]

const LOCALE_KEY = 'doorstep.locale'

export function createDoorstepI18n(locale: AppLocale = 'zh-CN') {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { 'zh-CN': zhCN, en },
  })
}

export type DoorstepI18n = ReturnType<typeof createDoorstepI18n>

/** The language chosen on this device; Simplified Chinese unless the user picked another. */
export function savedLocale(storage: Storage): AppLocale {
  const saved = storage.getItem(LOCALE_KEY)
  return LOCALES.find((locale) => locale === saved) ?? 'zh-CN'
}

/** Switches the app, Vant's built-in texts and <html lang>, and remembers the choice. */
export async function applyLocale(
  current: { value: string },
  locale: AppLocale,
  storage?: Storage,
): Promise<void> {
  if (locale === 'en') {
    // Vant ships zh-CN by default; its English texts are loaded only when needed.
    const { default: enUS } = await import('vant/es/locale/lang/en-US')
    VantLocale.use('en-US', enUS)
  } else {
    VantLocale.use('zh-CN', vantZhCN)
  }
  current.value = locale
  document.documentElement.lang = locale
  storage?.setItem(LOCALE_KEY, locale)
}
