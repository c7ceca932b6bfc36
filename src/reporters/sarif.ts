import {createHash} from 'node:crypto'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import {pathToFileURL} from 'node:url'
import pkg from '../../package.json' with {type: 'json'}
import {rules as allRules} from '../../rules/index.js'
import {coreMessages, DEFAULT_LOCALE, type Locale, type Messages} from '../i18n.js'
import {DIRECTIVE_RULE} from '../directives.js'
import {ruleUrl} from '../engine.js'
import type {RuleMeta} from '../rule.js'
import type {DraftReport, Finding, Report, Severity} from '../types.js'
import type {Reporter} from './types.js'

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and most CI
 * dashboards read: one run, the rules as `tool.driver.rules` with their
 * rationale and an example, one result per finding.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const INFORMATION_URI = 'https://github.com/cluelint/cluelint'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

export interface SarifOptions {
  /** Paths in the report are made relative to this folder. */
  cwd: string
  /** Defaults to every registered rule. */
  rules?: ReadonlyArray<Pick<RuleMeta, 'id' | 'summary' | 'rationale' | 'severity' | 'category' | 'examples' | 'languages'> & Partial<Pick<RuleMeta, 'messages' | 'url'>>>
  /** The language of the rules' message strings (each result's message is already in it): English by default. */
  locale?: Locale
}

/**
 * Streams: the run's head (tool, rules) and each draft's results are
 * printed as the drafts are linted, byte for byte what
 * `JSON.stringify(toSarif(report), null, 2)` gives for the whole report.
 */
export function sarifReporter(options: SarifOptions): Reporter & {streaming: boolean} {
  const rules = ruleDescriptors(options)
  const index = new Map(rules.map((rule, position) => [rule.id, position]))
  let started = false
  return {
    streaming: true,
    draft(draft) {
      const results = draftResults(draft, index, options.cwd)
      if (results.length === 0) return ''
      const text = results.map((item) => RESULT_INDENT + JSON.stringify(item, null, 2).replace(/\n/g, '\n' + RESULT_INDENT)).join(',\n')
      const head = started ? ',\n' : split(rules)[0] + '[\n'
      started = true
      return head + text
    },
    done(report) {
      if (!started) return JSON.stringify(toSarif(report, options), null, 2) + '\n'
      return '\n' + RESULT_INDENT.slice(2) + ']' + split(rules, report.summary)[1] + '\n'
    }
  }
}

const RESULT_INDENT = ' '.repeat(8) // root > runs > run > results
const HOLE = '\u0000results\u0000'

/** The whole log as text, cut where the results go. */
function split(rules: ReturnType<typeof ruleDescriptors>, summary: Report['summary'] = {drafts: 0, findings: 0, errors: 0, warnings: 0, minScore: null, meanScore: null}): [string, string] {
  const text = JSON.stringify(log(rules, HOLE as unknown as [], summary), null, 2)
  const at = text.indexOf(JSON.stringify(HOLE))
  return [text.slice(0, at), text.slice(at + JSON.stringify(HOLE).length)]
}

/** A path as a relative URI reference with forward slashes, each segment percent-encoded. */
export function artifactUri(file: string, cwd: string): string {
  if (file === '<stdin>') return 'stdin'
  const path = relative(cwd, resolve(cwd, file))
  if (isAbsolute(path)) return pathToFileURL(path).href // another drive (Windows)
  return path.split(sep).map((segment) => encodeURIComponent(segment)).join('/')
}

/** A rule's messages in `locale` as SARIF message strings (a result's `message.id` names one). */
function messageStrings(messages: Messages | undefined, locale: Locale) {
  const texts = messages?.[locale] ?? messages?.en
  return texts ? {messageStrings: Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, {text}]))} : {}
}

function ruleDescriptor(rule: NonNullable<SarifOptions['rules']>[number], locale: Locale) {
  const lines = [rule.rationale]
  const markdown = [rule.rationale]
  for (const lang of rule.languages) {
    const examples = rule.examples[lang]
    const bad = examples?.bad[0]
    const good = examples?.good[0]
    if (bad) {
      lines.push('', `Bad (${lang}): ${bad}`)
      markdown.push('', `**Bad (${lang})**`, '', fence(bad))
    }
    if (good) {
      lines.push(`Good (${lang}): ${good}`)
      markdown.push('', `**Good (${lang})**`, '', fence(good))
    }
  }
  return {
    id: rule.id,
    name: camel(rule.id),
    shortDescription: {text: rule.summary},
    fullDescription: {text: rule.rationale},
    help: {text: lines.join('\n'), markdown: markdown.join('\n')},
    // A team's rule (config customRules) without a url has no help page.
    ...(ruleUrl(rule) ? {helpUri: ruleUrl(rule)} : {}),
    ...messageStrings(rule.messages, locale),
    defaultConfiguration: {level: LEVEL[rule.severity]},
    properties: {tags: ['outreach', rule.category]}
  }
}

const directiveDescriptor = (locale: Locale) => ({
  id: DIRECTIVE_RULE.id,
  name: camel(DIRECTIVE_RULE.id),
  shortDescription: {text: DIRECTIVE_RULE.summary},
  fullDescription: {text: DIRECTIVE_RULE.rationale},
  help: {text: DIRECTIVE_RULE.rationale},
  helpUri: `${INFORMATION_URI}#inline-directives`,
  messageStrings: {unknownRule: {text: coreMessages[locale].unknownRule}},
  defaultConfiguration: {level: LEVEL[DIRECTIVE_RULE.severity]},
  properties: {tags: ['outreach', 'configuration']}
})

function fence(text: string): string {
  let longest = 0
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length)
  const ticks = '`'.repeat(Math.max(3, longest + 1))
  return `${ticks}text\n${text}\n${ticks}`
}

function camel(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase())
}

function ruleDescriptors(options: SarifOptions) {
  const locale = options.locale ?? DEFAULT_LOCALE
  return [...(options.rules ?? allRules).map((rule) => ruleDescriptor(rule, locale)), directiveDescriptor(locale)]
}

function log(rules: ReturnType<typeof ruleDescriptors>, results: object[], summary: Report['summary']) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: {driver: {name: 'cluelint', version: pkg.version, semanticVersion: pkg.version, informationUri: INFORMATION_URI, rules}},
        columnKind: 'utf16CodeUnits' as const,
        results,
        properties: {summary}
      }
    ]
  }
}

function draftResults(draft: DraftReport, index: ReadonlyMap<string, number>, cwd: string) {
  const seen = new Map<string, number>()
  return draft.findings.map((finding) => result(draft, finding, index, seen, cwd))
}

/** The whole SARIF log of a report. */
export function toSarif(report: Report, options: SarifOptions) {
  const rules = ruleDescriptors(options)
  const index = new Map(rules.map((rule, position) => [rule.id, position]))
  return log(rules, report.drafts.flatMap((draft) => draftResults(draft, index, options.cwd)), report.summary)
}

function result(draft: DraftReport, finding: Finding, index: ReadonlyMap<string, number>, seen: Map<string, number>, cwd: string) {
  const uri = artifactUri(draft.file, cwd)
  // Stable across edits elsewhere in the file: the rule, the draft, the words, and which occurrence of them it is.
  const key = `${finding.rule}\u0000${draft.name}\u0000${finding.excerpt.toLowerCase()}`
  const occurrence = (seen.get(key) ?? 0) + 1
  seen.set(key, occurrence)
  const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32)
  const inFile = draft.name !== draft.file
  const ruleIndex = index.get(finding.rule)
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : {ruleIndex}),
    level: LEVEL[finding.severity],
    message: {text: finding.message, ...(finding.messageId && ruleIndex !== undefined ? {id: finding.messageId} : {})},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri},
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            ...(finding.excerpt ? {snippet: {text: finding.excerpt}} : {})
          }
        },
        // A draft inside a campaign file (CSV row, JSON item): which one.
        ...(inFile ? {logicalLocations: [{name: draft.name.slice(draft.file.length).replace(/^#/, '') || draft.name, fullyQualifiedName: draft.name, kind: 'object'}]} : {})
      }
    ],
    partialFingerprints: {'cluelintFinding/v1': fingerprint},
    ...(finding.suggestions.length > 0 || inFile
      ? {properties: {...(inFile ? {draft: draft.name} : {}), ...(finding.suggestions.length > 0 ? {suggestions: finding.suggestions.map((suggestion) => suggestion.desc)} : {})}}
      : {})
  }
}
