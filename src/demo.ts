import type {Locale} from './i18n.js'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Chalk, type ChalkInstance} from 'chalk'
import {rules as allRules} from '../rules/index.js'
import {lintDraft} from './engine.js'
import type {Rule} from './rule.js'
import {languageName} from './lang/names.js'
import {languages} from './lang/packs.js'
import {fixFirst} from './score.js'
import {draftCard, escapeHtml, familyOf, legend, page} from './reporters/html.js'
import {FAMILY_COLOR, markedPieces, SEVERITY_COLOR, SEVERITY_LABEL, textWidth, wrapPieces, wrapText} from './reporters/terminal.js'
import type {Channel, DraftReport, Lang} from './types.js'
import {fileOutput, refuseInputAsOutput} from './output.js'

/**
 * `cluelint demo`: the built-in fixtures, pair by pair: a bad draft and its
 * rewritten good version, with the findings, the score before and after and
 * the rule's rationale. In a terminal, one pair per key press (or all of
 * them with --all, or when the input or the output is not a terminal);
 * `--format html` writes the whole demo as one page.
 *
 * Pairs: fixtures/<lang>/{bad,good}/<rule-id>-<n>.txt; for each rule, the
 * bad and good fixtures with the same lowest number, else the first bad with
 * the first good. A good fixture's sidecar may name its bad version
 * explicitly: `"pair": "<bad file name without extension>"`.
 */

/** The package's fixtures folder (beside src/ and dist/). */
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const PACKAGE_ROOT = join(FIXTURES, '..')

const EXTENSIONS = /\.(txt|md)$/

export interface Fixture {
  /** Path shown to the reader: fixtures/en/bad/length-1.txt. */
  name: string
  path: string
  stem: string
  lang: Lang
  /** The rule its name is about, when `<rule-id>-<n>`. */
  rule?: string
  number: number
  sidecar: {must?: string[]; mustNot?: string[]; channel?: Channel; pair?: string}
}

export interface DemoPair {
  rule: Rule<any, any>
  lang: Lang
  bad: Fixture
  good: Fixture
}

export interface LintedPair extends DemoPair {
  before: {report: DraftReport; text: string}
  after: {report: DraftReport; text: string}
}

function readFixtures(root: string, lang: Lang, kind: 'bad' | 'good', ids: ReadonlySet<string>): Fixture[] {
  const directory = join(root, lang, kind)
  if (!existsSync(directory)) return []
  return readdirSync(directory)
    .filter((file) => EXTENSIONS.test(file))
    .map((file) => {
      const path = join(directory, file)
      const stem = file.replace(EXTENSIONS, '')
      const match = /^(.+)-(\d+)$/.exec(stem)
      const sidecarPath = path.replace(EXTENSIONS, '.json')
      let sidecar: Fixture['sidecar'] = {}
      if (existsSync(sidecarPath)) {
        try {
          sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8'))
        } catch {
          sidecar = {}
        }
      }
      const rule = match && ids.has(match[1]) ? match[1] : undefined
      return {name: relative(PACKAGE_ROOT, path).split('\\').join('/'), path, stem, lang, rule, number: rule ? Number(match![2]) : 0, sidecar}
    })
    .sort((a, b) => (a.rule ?? '').localeCompare(b.rule ?? '') || a.number - b.number || a.stem.localeCompare(b.stem))
}

/** The demo's pairs, in language order then in the order `cluelint rules` lists the rules. */
export function fixturePairs(options: {langs?: readonly Lang[]; root?: string; rules?: ReadonlyArray<Rule<any, any>>} = {}): DemoPair[] {
  const root = options.root ?? FIXTURES
  const rules = options.rules ?? allRules
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]))
  const ids = new Set(ruleById.keys())
  const pairs: DemoPair[] = []
  for (const lang of options.langs ?? languages()) {
    const bads = readFixtures(root, lang, 'bad', ids)
    const goods = readFixtures(root, lang, 'good', ids)
    const found: DemoPair[] = []
    // Explicit pairs first: a good fixture naming its bad version.
    for (const good of goods) {
      if (typeof good.sidecar.pair !== 'string') continue
      const bad = bads.find((candidate) => candidate.stem === good.sidecar.pair!.replace(EXTENSIONS, ''))
      const id = bad?.rule ?? bad?.sidecar.must?.find((must) => ids.has(must))
      if (bad && id) found.push({rule: ruleById.get(id)!, lang, bad, good})
    }
    for (const rule of rules) {
      if (found.some((pair) => pair.rule.id === rule.id)) continue
      const ruleBads = bads.filter((fixture) => fixture.rule === rule.id)
      const ruleGoods = goods.filter((fixture) => fixture.rule === rule.id)
      if (ruleBads.length === 0 || ruleGoods.length === 0) continue
      const bad = ruleBads.find((fixture) => ruleGoods.some((good) => good.number === fixture.number)) ?? ruleBads[0]
      const good = ruleGoods.find((fixture) => fixture.number === bad.number) ?? ruleGoods[0]
      found.push({rule, lang, bad, good})
    }
    const order = new Map(rules.map((rule, index) => [rule.id, index]))
    found.sort((a, b) => order.get(a.rule.id)! - order.get(b.rule.id)!)
    for (const pair of found) pairs.push(pair)
  }
  return pairs
}

function lintFixture(fixture: Fixture, locale?: Locale): {report: DraftReport; text: string} {
  const text = readFileSync(fixture.path, 'utf8')
  const report = lintDraft({text, file: fixture.name, name: fixture.name, meta: {channel: fixture.sidecar.channel}}, {lang: fixture.lang, locale})
  return {report, text}
}

export function lintPair(pair: DemoPair, locale?: Locale): LintedPair {
  return {...pair, before: lintFixture(pair.bad, locale), after: lintFixture(pair.good, locale)}
}

// ---------------------------------------------------------------------------
// Terminal

const GRADE_COLOR = {A: 'green', B: 'green', C: 'yellow', D: 'yellow', F: 'red'} as const

function scoreText(report: DraftReport, c: ChalkInstance): string {
  return c[GRADE_COLOR[report.grade]].bold(`${report.score}/100 ${report.grade}`)
}

function draftBlock(label: string, draft: {report: DraftReport; text: string}, c: ChalkInstance, width: number, weights: ReadonlyMap<string, number>): string[] {
  const {report, text} = draft
  const out = [`${c.bold(label.padEnd(7))}${c.dim(report.name)}  ${scoreText(report, c)}`]
  const bar = c.dim('│ ')
  for (const row of wrapPieces(markedPieces(text.trimEnd(), report.findings, c), width, `  ${bar}`)) out.push(row)
  if (report.findings.length === 0) {
    out.push(`  ${c.green('✔')} nothing to say`)
    return out
  }
  const labelWidth = report.findings.reduce((max, finding) => Math.max(max, SEVERITY_LABEL[finding.severity].length), -Infinity)
  report.findings.forEach((finding, index) => {
    const number = `[${index + 1}]`.padEnd(String(report.findings.length).length + 2)
    const head = `  ${c.dim(number)} ${c[SEVERITY_COLOR[finding.severity]](SEVERITY_LABEL[finding.severity].padEnd(labelWidth))}  `
    const hang = ' '.repeat(2 + number.length + 1 + labelWidth + 2)
    for (const row of wrapPieces([{text: finding.message}, {text: `  ${finding.rule}`, style: c[FAMILY_COLOR[familyOf(finding.rule)]]}], width, head, hang)) out.push(row)
  })
  if (report.findings.length > 1) {
    const first = fixFirst(report.findings, weights).map((finding) => `[${report.findings.indexOf(finding) + 1}]`)
    out.push(`  ${c.bold('Fix first:')} ${first.join(' ')}`)
  }
  return out
}

export function renderPairText(pair: LintedPair, index: number, total: number, c: ChalkInstance, width: number, weights: ReadonlyMap<string, number>): string {
  const {rule, before, after} = pair
  const title = ` ${index + 1}/${total} · ${rule.id} · ${languageName(pair.lang, 'en', true)} `
  const out = [c.bold(`──${title}${'─'.repeat(Math.max(2, width - title.length - 2))}`)]
  for (const row of wrapPieces([{text: rule.summary, style: c[FAMILY_COLOR[rule.category]]}], width)) out.push(row)
  out.push('')
  for (const row of draftBlock('Before', before, c, width, weights)) out.push(row)
  out.push('')
  for (const row of draftBlock('After', after, c, width, weights)) out.push(row)
  out.push('')
  const delta = after.report.score - before.report.score
  out.push(`${c.bold('Score')}  ${scoreText(before.report, c)} → ${scoreText(after.report, c)}  ${c.dim(`(${delta >= 0 ? '+' : ''}${delta})`)}`, '')
  out.push(c.bold('Why'), wrapText(pair.rule.rationale, width, '  '), '')
  return out.join('\n') + '\n'
}

// ---------------------------------------------------------------------------
// HTML

export function renderDemoHtml(pairs: readonly LintedPair[], weights: ReadonlyMap<string, number>): string {
  const langs = [...new Set(pairs.map((pair) => pair.lang))].map((lang) => languageName(lang, 'en', true))
  const families = new Set(pairs.flatMap((pair) => [...pair.before.report.findings, ...pair.after.report.findings].map((finding) => familyOf(finding.rule))))
  const toc = pairs
    .map(
      (pair, index) =>
        `<li><a href="#p${index + 1}">${escapeHtml(pair.rule.id)}</a> <span class="sub">${languageName(pair.lang, 'en', true)}: ` +
        `${pair.before.report.score} ${pair.before.report.grade} → ${pair.after.report.score} ${pair.after.report.grade}</span></li>`
    )
    .join('')
  const sections = pairs
    .map((pair, index) => {
      const id = `p${index + 1}`
      const {before, after} = pair
      const delta = after.report.score - before.report.score
      const side = (label: string, draft: {report: DraftReport; text: string}, suffix: string) =>
        `<div class="card">${draftCard({report: draft.report, source: draft.text}, {weights, id: `${id}-${suffix}`, heading: label, level: 3, bare: true})}</div>`
      return (
        `<section class="card pair" id="${id}" aria-labelledby="${id}-title">` +
        `<h2 id="${id}-title">${index + 1}. <span class="rule f-${familyOf(pair.rule.id)}">${escapeHtml(pair.rule.id)}</span> <span class="sub">${languageName(pair.lang, 'en', true)}</span></h2>` +
        `<p class="sub">${escapeHtml(pair.rule.summary)}</p>` +
        `<p class="delta">Score ${before.report.score} ${before.report.grade} → ${after.report.score} ${after.report.grade} (${delta >= 0 ? '+' : ''}${delta})</p>` +
        `<div class="pair-cols">${side('Before', before, 'b')}${side('After', after, 'g')}</div>` +
        `<div class="why"><h3>Why</h3><p>${escapeHtml(pair.rule.rationale)}</p></div></section>`
      )
    })
    .join('')
  const body =
    `<header class="top"><h1>cluelint demo: personal, not personalized</h1>` +
    `<p class="meta">${pairs.length} pair${pairs.length === 1 ? '' : 's'} of drafts (${langs.join(' and ') || 'none'}): each bad draft, then the same message rewritten.</p>${legend(families.size > 0 ? families : undefined)}</header>` +
    `<main id="main">${pairs.length === 0 ? '<p class="empty">No fixture pairs found.</p>' : `<nav class="card" aria-labelledby="toc-title"><h2 id="toc-title">Pairs</h2><ol class="toc">${toc}</ol></nav>${sections}`}</main>`
  return page({title: 'cluelint demo', body})
}

// ---------------------------------------------------------------------------
// The command

export interface DemoFlags {
  lang?: Lang
  /** The language of the messages. */
  locale?: Locale
  all?: boolean
  format: 'pretty' | 'html'
  output?: string
  color: boolean
}

export interface DemoIo {
  stdout: {write(chunk: string): unknown; isTTY?: boolean; columns?: number}
  stderr: {write(chunk: string): unknown}
  stdin: NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown}
}

/** Waits for one key press on a TTY; resolves with what was typed (or `q` when the input ends). */
export function readKey(stdin: DemoIo['stdin']): Promise<string> {
  return new Promise((resolve) => {
    const done = (key: string) => {
      stdin.removeListener('data', onData)
      stdin.removeListener('end', onEnd)
      stdin.setRawMode?.(false)
      stdin.pause()
      resolve(key)
    }
    const onData = (data: Buffer | string) => done(String(data))
    const onEnd = () => done('q')
    stdin.setRawMode?.(true)
    stdin.on('data', onData)
    stdin.once('end', onEnd)
    stdin.resume()
  })
}

/** `-o`: never over a fixture the demo read; through a temporary file renamed when complete. */
function writeReport(target: string, text: string, pairs: readonly DemoPair[]): void {
  refuseInputAsOutput(target, pairs.flatMap((pair) => [pair.bad.path, pair.good.path]))
  const output = fileOutput(target)
  try {
    output.write(text)
    output.finish()
  } finally {
    output.abort()
  }
}

const QUIT = new Set(['q', 'Q', '\u0003', '\u001b', '\u0004'])

/**
 * Runs the demo. `colorLevel` is the CLI's colour decision for stdout.
 * Returns the exit code (0; 2 when there is nothing to show).
 */
export async function runDemo(flags: DemoFlags, io: DemoIo, colorLevel: 0 | 1 | 2 | 3, weights: ReadonlyMap<string, number>): Promise<number> {
  const pairs = fixturePairs({langs: flags.lang ? [flags.lang] : undefined}).map((pair) => lintPair(pair, flags.locale))
  if (pairs.length === 0) {
    io.stderr.write(`cluelint: demo: no pairs of bad and good fixtures found in ${FIXTURES}\n`)
    return 2
  }
  if (flags.format === 'html') {
    const html = renderDemoHtml(pairs, weights)
    if (flags.output) writeReport(flags.output, html, pairs)
    else io.stdout.write(html)
    return 0
  }
  const c = new Chalk({level: flags.output ? 0 : colorLevel})
  const width = textWidth(io.stdout.columns)
  const interactive = !flags.all && !flags.output && io.stdin.isTTY === true && io.stdout.isTTY === true && typeof io.stdin.setRawMode === 'function'
  if (!interactive) {
    const text = pairs.map((pair, index) => renderPairText(pair, index, pairs.length, c, width, weights)).join('\n')
    if (flags.output) writeReport(flags.output, text, pairs)
    else io.stdout.write(text)
    return 0
  }
  for (let index = 0; index < pairs.length; index++) {
    io.stdout.write(renderPairText(pairs[index], index, pairs.length, c, width, weights))
    if (index === pairs.length - 1) break
    io.stdout.write(c.dim(`Press a key for the next pair (${pairs.length - index - 1} more), q to quit `))
    const key = await readKey(io.stdin)
    io.stdout.write('\r\u001b[2K\n')
    if (QUIT.has(key)) {
      io.stdout.write(c.dim(`Stopped after ${index + 1} of ${pairs.length} pairs. 'cluelint demo --all' prints them all.\n`))
      break
    }
  }
  return 0
}
