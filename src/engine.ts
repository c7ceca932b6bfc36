import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import {rules as allRules} from '../rules/index.js'
import {parseInBlocks, SPLIT_ABOVE} from './blocks.js'
import {editLists, ruleData, type CourtesyOption} from './config/words.js'
import {applyDirectives, maskDirectives} from './directives.js'
import {dataRule, type DataRuleSpec} from './kinds.js'
import {detectLanguage} from './lang/detect.js'
import {packFor} from './lang/packs.js'
import type {Rule, RuleSuggestion, TextEdit} from './rule.js'
import {formatMessage, type Locale, type MessageData} from './i18n.js'
import {grade, scoreFindings} from './score.js'
import {phraseKey, replacements} from './suggest.js'
import {analyze, type Analysis} from './text/analysis.js'
import {maskReplies} from './text/replies.js'
import {cachedWords} from './text/normalize.js'
import {lexiconFor, lexiconWords, type Lexicon} from './text/lexicon.js'
import {asInputError} from './readers/decode.js'
import {lineIndex, type LineIndex} from './text/lines.js'
import type {Channel, Draft, DraftMeta, DraftReport, Finding, Fix, Lang, Severity, SeveritySetting, Suggestion} from './types.js'

export interface LintOptions {
  /** `auto` (default) detects the language of each draft. */
  lang?: Lang | 'auto'
  /** Severity per rule id; `off` turns a rule off. */
  rules?: Record<string, SeveritySetting>
  /** Options per rule id, merged over each rule's defaults. */
  ruleOptions?: Record<string, Record<string, unknown>>
  channel?: Channel
  /** Report errors only. */
  quiet?: boolean
  /** The drafts are templates: merge fields are expected, so `unfilled-merge-field` does not run (every other rule does). */
  template?: boolean
  /** The language of messages and suggestions (the user's, not the draft's): English by default. */
  locale?: Locale
  /** A team's own rules, written as data (src/kinds.ts): they run after the built-in ones. */
  customRules?: readonly DataRuleSpec[]
  /**
   * Entries added to and removed from the language packs' courtesy lists (what counts as thanks,
   * an ask, an offer…), per language and list path: `{en: {'gratitude.strong': {add: ['cheers for']}}}`.
   * The three courtesy rules read them together.
   */
  courtesy?: CourtesyOption
}

export const SOURCE = 'cluelint'
export const RULE_URL = 'https://github.com/cluelint/cluelint/blob/main/rules/'

/** What the engine keeps on a draft's `file.data` while it is linted: the draft's own state, nowhere else. */
interface CluelintData {
  analysis?: Analysis
  meta?: DraftMeta
  channel?: Channel
  /** The draft's line index, built on its first finding (most drafts of a rule have none). */
  lines?: LineIndex
  /** What each message says (its rule, message id and values) and what its rule offered beyond it: its fix and suggestions. */
  said?: Map<object, Said>
}

const ruleById = new Map(allRules.map((rule) => [rule.id, rule]))
/** Each rule's weight (points its first finding costs at error severity), for the score and "fix first". */
export const weights: ReadonlyMap<string, number> = new Map(allRules.map((rule) => [rule.id, rule.weight]))

export function getRule(id: string): Rule<any, any> | undefined {
  return ruleById.get(id)
}

/** A configuration's own rules, built once per list (the config's settings keep the list). */
interface CustomRules {
  rules: ReadonlyArray<Rule<any, any>>
  /** The list as text, for the processor's key. */
  key: string
  ids: ReadonlySet<string>
  weights: ReadonlyMap<string, number>
}

const customCache = new WeakMap<readonly DataRuleSpec[], CustomRules>()

/** The rules of `options.customRules`, with the weights of every rule; built once per list. */
export function customRules(options: Pick<LintOptions, 'customRules'>): CustomRules | undefined {
  const specs = options.customRules
  if (!specs || specs.length === 0) return undefined
  let custom = customCache.get(specs)
  if (!custom) {
    const built = specs.map(dataRule)
    custom = {rules: built, key: JSON.stringify(specs), ids: new Set(built.map((rule) => rule.id)), weights: new Map([...weights, ...built.map((rule) => [rule.id, rule.weight] as const)])}
    customCache.set(specs, custom)
  }
  return custom
}

/** Where a rule is documented: the url it gives, else a built-in rule's README (a team's rule may have none). */
export function ruleUrl(rule: Pick<Rule, 'id' | 'url'>): string | undefined {
  return rule.url ?? (ruleById.has(rule.id) ? RULE_URL + rule.id + '/README.md' : undefined)
}

/** Turns a configured severity into the reported one; undefined keeps the rule's own. */
function forcedSeverity(setting: SeveritySetting | undefined): Severity | undefined {
  if (setting === 'warn' || setting === 'warning') return 'warning'
  if (setting === 'error' || setting === 'info') return setting
  return undefined
}

function toFatal(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

function fromFatal(fatal: boolean | null | undefined): Severity {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'info'
}

/**
 * retext plugin computing the analysis every rule reads; its drafts' phrase matching uses the
 * processor's lexicon, and their speech acts its courtesy lists (the pack's, or the config's copy).
 */
function cluelintAnalysis(this: Processor<any, any, any, any, any>, lang: Lang, lexicon: Lexicon, courtesyLists: object | undefined) {
  return (tree: Root, file: VFile) => {
    const data = file.data as CluelintData
    data.analysis = analyze(tree, String(file.value), lang, lexicon)
    if (courtesyLists) data.analysis.courtesyLists = courtesyLists
  }
}

/**
 * What a finding says, written in the user's locale once the draft is linted, and what its rule
 * reported beyond the message: its fix and suggestions, in offsets of the text it read.
 */
interface Said {
  rule: Rule<any, any>
  messageId: string
  data?: MessageData
  fix?: TextEdit
  suggestions: RuleSuggestion[]
}

/**
 * Phrases the config allows for a rule (`words: {<lang>: {remove: [...]}}`, which "allow this
 * phrase" writes): a finding on exactly those words, in any case, is not reported, even when the
 * list entry that matched them is another form ("empathique" for "empathie").
 */
function allowedPhrases(words: unknown, lang: Lang): Set<string> | undefined {
  const remove = (words as Record<string, {remove?: string[]} | undefined> | undefined)?.[lang]?.remove
  return remove && remove.length > 0 ? new Set(remove.map(phraseKey)) : undefined
}

/** Wraps a rule as a retext plugin: it only reports; this stamps ruleId, source, url and severity. */
export function rulePlugin(rule: Rule<any, any>, settings: {lang: Lang; severity?: Severity; options?: Record<string, unknown>}) {
  // `words` (extra/removed list entries per language) edits the data, not the options.
  const {words, ...options} = {...rule.options, ...settings.options}
  const data = ruleData(rule, settings.lang, words)
  const allowed = allowedPhrases(words, settings.lang)
  return () => (tree: Root, file: VFile) => {
    const draft = file.data as CluelintData
    const {analysis, meta = {}, channel = 'email'} = draft
    if (!analysis) throw new Error('cluelint: analysis missing; add cluelintAnalysis before rules')
    rule.check({
      tree,
      file,
      lang: settings.lang,
      data,
      options,
      meta,
      channel,
      analysis,
      report(report) {
        if (allowed?.has(phraseKey(analysis.text.slice(report.start, report.end)))) return
        const place = (draft.lines ??= lineIndex(String(file.value)))
        const endOffset = Math.max(report.start, report.end)
        const start = pointAt(place, report.start)
        const end = pointAt(place, endOffset)
        // A VFileMessage is an Error: capturing its stack (useless here) was a tenth of the lint time.
        const limit = Error.stackTraceLimit
        Error.stackTraceLimit = 0
        let message: ReturnType<VFile['message']>
        try {
          // The VFile message reads in English; the finding is written in the user's locale (below).
          message = file.message(formatMessage(rule.messages, 'en', report.messageId, report.data), {
            place: start && end ? {start, end} : start,
            ruleId: rule.id,
            source: SOURCE
          })
        } finally {
          Error.stackTraceLimit = limit
        }
        message.fatal = toFatal(settings.severity ?? report.severity ?? rule.severity)
        message.actual = analysis.text.slice(report.start, report.end)
        message.expected = report.expected ?? []
        const url = ruleUrl(rule)
        if (url) message.url = url
        if (report.note) message.note = report.note
        if (report.lineAt !== undefined) (message as LineReference).lineAt = report.lineAt
        const expected = report.expected ?? []
        const context = {start: report.start, end: report.end, expected, analysis, lang: settings.lang, data}
        const suggestions = rule.suggest ? rule.suggest(context) : replacements(context)
        ;(draft.said ??= new Map()).set(message, {rule, messageId: report.messageId, data: report.data, fix: report.fix, suggestions})
      }
    })
  }
}

/** The point of `offset` in the draft (a VFile place's start or end). */
function pointAt(lines: LineIndex, offset: number): {line: number; column: number; offset: number} {
  const {line, column} = lines.toPoint(offset)
  return {line, column, offset}
}

/** A rule's message that names a line (`{line}`, see `Report.lineAt`). */
interface LineReference {
  lineAt?: number
}

type CluelintProcessor = Processor<Root, Root, Root, undefined, undefined>

/**
 * The processors built, most recently used last: one per language and rule configuration in use.
 * Module-level on purpose (a configuration's processor serves every draft linted with it) and
 * bounded: at most MAX_PROCESSORS, the least recently used dropped first. Each owns what its
 * configuration built (the rules' configured lists and the phrase matchers compiled from them):
 * nothing of a dropped configuration stays in the process.
 */
const processors = new Map<string, CluelintProcessor>()
const MAX_PROCESSORS = 32

/** One processor per language and rule configuration, built once and reused. */
export function getProcessor(lang: Lang, options: LintOptions = {}): CluelintProcessor {
  const custom = customRules(options)
  const courtesyEdit = options.courtesy?.[lang]
  const key = lang + '\u0000' + JSON.stringify(options.rules ?? {}) + JSON.stringify(options.ruleOptions ?? {}) + (options.template ? '\u0000template' : '') + (custom ? '\u0000' + custom.key : '') + (courtesyEdit ? '\u0000' + JSON.stringify(courtesyEdit) : '')
  const cached = processors.get(key)
  if (cached) {
    processors.delete(key)
    processors.set(key, cached)
    return cached
  }
  const lexicon = lexiconFor(lang)
  const base: any = unified().use(packFor(lang).parser)
  base.use(cluelintAnalysis, lang, lexicon, courtesyEdit ? editLists(packFor(lang).courtesy as object, courtesyEdit) : undefined)
  for (const rule of custom ? [...allRules, ...custom.rules] : allRules) {
    const setting = options.rules?.[rule.id]
    if (setting === 'off' || !runsIn(rule, lang)) continue
    if (options.template && rule.id === TEMPLATE_SILENCED) continue
    base.use(rulePlugin(rule, {lang, severity: forcedSeverity(setting), options: options.ruleOptions?.[rule.id]}))
  }
  const processor: CluelintProcessor = base.freeze()
  // A long editor session goes through many configurations: the least recently used go.
  if (processors.size >= MAX_PROCESSORS) processors.delete(processors.keys().next().value!)
  processors.set(key, processor)
  return processor
}

/** How many processors are kept (bounded: see MAX_PROCESSORS). */
export function processorCount(): number {
  return processors.size
}

/**
 * What the process keeps between lints, counted: processors, the words the phrase matchers'
 * lexicons know, and the normalised words cached (tests check they stay bounded).
 */
export function cacheStats(): {processors: number; words: number; cachedWords: number} {
  return {processors: processors.size, words: lexiconWords(), cachedWords: cachedWords()}
}

/** Does the rule run on drafts in `lang`: it has data for it, or the language's pack gives it some? */
function runsIn(rule: Rule<any, any>, lang: Lang): boolean {
  return rule.languages.includes(lang) || packFor(lang).rules?.[rule.id] !== undefined
}

/** Checks the configured rule ids; returns the unknown ones. */
export function unknownRules(options: LintOptions): string[] {
  const custom = customRules(options)
  return Object.keys({...options.rules, ...options.ruleOptions}).filter((id) => !ruleById.has(id) && !custom?.ids.has(id))
}

/**
 * Lints one draft. Pure: no I/O. A draft that cannot be linted (whatever the
 * reason: no input should get there, but a parser may give up on one) throws
 * an InputError naming the draft, so that callers report it in one line and
 * go on with the other drafts.
 */
export function lintDraft(draft: Draft, options: LintOptions = {}): DraftReport {
  try {
    return lintDraftUnsafe(draft, options)
  } catch (error) {
    throw asInputError(draft.name ?? draft.file ?? '<text>', error, 'linted')
  }
}

function lintDraftUnsafe(draft: Draft, options: LintOptions): DraftReport {
  // Directives, quoted replies, forwarded messages and footers: masked, offsets kept (src/text/replies.ts).
  const text = maskReplies(maskDirectives(draft.text))
  const lang: Lang = options.lang && options.lang !== 'auto' ? options.lang : detectLanguage(text)
  const processor = getProcessor(lang, options)
  const file = new VFile({value: text, path: draft.file})
  const data = file.data as CluelintData
  data.meta = draft.meta ?? {}
  data.channel = draft.meta?.channel ?? options.channel ?? 'email'
  // Long drafts are parsed in blocks (parse-latin is superlinear on long input): see src/blocks.ts.
  const tree = text.length > SPLIT_ABOVE ? parseInBlocks((value) => processor.parse(value), text) : processor.parse(file)
  processor.runSync(tree, file)

  const source = draft.source ?? draft.text
  const map = draft.map ?? ((offset: number) => offset)
  // The rules' findings placed the text they read; the file's lines are the same when nothing was masked.
  const lines = data.lines && source === text ? data.lines : lineIndex(source)
  const findings: Finding[] = []
  const locale = options.locale ?? 'en'
  // An edit of the text the rules read, moved into the file; undefined when it would not replace
  // the same characters there (Markdown markup and HTML entities are not in the text rules read).
  const place = (edit: TextEdit): Fix | undefined => {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) return undefined
    const start = edit.start < text.length ? map(edit.start) : edit.start === 0 ? 0 : map(edit.start - 1) + 1
    const end = edit.end > edit.start ? map(edit.end - 1) + 1 : start
    if (source.slice(start, end) !== draft.text.slice(edit.start, edit.end) || text.slice(edit.start, edit.end) !== draft.text.slice(edit.start, edit.end)) return undefined
    return {range: [start, end], text: edit.text}
  }
  for (const message of file.messages) {
    const severity = fromFatal(message.fatal)
    if (options.quiet && severity !== 'error') continue
    // Every message comes from a rule's report, which keeps its wording.
    const wording = data.said?.get(message)
    if (!wording) continue
    const fix = wording.fix && place(wording.fix)
    // A fix that does not land in the file was about text the reader never sees (markup, a masked directive).
    if (wording.fix && !fix) continue
    const suggestions: Suggestion[] = []
    for (const suggestion of wording.suggestions) {
      const placed = place(suggestion)
      if (placed) suggestions.push({desc: formatMessage(wording.rule.messages, locale, suggestion.messageId, suggestion.data), messageId: suggestion.messageId, fix: placed})
    }
    const from = message.place && 'start' in message.place ? message.place.start : message.place
    const to = message.place && 'end' in message.place ? message.place.end : from
    const startOffset = from?.offset ?? 0
    const endOffset = to?.offset ?? startOffset
    const offset = map(startOffset)
    const endMapped = endOffset > startOffset ? map(endOffset - 1) + 1 : offset
    const start = lines.toPoint(offset)
    const end = lines.toPoint(endMapped)
    // A line named in the message, in the same coordinates as the finding's line (file lines, not the draft's).
    const lineAt = (message as LineReference).lineAt
    const values = lineAt === undefined ? wording.data : {...wording.data, line: lines.toPoint(map(lineAt)).line + (draft.origin ? draft.origin.line - 1 : 0)}
    findings.push({
      rule: message.ruleId ?? 'unknown',
      severity,
      message: locale === 'en' && lineAt === undefined ? message.reason : formatMessage(wording.rule.messages, locale, wording.messageId, values),
      messageId: wording.messageId,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      excerpt: message.actual ?? text.slice(startOffset, endOffset),
      ...(fix ? {fix} : {}),
      suggestions,
      offset,
      endOffset: endMapped
    })
  }
  // Rule ids are ASCII: a plain comparison (localeCompare's first call loads the ICU collator: 10 ms of a cold start).
  findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
  // Inline directives silence findings; a directive naming an unknown rule is a warning that costs no points.
  const custom = customRules(options)
  const {kept, problems} = applyDirectives(findings, source, (id) => ruleById.has(id) || custom?.ids.has(id) === true, {scope: directiveScope(draft), text: draft.text, map: draft.map, locale})
  const score = scoreFindings(kept, custom?.weights ?? weights)
  const reported = options.quiet || problems.length === 0 ? kept : [...kept, ...problems].sort((a, b) => a.offset - b.offset)
  const name = draft.name ?? draft.file ?? '<text>'
  if (draft.origin) shiftFindings(reported, draft.origin)
  return {file: draft.file ?? name, name, lang, score, grade: grade(score), findings: reported}
}

/** A draft among several in one file (a CSV row, named `file#n`) only obeys the directives inside its own text. */
function directiveScope(draft: Draft): {start: number; end: number} | undefined {
  if (draft.file === undefined || draft.name === undefined || draft.name === draft.file || !draft.map) return undefined
  return {start: draft.map(0), end: draft.text.length > 0 ? draft.map(draft.text.length - 1) + 1 : draft.map(0)}
}

/** The rule `template` turns off: in a template, merge fields are meant to be there. */
const TEMPLATE_SILENCED = 'unfilled-merge-field'

/** From positions in a part of the file (a CSV row) to positions in the file. */
function shiftFindings(findings: Finding[], origin: {offset: number; line: number}) {
  for (const finding of findings) {
    finding.line += origin.line - 1
    finding.endLine += origin.line - 1
    finding.offset += origin.offset
    finding.endOffset += origin.offset
    for (const fix of [finding.fix, ...finding.suggestions.map((suggestion) => suggestion.fix)]) {
      if (fix) fix.range = [fix.range[0] + origin.offset, fix.range[1] + origin.offset]
    }
  }
}

/** Lints a string: the library's entry point for one draft. */
export function lintText(text: string, options: LintOptions & {file?: string; meta?: DraftMeta} = {}): DraftReport {
  return lintDraft({text, file: options.file, meta: options.meta}, options)
}
