import {editList, editPatterns} from './config/words.js'
import type {Messages} from './i18n.js'
import {exampleTexts, perList, type ExamplesFile, type Rule, type RuleCategory, type RuleContext} from './rule.js'
import {isNegated} from './text/negation.js'
import {compilePhrases, type Match, type PhraseMatcher} from './text/phrases.js'
import {isUsed} from './text/prose.js'
import type {Lang, Severity} from './types.js'

/**
 * Rules written as data, in a few kinds (Vale's model): a built-in rule's `rules/<id>/rule.json`
 * (its per-language data in `<lang>.json`, its messages in `messages.json`, its examples in
 * `examples.json`, beside it), or a team's own rule declared in the config. Phrases use the
 * pattern syntax of src/text/phrases.ts (`came|stumbled across`, `just?`, `*`, `=exact`), matched
 * in any inflection and case; a phrase that is quoted, negated ("not a turnkey solution") or
 * inside a merge field is not counted.
 *
 * - `existence`: flag every use of a listed phrase. Message `found` ({{words}}).
 * - `substitution`: flag a phrase and offer plainer words: message `swap` ({{words}},
 *   {{example}}: the first replacement) when the entry has replacements, else `found`.
 * - `occurrence`: flag a phrase of the list used more than `max` times (an option) in the draft,
 *   or in one sentence (`scope: sentence`): each use past the max is a finding. Message
 *   `tooMany` ({{words}}, {{count}}, {{max}}).
 */
export const KINDS = ['existence', 'substitution', 'occurrence'] as const
export type Kind = (typeof KINDS)[number]

/** The message ids each kind reports, by role; a rule may rename them (`messageIds`). */
export const KIND_MESSAGES: Record<Kind, readonly string[]> = {
  existence: ['found'],
  substitution: ['swap', 'found'],
  occurrence: ['tooMany']
}

/** The placeholders each role's message may use. */
export const ROLE_PLACEHOLDERS: Record<string, readonly string[]> = {
  found: ['words', 'example'],
  swap: ['words', 'example'],
  tooMany: ['words', 'count', 'max']
}

/** An entry of a substitution list: its patterns, and the plainer words (`<...>`: for the writer to fill in). */
export interface Substitute {
  patterns: string[]
  expected: string[]
}

/** What a data rule holds for one language. */
export interface KindData {
  /** existence and occurrence: the phrases; substitution: the entries. */
  phrases?: Array<string | Substitute>
  /** substitution, shorter: `{phrase: replacement | [replacements]}`, added after `phrases`. */
  swap?: Record<string, string | string[]>
  /** Words skipped between a phrase's words ("I *just* came across"). */
  fillers?: string[]
}

/** A rule as data: rule.json, or an entry of the config's `rules` list of user rules. */
export interface DataRuleSpec {
  id: string
  kind: Kind
  summary: string
  rationale?: string
  category?: RuleCategory
  severity?: Severity
  /** Points its first finding costs at error severity (see the README's Score). */
  weight?: number
  /** occurrence: how many uses are fine (default 1), and where they are counted (default the draft). */
  max?: number
  scope?: 'draft' | 'sentence'
  /**
   * Message ids by role (see KIND_MESSAGES), when the rule's messages name them otherwise. The ids
   * of the engine's own messages (src/messages.json: `replace`, …) are not a rule's to use.
   */
  messageIds?: Partial<Record<string, string>>
  /** Message texts per locale (en required; a locale without a text falls back to English). */
  messages: Partial<Messages> & {en: Record<string, string>}
  /** Per language. */
  data: Partial<Record<string, KindData>>
  examples?: ExamplesFile
  /** Where the rule is documented (SARIF's helpUri, the editor's link); none when absent. */
  url?: string
}

/** What a data rule checks with, in one language: the entries, each with its replacements. */
interface Prepared {
  entries: Substitute[]
  fillers: string[]
}

/** The data of one language as entries with patterns: plain phrases, substitution entries, `swap`. */
export function entriesOf(data: KindData): Substitute[] {
  const entries = (data.phrases ?? []).map((phrase) => (typeof phrase === 'string' ? {patterns: [phrase], expected: []} : phrase))
  for (const [pattern, replacement] of Object.entries(data.swap ?? {})) entries.push({patterns: [pattern], expected: typeof replacement === 'string' ? [replacement] : replacement})
  return entries
}

const preparedFor = perList((data: KindData): Prepared => ({entries: entriesOf(data), fillers: data.fillers ?? []}))
const matcherFor = perList((prepared: Prepared, lang: Lang): PhraseMatcher<Substitute> => compilePhrases(prepared.entries, lang, (entry) => entry.patterns, prepared.fillers))

/** Every listed phrase the draft uses: not quoted, not in a merge field, not negated. */
export function findPhrases(context: Pick<RuleContext<KindData, unknown>, 'analysis' | 'lang' | 'data'>): Array<Match<Substitute>> {
  const {analysis, lang, data} = context
  return matcherFor(preparedFor(data), lang)
    .find(analysis)
    .filter((match) => isUsed(analysis, match.start, match.end)) // not quoted, not "[value proposition]"
    .filter((match) => !isNegated(analysis, match.first)) // "this is not a turnkey solution"
}

const DEFAULT_WEIGHT = 5

/** A rule of one of the kinds, from its declaration. */
export function dataRule(spec: DataRuleSpec): Rule<KindData, Record<string, unknown>> {
  const id = (role: string) => spec.messageIds?.[role] ?? role
  const messages = {en: spec.messages.en, fr: spec.messages.fr ?? {}} as Messages
  const options: Record<string, unknown> = spec.kind === 'occurrence' ? {max: spec.max ?? 1} : {}
  const words = (text: string, match: Match<Substitute>) => text.slice(match.start, match.end).replace(/\s+/g, ' ')
  return {
    id: spec.id,
    summary: spec.summary,
    rationale: spec.rationale ?? spec.summary,
    category: spec.category ?? 'wording',
    languages: Object.keys(spec.data) as Lang[],
    severity: spec.severity ?? 'warning',
    weight: spec.weight ?? DEFAULT_WEIGHT,
    messages,
    options,
    data: spec.data as Record<Lang, KindData>,
    examples: exampleTexts(spec.examples ?? {}),
    ...(spec.url ? {url: spec.url} : {}),
    extend(data, add, remove) {
      if (spec.kind === 'substitution') {
        const {fillers} = data
        return {phrases: editPatterns(entriesOf(data), add, remove, (pattern) => ({patterns: [pattern], expected: []})), ...(fillers ? {fillers} : {})}
      }
      return {...data, phrases: editList((data.phrases ?? []) as string[], add, remove)}
    },
    check(context) {
      const {analysis, report} = context
      const matches = findPhrases(context)
      if (spec.kind === 'occurrence') {
        const max = Number(context.options.max)
        const counts = new Map<number, number>() // uses per sentence, or in the draft (key -1)
        const scopeOf = (match: Match<Substitute>) => (spec.scope === 'sentence' ? analysis.tokens[match.first].sentence : -1)
        for (const match of matches) counts.set(scopeOf(match), (counts.get(scopeOf(match)) ?? 0) + 1)
        const seen = new Map<number, number>()
        for (const match of matches) {
          const scope = scopeOf(match)
          const rank = (seen.get(scope) ?? 0) + 1
          seen.set(scope, rank)
          if (rank > max) report({start: match.start, end: match.end, messageId: id('tooMany'), data: {words: words(analysis.text, match), count: counts.get(scope)!, max}})
        }
        return
      }
      for (const match of matches) {
        const {expected} = match.entry
        const replace = spec.kind === 'substitution' && expected.length > 0
        report({start: match.start, end: match.end, messageId: id(replace ? 'swap' : 'found'), data: {words: words(analysis.text, match), example: expected[0] ?? ''}, expected})
      }
    }
  }
}
