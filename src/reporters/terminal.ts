import type {Locale} from '../i18n.js'
import type {ChalkInstance} from 'chalk'
import {lintText, type LintOptions} from '../engine.js'
import {languageName} from '../lang/names.js'
import type {Rule, RuleCategory} from '../rule.js'
import type {Finding, Severity} from '../types.js'
import {FAMILIES, familyOf, segment, type Span} from './html.js'

/**
 * Terminal rendering shared by `cluelint rules`, `cluelint explain` and
 * `cluelint demo`: text wrapped to the terminal's width (styles applied after
 * wrapping, so escape codes never count as width), columns aligned, rule
 * families in the same colours as the HTML report.
 */

/** A run of text with an optional style (a chalk function). */
export interface Piece {
  text: string
  style?: (text: string) => string
}

type Color = 'magenta' | 'yellow' | 'blue' | 'cyan' | 'green' | 'gray'
export const FAMILY_COLOR: Record<RuleCategory | 'other', Color> = {
  personalization: 'magenta',
  courtesy: 'yellow',
  focus: 'blue',
  wording: 'cyan',
  form: 'green',
  other: 'gray'
}
export const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'blue'> = {error: 'red', warning: 'yellow', info: 'blue'}
export const SEVERITY_LABEL: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'note'}

/** The width to wrap at: the terminal's, within reason. */
export function textWidth(columns: number | undefined): number {
  return Math.max(40, Math.min(columns ?? 80, 110))
}

const length = (text: string) => [...text].length

/**
 * Word-wraps styled pieces to `width` columns. Line breaks in the text are
 * kept; a word longer than the line is cut. `first` prefixes the first line,
 * `rest` the others (a hanging indent).
 */
export function wrapPieces(pieces: readonly Piece[], width: number, first = '', rest = first): string[] {
  const plain = pieces.map((piece) => piece.text).join('')
  const ranges: Array<[number, number]> = []
  const room = () => Math.max(10, width - length(ranges.length === 0 ? first : rest))
  let hardStart = 0
  for (const hard of plain.split('\n')) {
    let from = hardStart
    let cursor = hardStart
    for (const word of hard.matchAll(/\S+/g)) {
      const start = hardStart + word.index
      const end = start + word[0].length
      if (cursor > from && end - from > room()) {
        ranges.push([from, cursor])
        from = start
      }
      // A word longer than a whole line is cut.
      while (end - from > room()) {
        ranges.push([from, from + room()])
        from += ranges[ranges.length - 1][1] - ranges[ranges.length - 1][0]
      }
      cursor = end
    }
    ranges.push([from, Math.max(from, cursor)])
    hardStart += hard.length + 1
  }
  return ranges.map(([from, to], index) => (index === 0 ? first : rest) + styleRange(pieces, from, to))
}

function styleRange(pieces: readonly Piece[], from: number, to: number): string {
  let out = ''
  let offset = 0
  for (const piece of pieces) {
    const start = Math.max(from, offset)
    const end = Math.min(to, offset + piece.text.length)
    if (start < end) {
      const text = piece.text.slice(start - offset, end - offset)
      out += piece.style ? piece.style(text) : text
    }
    offset += piece.text.length
  }
  return out
}

/** Plain text wrapped with a prefix on every line. */
export function wrapText(text: string, width: number, prefix = ''): string {
  return wrapPieces([{text}], width, prefix).join('\n')
}

/**
 * A draft's text with its findings marked: coloured and underlined by
 * family with a `[n]` after each finding; without colour, `[` and `][n]`
 * around them.
 */
export function markedPieces(text: string, findings: ReadonlyArray<Pick<Finding, 'rule' | 'offset' | 'endOffset'>>, c: ChalkInstance, numbers = true): Piece[] {
  const spans: Span[] = findings.map((finding, index) => ({id: String(index + 1), start: finding.offset, end: finding.endOffset, family: familyOf(finding.rule)}))
  const ends = new Map<number, string[]>()
  const starts = new Map<number, number>()
  for (const span of spans) {
    if (span.end <= span.start) continue
    ends.set(span.end, [...(ends.get(span.end) ?? []), span.id])
    starts.set(span.start, (starts.get(span.start) ?? 0) + 1)
  }
  const colour = c.level > 0
  const pieces: Piece[] = []
  const byId = new Map(spans.map((span) => [span.id, span]))
  for (const piece of segment(text.length, spans)) {
    if (piece.pin) {
      // A place, not words: just its number.
      pieces.push({text: piece.ids.map((id) => (numbers ? `[${id}]` : '[]')).join(''), style: c.dim})
      continue
    }
    const opening = colour ? 0 : (starts.get(piece.start) ?? 0)
    if (opening > 0) pieces.push({text: '['.repeat(opening), style: c.dim})
    const slice = text.slice(piece.start, piece.end)
    if (piece.ids.length === 0 || !colour) pieces.push({text: slice})
    else {
      const inner = piece.ids.map((id) => byId.get(id)!).reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a))
      pieces.push({text: slice, style: c.underline[FAMILY_COLOR[inner.family]]})
    }
    const closing = ends.get(piece.end)
    if (closing && (numbers || !colour)) pieces.push({text: (colour ? '' : ']'.repeat(closing.length)) + (numbers ? closing.map((id) => `[${id}]`).join('') : ''), style: c.dim})
  }
  return pieces
}

// ---------------------------------------------------------------------------
// cluelint rules

type RuleInfo = Pick<Rule, 'id' | 'summary' | 'rationale' | 'category' | 'languages' | 'severity' | 'weight' | 'examples'>

/** The rule list: id, languages, severity and weight aligned, summary wrapped beside them. */
export function renderRules(rules: readonly RuleInfo[], c: ChalkInstance, width: number): string {
  const idWidth = rules.reduce((max, rule) => Math.max(max, rule.id.length), 4)
  const head = ['RULE'.padEnd(idWidth), 'LANG ', 'SEVERITY', 'WEIGHT']
  const lead = head.join('  ').length + 2
  const beside = width - lead >= 30
  const out = [c.dim(head.join('  ') + '  SUMMARY')]
  for (const rule of rules) {
    const severity = c[SEVERITY_COLOR[rule.severity]](rule.severity.padEnd(8))
    const columns = `${c.bold[FAMILY_COLOR[rule.category] ?? 'gray'](rule.id.padEnd(idWidth))}  ${rule.languages.join(',').padEnd(5)}  ${severity}  ${String(rule.weight).padStart(6)}  `
    if (beside) {
      const [firstLine, ...more] = wrapPieces([{text: rule.summary}], width - lead)
      out.push(columns + firstLine)
      for (const line of more) out.push(' '.repeat(lead) + line)
    } else {
      out.push(columns.trimEnd(), wrapText(rule.summary, width, '    '))
    }
  }
  const used = new Set<string>(rules.map((rule) => rule.category))
  const families = FAMILIES.filter((family) => used.has(family.id))
  const legend: Piece[] = [{text: 'Families: ', style: c.dim}]
  families.forEach((family, index) => legend.push({text: family.id, style: c[FAMILY_COLOR[family.id]]}, {text: index === families.length - 1 ? '. ' : ', ', style: c.dim}))
  legend.push({text: "'cluelint explain <rule>' says why each one matters.", style: c.dim})
  out.push('')
  for (const row of wrapPieces(legend, width)) out.push(row)
  return out.join('\n') + '\n'
}

// ---------------------------------------------------------------------------
// cluelint explain <rule>

/**
 * Why a rule exists, with its examples: in each bad example, the words the
 * rule fires on are marked (by running the rule on it).
 */
/** `options`: the lint options its examples are linted with (a team's rule is in their `customRules`). */
export function renderExplain(rule: RuleInfo, c: ChalkInstance, width: number, locale: Locale = 'en', options: LintOptions = {}): string {
  const out: string[] = [
    `${c.bold[FAMILY_COLOR[rule.category] ?? 'gray'](rule.id)}  ${c.dim(`${rule.category} · ${rule.languages.join(', ')} · default ${rule.severity} · weight ${rule.weight}`)}`,
    '',
    wrapText(rule.summary, width),
    '',
    c.bold('Why'),
    wrapText(rule.rationale, width, '  '),
    ''
  ]
  for (const lang of rule.languages) {
    const examples = rule.examples[lang]
    if (!examples) continue
    out.push(c.bold(languageName(lang, 'en', true)))
    for (const bad of examples.bad) {
      const findings = lintText(bad, {...options, lang, locale}).findings.filter((finding) => finding.rule === rule.id)
      const pieces = markedPieces(bad, findings, c, false)
      for (const row of wrapPieces(pieces, width, `  ${c.red('✖ bad ')}  `, '          ')) out.push(row)
      // What the rule says about it, in the user's language.
      for (const finding of findings) for (const row of wrapPieces([{text: finding.message}], width, `          ${c.dim('→')} `, '            ')) out.push(row)
    }
    for (const good of examples.good) for (const row of wrapPieces([{text: good}], width, `  ${c.green('✔ good')}  `, '          ')) out.push(row)
    out.push('')
  }
  return out.join('\n')
}
