import {z} from 'zod'
import {rules} from '../../rules/index.js'
import {LOCALES} from '../i18n.js'
import type {Locale} from '../i18n.js'
import type {Rule} from '../rule.js'
import type {Channel, Lang, SeveritySetting} from '../types.js'

export type {WordsEdit, WordsOption} from './words.js'

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
}

export const SEVERITY_SETTINGS = ['off', 'info', 'warn', 'error', 'warning'] as const satisfies readonly SeveritySetting[]
export const CHANNELS = ['email', 'linkedin-note', 'linkedin-message', 'follow-up'] as const satisfies readonly Channel[]

const severity = z.enum(SEVERITY_SETTINGS)
const wordList = z.array(z.string().trim().min(1))
const wordsEdit = z.strictObject({add: wordList.optional(), remove: wordList.optional()})
const words = z.strictObject({en: wordsEdit.optional(), fr: wordsEdit.optional()})

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
  if (rule.extend) shape.words = words.optional()
  return z.strictObject(shape)
}

function ruleEntrySchema(rule: Rule<any, any>) {
  return z.union([severity, z.tuple([severity, ruleOptionsSchema(rule).optional()])]).optional()
}

let schema: z.ZodType<CluelintConfig> | undefined

/** Built on first use, from the rules that are registered. */
export function configSchema(): z.ZodType<CluelintConfig> {
  schema ??= z.strictObject({
    rules: z.strictObject(Object.fromEntries(rules.map((rule) => [rule.id, ruleEntrySchema(rule)]))).optional(),
    lang: z.enum(['auto', 'en', 'fr']).optional(),
    locale: z.enum(LOCALES as [Locale, ...Locale[]]).optional(),
    channel: z.enum(CHANNELS).optional(),
    template: z.boolean().optional(),
    minScore: z.number().int().min(0).max(100).optional(),
    maxWarnings: z.number().int().min(0).optional(),
    ignore: z.array(z.string().min(1)).optional()
  }) as z.ZodType<CluelintConfig>
  return schema
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
