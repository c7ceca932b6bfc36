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

function render(value: MessageValue | undefined, locale: Locale, messages: Messages | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return locale === 'fr' ? String(value).replace('.', ',') : String(value)
  if ('decimal' in value) {
    const text = value.decimal.toFixed(value.digits)
    return locale === 'fr' ? text.replace('.', ',') : text
  }
  return formatWith(messages, locale, value.messageId, value.data)
}

/**
 * A message text cut at its placeholders: literal text at even indices, placeholder names (and
 * the placeholder as written, kept when `data` has no such name) in between.
 */
interface Template {
  parts: string[]
  written: string[]
}

/** Message texts cut once; the texts are the message maps' (bounded: cleared past MAX_TEMPLATES). */
const templates = new Map<string, Template>()
const MAX_TEMPLATES = 4096

function templateOf(text: string): Template {
  let template = templates.get(text)
  if (template === undefined) {
    const parts: string[] = []
    const written: string[] = []
    let last = 0
    for (const match of text.matchAll(PLACEHOLDER)) {
      parts.push(text.slice(last, match.index), match[1])
      written.push(match[0])
      last = match.index + match[0].length
    }
    parts.push(text.slice(last))
    if (templates.size >= MAX_TEMPLATES) templates.clear()
    templates.set(text, (template = {parts, written}))
  }
  return template
}

function formatWith(messages: Messages | undefined, locale: Locale, id: string, data: MessageData = {}): string {
  const text = lookup(messages, locale, id) ?? lookup(coreMessages, locale, id)
  if (text === undefined) throw new Error(`cluelint: no message "${id}"`)
  const {parts, written} = templateOf(text)
  if (parts.length === 1) return text
  // One pass: a placeholder's value is never searched for placeholders (a draft's words may hold `{{...}}`).
  let out = parts[0]
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index]
    out += (name in data ? render(data[name], locale, messages) : written[index >> 1]) + parts[index + 1]
  }
  return out
}

function lookup(messages: Messages | undefined, locale: Locale, id: string): string | undefined {
  return messages === undefined ? undefined : (messages[locale]?.[id] ?? messages[DEFAULT_LOCALE]?.[id])
}

/**
 * The text of message `id` in `locale` (English when the locale has no such text), its
 * `{{placeholders}}` replaced by `data`. Ids are looked up in `messages`, then in the engine's own.
 */
export function formatMessage(messages: Messages | undefined, locale: Locale, id: string, data?: MessageData): string {
  return formatWith(messages, locale, id, data)
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
