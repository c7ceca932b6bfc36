import {packFor} from './packs.js'

/**
 * A language's name, from the runtime's own language names (`Intl.DisplayNames`: every language
 * the ICU data knows, in Node and in browsers), so that a new pack needs no table here: in the
 * user's locale ("French", "anglais"), or `native`, in the language itself, capitalised
 * ("English", "Français"). The pack's English name, then its code, when the runtime has none.
 */
export function languageName(code: string, locale = 'en', native = false): string {
  const shown = names(native ? code : locale)?.of(code)
  if (shown && shown !== code) return native ? shown.charAt(0).toLocaleUpperCase(code) + shown.slice(1) : shown
  try {
    return packFor(code).name
  } catch {
    return code
  }
}

/** One DisplayNames per locale, made on first use (bounded by the locales and packs asked about). */
const byLocale = new Map<string, Intl.DisplayNames | undefined>()

function names(locale: string): Intl.DisplayNames | undefined {
  if (!byLocale.has(locale)) {
    let made: Intl.DisplayNames | undefined
    try {
      made = new Intl.DisplayNames([locale, 'en'], {type: 'language', fallback: 'code'})
    } catch {
      made = undefined
    }
    byLocale.set(locale, made)
  }
  return byLocale.get(locale)
}
