import {z} from 'zod'
import {rules} from '../../rules/index.js'
import {coreMessages, LOCALES, placeholders} from '../i18n.js'
import {KIND_MESSAGES, KINDS, ROLE_PLACEHOLDERS, type DataRuleSpec} from '../kinds.js'
import {languages, packFor} from '../lang/packs.js'
import {listPaths, type CourtesyOption} from './words.js'
import type {Locale} from '../i18n.js'
import type {Rule} from '../rule.js'
import type {Channel, Lang, SeveritySetting} from '../types.js'

export type {CourtesyOption, WordsEdit, WordsOption} from './words.js'

/**
 * The configuration file, as written by the user. Every object is strict:
 * an unknown key is an error, and so is an unknown rule id, so a typo never
 * silently does nothing.
 */
export type RuleEntry = SeveritySetting | [SeveritySetting, Record<string, unknown>?]

export interface CluelintConfig {
  /** ESLint style: `id: severity` or `id: [severity, options]`. */
  rules?: Record<string, RuleEntry>
  lang?: Lang | 'auto'
  /** The language of messages (the user's): en or fr. */
  locale?: Locale
  channel?: Channel
  /** Lint drafts as templates (merge fields allowed). */
  template?: boolean
  minScore?: number
  maxWarnings?: number
  /** gitignore-style patterns, relative to the config file's folder. */
  ignore?: string[]
  /** A team's own rules, as data: files (JSON or YAML, relative to the config file's folder) or inline. */
  customRules?: Array<string | DataRuleSpec>
  /** Entries added to / removed from the courtesy lists the courtesy rules share, per language and list (`langs/<code>/courtesy.json`). */
  courtesy?: CourtesyOption
}

export const SEVERITY_SETTINGS = ['off', 'info', 'warn', 'error', 'warning'] as const satisfies readonly SeveritySetting[]
export const CHANNELS = ['email', 'linkedin-note', 'linkedin-message', 'follow-up'] as const satisfies readonly Channel[]

const severity = z.enum(SEVERITY_SETTINGS)
const wordList = z.array(z.string().trim().min(1))
const wordsEdit = z.strictObject({add: wordList.optional(), remove: wordList.optional()})
/** Per language (one key per known pack): a rule's word list, edited. */
const perLanguage = <T extends z.ZodType>(value: (code: string) => T) => z.strictObject(Object.fromEntries(languages().map((code) => [code, value(code).optional()])))
const wordsFor = () => perLanguage(() => wordsEdit)

/**
 * `courtesy: {<lang>: {<list path>: {add, remove}}}`: the lists of the language's
 * langs/<code>/courtesy.json, by path ("gratitude.strong"); a path that names no list of strings
 * is an error that names the group's lists (or the groups).
 */
function courtesySchema() {
  return perLanguage((code) => {
    const paths = listPaths(packFor(code).courtesy)
    return z.record(z.string(), wordsEdit).superRefine((value, context) => {
      for (const key of Object.keys(value)) {
        if (paths.includes(key)) continue
        const group = key.split('.')[0]
        const inGroup = paths.filter((path) => path.startsWith(group + '.'))
        const known = inGroup.length > 0 ? inGroup : [...new Set(paths.map((path) => (path.includes('.') ? path.split('.')[0] + '.…' : path)))]
        context.addIssue({code: 'custom', path: [key], input: value, message: `no such list in langs/${code}/courtesy.json (${inGroup.length > 0 ? 'lists' : 'groups'}: ${known.join(', ')})`})
      }
    })
  })
}

/** A value's schema from the type of the rule's default for it. */
function optionSchema(value: unknown): z.ZodType {
  if (typeof value === 'number') return z.number()
  if (typeof value === 'boolean') return z.boolean()
  if (typeof value === 'string') return z.string()
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return z.array(z.string())
  return z.unknown()
}

/**
 * A rule's options: the keys of its defaults, each with the type of its
 * default value, plus `words` when the rule's data can be extended.
 */
function ruleOptionsSchema(rule: Rule<any, any>) {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, value] of Object.entries(rule.options ?? {})) shape[key] = optionSchema(value).optional()
  if (rule.extend) shape.words = wordsFor().optional()
  return z.strictObject(shape)
}

function ruleEntrySchema(rule: Rule<any, any>) {
  return z.union([severity, z.tuple([severity, ruleOptionsSchema(rule).optional()])]).optional()
}

const text = z.string().trim().min(1)
const exampleText = z.union([z.string(), z.array(z.string())])
const finding = z.strictObject({
  rule: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  messageId: z.string(),
  excerpt: z.string()
})
const kindData = z.strictObject({
  $comment: z.string().optional(),
  phrases: z.array(z.union([text, z.strictObject({patterns: z.array(text).min(1), expected: z.array(z.string())})])).optional(),
  swap: z.record(text, z.union([z.string(), z.array(z.string())])).optional(),
  fillers: z.array(text).optional()
})
const messageTexts = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), text)

/**
 * A rule written as data (src/kinds.ts): a team's own rule in the config, or a built-in
 * rules/<id>/rule.json once its data and messages are read. What the kind reports must have a
 * message in English, with only the placeholders the kind fills in.
 */
export function dataRuleSchema(): z.ZodType<DataRuleSpec> {
  const known = languages()
  return z
    .strictObject({
      $comment: z.string().optional(),
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id (lower-case words joined by "-")'),
      kind: z.enum(KINDS),
      summary: text,
      rationale: text.optional(),
      category: z.enum(['personalization', 'courtesy', 'focus', 'wording', 'form']).optional(),
      severity: z.enum(['error', 'warning', 'info']).optional(),
      weight: z.number().min(0).max(100).optional(),
      max: z.number().int().min(0).optional(),
      scope: z.enum(['draft', 'sentence']).optional(),
      messageIds: z.record(z.string(), z.string()).optional(),
      messages: z.strictObject({en: messageTexts, fr: messageTexts.optional()}),
      data: z.record(z.string(), kindData),
      examples: z.record(z.string(), z.strictObject({bad: z.array(z.strictObject({text: exampleText, findings: z.array(finding)})), good: z.array(exampleText)})).optional(),
      url: z.url().optional()
    })
    .superRefine((spec, context) => {
      const issue = (path: PropertyKey[], message: string) => context.addIssue({code: 'custom', path, message})
      const langs = Object.keys(spec.data)
      if (langs.length === 0) issue(['data'], `expected phrases for at least one language (${known.join(', ')})`)
      for (const lang of langs) {
        if (!known.includes(lang)) issue(['data', lang], `unknown language (expected ${known.join(', ')})`)
        else if ((spec.data[lang]?.phrases?.length ?? 0) + Object.keys(spec.data[lang]?.swap ?? {}).length === 0) issue(['data', lang], 'expected at least one phrase')
        else if (spec.kind !== 'substitution' && spec.data[lang]?.swap) issue(['data', lang, 'swap'], `a ${spec.kind} rule has no replacements (swap is for kind substitution)`)
      }
      if (spec.kind !== 'occurrence') for (const key of ['max', 'scope'] as const) if (spec[key] !== undefined) issue([key], `only for kind occurrence`)
      for (const locale of LOCALES) {
        for (const id of Object.keys(spec.messages[locale] ?? {})) if (id in coreMessages.en) issue(['messages', locale, id], `"${id}" is one of cluelint's own message ids (choose another)`)
      }
      const roles = KIND_MESSAGES[spec.kind]
      for (const role of Object.keys(spec.messageIds ?? {})) if (!roles.includes(role)) issue(['messageIds', role], `kind ${spec.kind} reports ${roles.join(', ')}`)
      for (const role of roles) {
        const id = spec.messageIds?.[role] ?? role
        for (const locale of LOCALES) {
          const texts = spec.messages[locale]
          if (!texts) continue
          const message = texts[id]
          if (message === undefined) {
            if (locale === 'en') issue(['messages', 'en', id], `missing: kind ${spec.kind} reports it`)
            continue
          }
          const unknown = placeholders(message).filter((name) => !ROLE_PLACEHOLDERS[role].includes(name))
          if (unknown.length > 0) issue(['messages', locale, id], `unknown placeholder {{${unknown[0]}}} (expected ${ROLE_PLACEHOLDERS[role].map((name) => `{{${name}}}`).join(', ')})`)
        }
      }
    }) as unknown as z.ZodType<DataRuleSpec>
}

/** Is `id` the id of a built-in rule? */
export function isBuiltInRule(id: string): boolean {
  return rules.some((rule) => rule.id === id)
}

let schema: {languages: string; schema: z.ZodType<CluelintConfig>} | undefined

/**
 * Built on first use, from the rules and language packs that are registered (again when a pack is
 * added); with a config's own rules (`custom`), built for that config (their ids are rule ids too).
 */
export function configSchema(custom: readonly DataRuleSpec[] = []): z.ZodType<CluelintConfig> {
  const known = languages().join(',')
  if (custom.length === 0 && schema?.languages === known) return schema.schema
  const built = z.strictObject({
    rules: z
      .strictObject(
        Object.fromEntries([
          ...rules.map((rule) => [rule.id, ruleEntrySchema(rule)]),
          ...custom.map((rule) => [rule.id, z.union([severity, z.tuple([severity, z.strictObject(rule.kind === 'occurrence' ? {max: z.number().int().min(0).optional(), words: wordsFor().optional()} : {words: wordsFor().optional()}).optional()])]).optional()])
        ])
      )
      .optional(),
    lang: z.enum(['auto', ...languages()]).optional(),
    locale: z.enum(LOCALES as [Locale, ...Locale[]]).optional(),
    channel: z.enum(CHANNELS).optional(),
    template: z.boolean().optional(),
    minScore: z.number().int().min(0).max(100).optional(),
    maxWarnings: z.number().int().min(0).optional(),
    ignore: z.array(z.string().min(1)).optional(),
    customRules: z.array(z.union([z.string().min(1), z.record(z.string(), z.unknown())])).optional(),
    courtesy: courtesySchema().optional()
  }) as z.ZodType<CluelintConfig>
  if (custom.length === 0) schema = {languages: known, schema: built}
  return built
}

type Issue = z.core.$ZodIssue

/** `rules.length[1].maxWords` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key)
  return out
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function isTypeMismatch(issue: Issue): boolean {
  if (issue.code === 'invalid_type') return true
  if (issue.code === 'invalid_value') return issue.values.every((value) => typeof value !== typeof issue.input)
  return false
}

/**
 * The branch of a failed union the user meant: the one that got deepest
 * into the value, and otherwise one whose failure is not a mere type
 * mismatch ("loud" is a wrong severity, not a wrong [severity, options]).
 */
function closestBranch(branches: Issue[][]): Issue[] {
  let best = branches[0]
  let bestRank = -1
  for (const branch of branches) {
    const depth = branch.reduce((max, issue) => Math.max(max, issue.path.length), -Infinity)
    const rank = depth * 2 + (branch.some(isTypeMismatch) ? 0 : 1)
    if (rank > bestRank) {
      best = branch
      bestRank = rank
    }
  }
  return best
}

/** The first problem, as `key.path: expected …, got …`. */
export function describeIssue(issue: Issue, base: readonly PropertyKey[] = []): string {
  const path = [...base, ...issue.path]
  const where = path.length > 0 ? `${formatPath(path)}: ` : ''
  switch (issue.code) {
    case 'invalid_union': {
      const branch = closestBranch(issue.errors)
      return branch.length > 0 ? describeIssue(branch[0], path) : `${where}invalid value`
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0]
      const full = formatPath([...path, key])
      if (path.length === 1 && path[0] === 'rules') return `${full}: unknown rule id (run 'cluelint rules' for the list)`
      if (key === 'words' && path[0] === 'rules') return `${full}: rule ${String(path[1])} has no word list to extend`
      if ((path.length === 1 && path[0] === 'courtesy') || path[path.length - 1] === 'words') return `${full}: no language pack for "${String(key)}" (known: ${languages().join(', ')})`
      return `${full}: unknown key`
    }
    case 'invalid_value':
      return `${where}expected one of ${issue.values.map(String).join(', ')}, got ${show(issue.input)}`
    case 'invalid_type':
      if (issue.input === undefined) return `${where}missing (expected ${issue.expected})`
      return `${where}expected ${issue.expected === 'int' ? 'an integer' : issue.expected}, got ${show(issue.input)}`
    case 'too_big':
      return `${where}expected ${issue.origin === 'array' ? `at most ${issue.maximum} items` : issue.origin === 'string' ? `at most ${issue.maximum} characters` : `a number <= ${issue.maximum}`}, got ${show(issue.input)}`
    case 'too_small':
      return `${where}expected ${issue.origin === 'array' ? `at least ${issue.minimum} items` : issue.origin === 'string' ? 'a non-empty string' : `a number >= ${issue.minimum}`}, got ${show(issue.input)}`
    default:
      return `${where}${issue.message}`
  }
}
