import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {MessageData, Messages} from './i18n.js'
import type {Analysis} from './text/analysis.js'
import type {Channel, DraftMeta, Lang, Severity} from './types.js'

/** Bad and good drafts for one language: bad must fire the rule, good must not. */
export interface RuleExamples {
  bad: string[]
  good: string[]
}

/** A draft's text in a rule's examples.json: one string, or its lines (joined with line breaks). */
export type ExampleText = string | string[]

/**
 * One finding a bad example must give, as the JSON report has it (SPEC): each bad example lists
 * the findings of its rule exactly, in report order; a good example gives none.
 */
export interface ExpectedFinding {
  rule: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: string
  messageId: string
  /** The words reported, as the finding's `excerpt`. */
  excerpt: string
}

/**
 * `rules/<id>/examples.json`: per language, bad drafts with the findings they must give, and good
 * drafts that must give none of the rule's. Tests run them (test/rules/examples.test.ts) and the
 * rule's README shows them (`npm run docs`).
 */
export type ExamplesFile = Partial<Record<string, {bad: Array<{text: ExampleText; findings: ExpectedFinding[]}>; good: ExampleText[]}>>

/** The text of an example (its lines joined). */
export function exampleText(text: ExampleText): string {
  return typeof text === 'string' ? text : text.join('\n')
}

/** The texts of a rule's examples, per language (what `explain`, SARIF's help and the editor show). */
export function exampleTexts(file: ExamplesFile): Record<Lang, RuleExamples> {
  const out: Record<string, RuleExamples> = {}
  for (const [lang, examples] of Object.entries(file)) {
    if (examples) out[lang] = {bad: examples.bad.map((example) => exampleText(example.text)), good: examples.good.map(exampleText)}
  }
  return out as Record<Lang, RuleExamples>
}

export type RuleCategory = 'personalization' | 'courtesy' | 'focus' | 'wording' | 'form'

export interface RuleMeta {
  /** Stable kebab-case id (see SPEC). */
  id: string
  /** One line, shown by `cluelint rules`. */
  summary: string
  /** Why the rule exists, shown by `cluelint explain`. */
  rationale: string
  category: RuleCategory
  languages: readonly Lang[]
  /** Default severity; a rule may report a lower or higher one per finding. */
  severity: Severity
  /** Points the first finding of this rule costs at error severity (see src/score.ts). */
  weight: number
  examples: Record<Lang, RuleExamples>
  /**
   * What the rule says, per locale (the user's language, not the draft's): message ids to texts
   * with `{{placeholders}}`, as ESLint's `meta.messages`; kept in `rules/<id>/messages.json`.
   */
  messages: Messages
  /**
   * Where the rule is documented: findings' url and SARIF's helpUri. Built-in rules leave it out
   * (their rules/<id>/README.md is used); a team's rule gives its own, or has none.
   */
  url?: string
}

export interface Report {
  /** Offsets into `analysis.text` (0-based, end exclusive). */
  start: number
  end: number
  /** The id of the message in the rule's `messages`, and the values of its placeholders. */
  messageId: string
  data?: MessageData
  /**
   * Plainer words for the excerpt, empty when there is none; `<...>` marks what the writer fills
   * in. They are offered as replacements of the excerpt, unless the rule has a `suggest` hook.
   */
  expected?: string[]
  /** A safe fix (see `Fix`): offsets into `analysis.text`. */
  fix?: TextEdit
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity
  note?: string
  /**
   * An offset of `analysis.text` the message names a line of: the engine gives the placeholder
   * `{{line}}` that line counted in the file (a CSV row's draft starts below line 1), the same
   * coordinates as the finding's own line.
   */
  lineAt?: number
}

/** A replacement of `analysis.text` from `start` to `end` (0-based, end exclusive). */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/** A rewrite a rule offers for one of its findings. */
export interface RuleSuggestion extends TextEdit {
  /**
   * What it does, shown in the editor ("Replace with “ready to use”"): a message id of the rule's
   * `messages` or of the engine's (src/messages.json), and its placeholders' values.
   */
  messageId: string
  data?: MessageData
}

/** What a rule's `suggest` hook gets: the finding it reported, and the draft. */
export interface SuggestContext<Data> {
  start: number
  end: number
  expected: readonly string[]
  analysis: Analysis
  lang: Lang
  data: Data
}

export interface RuleContext<Data, Options> {
  tree: Root
  file: VFile
  lang: Lang
  /** The rule's data for this language (word and phrase lists). */
  data: Data
  options: Options
  meta: DraftMeta
  channel: Channel
  /** Tokens, sentences, greeting... computed once per draft and shared by all rules. */
  analysis: Analysis
  report(report: Report): void
}

export interface Rule<Data = unknown, Options = Record<string, unknown>> extends RuleMeta {
  /** Per-language data, loaded from the JSON files beside the rule. */
  data: Record<Lang, Data>
  /** Default options; config may override them. */
  options: Options
  /**
   * For list-based rules: a copy of `data` with entries added and removed
   * (config `words: {en: {add, remove}}`). Without it, the rule's words
   * cannot be configured. `editList` (src/config/words.ts) does the list part.
   */
  extend?(data: Data, add: readonly string[], remove: readonly string[]): Data
  check(context: RuleContext<Data, Options>): void
  /**
   * Rewrites for one of the rule's findings (a person picks one). Without it, the finding's
   * `expected` words replace its excerpt (see src/suggest.ts).
   */
  suggest?(context: SuggestContext<Data>): RuleSuggestion[]
}

/**
 * What a rule prepares from its word lists (sets of folded words, phrase lists), made once per
 * list object: the rule's own lists, or a configured copy (see `extend`), on first use. Kept in a
 * WeakMap keyed by the list object: what is prepared from a configured copy goes with the
 * processor that holds the copy.
 */
export function perList<Data extends object, Prepared, Rest extends unknown[]>(
  prepare: (data: Data, ...rest: Rest) => Prepared
): (data: Data, ...rest: Rest) => Prepared {
  const prepared = new WeakMap<Data, Prepared>()
  return (data, ...rest) => {
    let value = prepared.get(data)
    // eslint-disable-next-line no-restricted-syntax -- forwards the caller's own arguments (a fixed few)
    if (value === undefined) prepared.set(data, (value = prepare(data, ...rest)))
    return value
  }
}

/**
 * A rule with per-language data found beside it after its code was written (rules/<id>/<lang>.json
 * that its index.ts does not import: rules/index.ts, written by `npm run rules`, passes them): each
 * language it lacks is added to its data and languages. Its examples, messages and suggestion
 * words for the language are its other files' (examples.json, suggestions.json) to give.
 */
export function withLanguages<R extends Rule<any, any>>(rule: R, data: Readonly<Record<Lang, unknown>>): R {
  const added = Object.keys(data).filter((lang) => !(lang in rule.data))
  if (added.length === 0) return rule
  return {...rule, data: {...rule.data, ...Object.fromEntries(added.map((lang) => [lang, data[lang]]))}, languages: [...rule.languages, ...added]}
}

/** Identity helper giving a rule module its types. */
export function defineRule<Data, Options extends Record<string, unknown>>(
  rule: Rule<Data, Options>
): Rule<Data, Options> {
  return rule
}
