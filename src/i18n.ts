/**
 * Messages in the user's language. A rule's messages are a map of message ids to texts with
 * `{{placeholders}}` (ESLint's `meta.messages`), one map per locale, kept as data beside the rule
 * (`rules/<id>/messages.json`); the engine's own texts (suggestions shared by several rules,
 * directive problems) are in `src/messages.json`. The message language (the locale) is the
 * user's, chosen by `--locale`, the config's `locale`, else the environment; it is independent
 * of the draft's language.
 */
import core from './messages.json' with {type: 'json'}

/** Languages cluelint speaks to its user in. */
export type Locale = 'en' | 'fr'
export const LOCALES: readonly Locale[] = ['en', 'fr']
export const DEFAULT_LOCALE: Locale = 'en'

/** Message texts by locale, then by message id. */
export type Messages = Record<Locale, Record<string, string>>

/** A number written with `digits` decimals, in the locale's way (`2.5` in English, `2,5` in French). */
export interface Decimal {
  decimal: number
  digits: number
}

/** Another message of the same map, rendered in the same locale and placed in this one. */
export interface MessageRef {
  messageId: string
  data?: MessageData
}

export type MessageValue = string | number | Decimal | MessageRef
export type MessageData = Record<string, MessageValue>

export function decimal(value: number, digits: number): Decimal {
  return {decimal: value, digits}
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The engine's own messages (see src/messages.json). */
export const coreMessages: Messages = core

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g

/** The placeholders a message text uses, sorted and without repeats. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))].sort()
}

function render(value: MessageValue | undefined, locale: Locale, maps: readonly Messages[]): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return locale === 'fr' ? String(value).replace('.', ',') : String(value)
  if ('decimal' in value) {
    const text = value.decimal.toFixed(value.digits)
    return locale === 'fr' ? text.replace('.', ',') : text
  }
  return formatWith(maps, locale, value.messageId, value.data)
}

function formatWith(maps: readonly Messages[], locale: Locale, id: string, data: MessageData = {}): string {
  let text: string | undefined
  for (const map of maps) {
    text = map[locale]?.[id] ?? map[DEFAULT_LOCALE]?.[id]
    if (text !== undefined) break
  }
  if (text === undefined) throw new Error(`cluelint: no message "${id}"`)
  // One pass: a placeholder's value is never searched for placeholders (a draft's words may hold `{{...}}`).
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in data ? render(data[name], locale, maps) : whole))
}

/**
 * The text of message `id` in `locale` (English when the locale has no such text), its
 * `{{placeholders}}` replaced by `data`. Ids are looked up in `messages`, then in the engine's own.
 */
export function formatMessage(messages: Messages | undefined, locale: Locale, id: string, data?: MessageData): string {
  return formatWith(messages ? [messages, coreMessages] : [coreMessages], locale, id, data)
}

/**
 * The locale a POSIX environment asks for: the first of LC_ALL, LC_MESSAGES and LANG that is set
 * (`fr_FR.UTF-8` → fr); undefined when none is, or it names a language cluelint does not speak
 * (`C`, `de_DE`).
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale | undefined {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((entry) => entry !== undefined && entry !== '')
  const language = value?.toLowerCase().match(/^[a-z]+/)?.[0]
  return isLocale(language) ? language : undefined
}

/** A browser's or editor's language tag (`fr-CA`, `en`) as a locale, if cluelint speaks it. */
export function localeFromTag(tag: string | undefined | null): Locale | undefined {
  const language = tag?.toLowerCase().match(/^[a-z]+/)?.[0]
  return isLocale(language) ? language : undefined
}

/** The message language: the flag, else the config, else the environment, else English. */
export function resolveLocale(choices: {flag?: string; config?: string; env?: Record<string, string | undefined>}): Locale {
  if (isLocale(choices.flag)) return choices.flag
  if (isLocale(choices.config)) return choices.config
  return (choices.env && localeFromEnv(choices.env)) ?? DEFAULT_LOCALE
}
