import {createHash} from 'node:crypto'
import pkg from '../../package.json' with {type: 'json'}
import {languageName} from '../lang/names.js'
import {byCost, fixFirst} from '../score.js'
import {lineIndex} from '../text/lines.js'
import type {DraftReport, Finding, Grade, Severity, Summary} from '../types.js'
import {escapeHtml, FAMILIES, familyOf, segment, type Family, type Span} from './html/highlight.js'
import {SCRIPT} from './html/script.js'
import {STYLE} from './html/style.js'
import type {Reporter} from './types.js'

/**
 * `--format html`: one self-contained page a trainer can project. Per draft,
 * the text with each finding highlighted in place (colour and underline per
 * rule family, the message on hover and on keyboard focus), the score as a
 * gauge with its grade and the three findings to fix first; over several
 * drafts, an overview: score distribution, findings per rule and a table of
 * drafts sortable by score. No external asset and no network: the CSS and
 * the script are inlined, and a Content-Security-Policy forbids any fetch.
 *
 * Drafts are untrusted: every piece of text goes through `escapeHtml`.
 */

export {escapeHtml, FAMILIES, familyOf, segment, type Family, type Segment, type Span} from './html/highlight.js'

const SEVERITY_LABEL: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'note'}

export interface HtmlOptions {
  /** Rule weights, for "fix first". */
  weights: ReadonlyMap<string, number>
  /** The page's title. */
  title?: string
}

/** A draft with the text its findings point into. */
export interface HtmlDraft {
  report: DraftReport
  /** The text of the file (or of the part of it, see `firstLine`); undefined when unknown. */
  source?: string
  /** The line of the file `source` starts at. */
  firstLine?: number
}

/**
 * Collects each draft with its source in `draft` (the text is needed to
 * highlight in place) and writes the page in `done`.
 */
export function htmlReporter(options: HtmlOptions): Reporter {
  const drafts: HtmlDraft[] = []
  return {
    draft(report, source, firstLine = 1) {
      drafts.push({report, source, firstLine})
      return ''
    },
    done(report) {
      // Used as a library without `draft` calls: no source, findings only.
      const items = drafts.length > 0 ? drafts : report.drafts.map((draft) => ({report: draft}))
      return renderReport(items, report.summary, options)
    }
  }
}

/** A message with its `code` spans, escaped. */
function richText(text: string): string {
  return escapeHtml(text).replace(/`([^`\n]+)`/g, '<code>$1</code>')
}

/**
 * The finding's start and end in `source`, from its line and column (so it
 * also holds when `source` is one row of a CSV file starting at `firstLine`).
 */
export function spanOffsets(source: string, firstLine: number, finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): {start: number; end: number} | undefined {
  const {starts} = lineIndex(source)
  const at = (line: number, column: number) => {
    const lineStart = starts[line - firstLine]
    if (lineStart === undefined) return undefined
    const lineEnd = line - firstLine + 1 < starts.length ? starts[line - firstLine + 1] : source.length
    return Math.min(lineStart + column - 1, lineEnd)
  }
  const start = at(finding.line, finding.column)
  if (start === undefined) return undefined
  const end = at(finding.endLine, finding.endColumn) ?? source.length
  return {start, end: Math.max(start, end)}
}

/** The draft's text as HTML, with the highlights. */
export function highlightHtml(source: string, spans: readonly Span[]): string {
  const family = new Map(spans.map((span) => [span.id, span]))
  const length = (span: Span) => span.end - span.start
  let html = ''
  for (const piece of segment(source.length, spans)) {
    const text = escapeHtml(source.slice(piece.start, piece.end))
    if (piece.ids.length === 0) {
      html += text
      continue
    }
    const covering = piece.ids.map((id) => family.get(id)!)
    // The innermost finding gives the background, the outermost the underline.
    const inner = covering.reduce((a, b) => (length(b) < length(a) ? b : a))
    const outer = covering.reduce((a, b) => (length(b) > length(a) ? b : a))
    const classes = `hl b-${inner.family} u-${outer.family}${piece.pin ? ' pin' : ''}`
    const ids = piece.ids.join(' ')
    const focus = piece.starts.length > 0 ? ' tabindex="0"' : ''
    const label = piece.pin ? ` aria-label="finding here"` : ''
    html += `<mark class="${classes}" aria-describedby="${ids}"${focus}${label}>${text}</mark>`
  }
  return html
}

// ---------------------------------------------------------------------------
// Pieces of a page.

function gradeTone(grade: Grade): 'good' | 'mid' | 'bad' {
  return grade === 'A' || grade === 'B' ? 'good' : grade === 'F' ? 'bad' : 'mid'
}

/** The score as a half-ring gauge with the grade under the number. */
export function gauge(score: number, grade: Grade): string {
  return (
    `<svg class="gauge g-${gradeTone(grade)}" viewBox="0 0 140 96" role="img" aria-label="Score ${score} out of 100, grade ${grade}">` +
    `<use href="#arc" class="track"/><use href="#arc" class="value" stroke-dasharray="${score} 100"/>` +
    `<text class="num" x="70" y="66">${score}</text><text class="grade" x="70" y="90">grade ${grade}</text></svg>`
  )
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function countLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'no findings'
  const by = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length
  const parts = [plural(by('error'), 'error'), plural(by('warning'), 'warning'), plural(by('info'), 'note')].filter((part) => !part.startsWith('0 '))
  return `${plural(findings.length, 'finding')}: ${parts.join(', ')}`
}

/** One finding as list-item content: severity and message (in `link` when given), suggestions, rule, place. */
function findingBody(finding: Finding, link = ''): string {
  const family = familyOf(finding.rule)
  const suggestions = finding.suggestions.length > 0 ? ` <span class="try">Try: ${finding.suggestions.map((suggestion) => `<code>${escapeHtml(suggestion.fix.text || suggestion.desc)}</code>`).join(', ')}</span>` : ''
  return (
    `${link}<span class="sev sev-${finding.severity}">${SEVERITY_LABEL[finding.severity]}</span>` +
    `<span class="msg">${richText(finding.message)}</span>${link ? '</a>' : ''}${suggestions} ` +
    `<span class="rule f-${family}">${escapeHtml(finding.rule)}</span> <span class="pos">line ${finding.line}, column ${finding.column}</span>`
  )
}

export interface DraftCardOptions extends HtmlOptions {
  /** Prefix of every id in the card (unique in the page). */
  id: string
  /** Heading shown (default: the draft's name). */
  heading?: string
  /** Heading level of the card's title (2 by default). */
  level?: 2 | 3
  /** Wrap in a `.card` section (default) or return the inner parts only. */
  bare?: boolean
}

/** One draft: heading, gauge, highlighted text, fix first, all findings. */
export function draftCard(item: HtmlDraft, options: DraftCardOptions): string {
  const {report} = item
  const prefix = options.id
  const level = options.level ?? 2
  const findingId = (index: number) => `${prefix}-f${index + 1}`
  const indexOf = new Map(report.findings.map((finding, index) => [finding, index]))

  let text: string
  const unplaced: number[] = []
  if (item.source === undefined) {
    text = `<p class="nosource">The draft's text is not available.</p>`
  } else {
    const spans: Span[] = []
    report.findings.forEach((finding, index) => {
      const place = spanOffsets(item.source!, item.firstLine ?? 1, finding)
      if (place) spans.push({id: findingId(index), ...place, family: familyOf(finding.rule)})
      else unplaced.push(index)
    })
    const described = report.findings.length === 0 ? 'no findings' : `${plural(report.findings.length, 'highlighted finding')}; each highlight is described by its message`
    text = `<div class="text" id="${prefix}-text" lang="${report.lang}" role="group" aria-label="Text of the draft, ${described}">${highlightHtml(item.source, spans)}</div>`
  }

  // The findings, costliest first: the first three are "fix first" (never the same words twice), the rest folded away.
  // Each message is in the page once: the highlights' tooltips and descriptions point here.
  const first = fixFirst(report.findings, options.weights)
  const shown = new Set(first)
  const ordered = [...first, ...byCost(report.findings, options.weights).filter((finding) => !shown.has(finding))]
  const entry = (finding: Finding) => {
    const id = findingId(indexOf.get(finding)!)
    return `<li id="${id}" class="finding">${findingBody(finding, `<a class="goto" href="#${prefix}-text" data-goto="${id}">`)}</li>`
  }
  const rest = ordered.slice(first.length)
  const unplacedNote = unplaced.length > 0 ? `<p class="nosource">${plural(unplaced.length, 'finding')} could not be placed in the text.</p>` : ''
  const fix =
    report.findings.length === 0
      ? `<p class="clean">Nothing to fix: no findings.</p>`
      : `<ol class="findings">${first.map(entry).join('')}</ol>` +
        (rest.length > 0 ? `<details><summary>${plural(rest.length, 'more finding')}</summary><ol class="findings" start="${first.length + 1}">${rest.map(entry).join('')}</ol></details>` : '') +
        unplacedNote

  const title = escapeHtml(options.heading ?? report.name)
  const inner =
    `<div class="draft-head"><div><h${level} id="${prefix}-title">${title}</h${level}>` +
    `<p class="sub">${options.heading !== undefined ? `${escapeHtml(report.name)} · ` : ''}${escapeHtml(languageName(report.lang))} · ${countLine(report.findings)}</p></div>${gauge(report.score, report.grade)}</div>` +
    `<div class="draft-body">${text}<div class="fix"><h${level + 1}>${report.findings.length > 1 ? 'Fix first' : 'To fix'}</h${level + 1}>${fix}</div></div>`
  if (options.bare) return inner
  return `<section class="card draft" id="${prefix}" aria-labelledby="${prefix}-title">${inner}</section>`
}

/** The rule families' colours and underline styles. */
export function legend(families: ReadonlySet<Family> | undefined = undefined): string {
  const shown = FAMILIES.filter((family) => (families ? families.has(family.id) : family.id !== 'other'))
  if (shown.length === 0) return ''
  return `<ul class="legend" aria-label="Highlight colours by rule family">${shown
    .map((family) => `<li><mark class="hl b-${family.id} u-${family.id}">${family.label}</mark> ${family.about}</li>`)
    .join('')}</ul>`
}

/** Histogram of scores in ten bins (0–9 … 90–100), coloured by grade. */
function scoreChart(drafts: readonly DraftReport[]): string {
  const bins = Array.from({length: 10}, (_, index) => ({from: index * 10, to: index === 9 ? 100 : index * 10 + 9, count: 0}))
  for (const draft of drafts) bins[Math.min(9, Math.floor(draft.score / 10))].count++
  const max = bins.reduce((max, bin) => Math.max(max, bin.count), 1)
  const tone = (from: number) => (from >= 80 ? 'good' : from >= 60 ? 'mid' : 'bad')
  const items = bins
    .map(
      (bin) =>
        `<li class="g-${tone(bin.from)}"><span class="n" aria-hidden="true">${bin.count || ''}</span>` +
        `<span class="bar" style="height:${((bin.count / max) * 100).toFixed(1)}%"></span>` +
        `<span class="x" aria-hidden="true">${bin.from}–${bin.to}</span><span class="sr">${bin.from} to ${bin.to}: ${plural(bin.count, 'draft')}</span></li>`
    )
    .join('')
  return `<figure class="chart" id="score-chart"><figcaption>Score distribution</figcaption><ol class="histogram">${items}</ol></figure>`
}

/** Horizontal bars: findings per rule, most frequent first, coloured by family. */
function ruleChart(drafts: readonly DraftReport[]): string {
  const counts = new Map<string, number>()
  for (const draft of drafts) for (const finding of draft.findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1)
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const max = rows.reduce((max, [, count]) => Math.max(max, count), 1)
  const body =
    rows.length === 0
      ? `<p class="empty">No findings.</p>`
      : `<ol class="hbars">${rows
          .map(
            ([rule, count]) =>
              `<li class="f-${familyOf(rule)}"><span class="label">${escapeHtml(rule)}</span>` +
              `<span class="track" aria-hidden="true"><span class="bar" style="width:${((count / max) * 100).toFixed(1)}%"></span></span>` +
              `<span class="n">${count}<span class="sr"> ${count === 1 ? 'finding' : 'findings'}</span></span></li>`
          )
          .join('')}</ol>`
  return `<figure class="chart" id="rule-chart"><figcaption>Findings per rule</figcaption>${body}</figure>`
}

function draftsTable(drafts: readonly DraftReport[]): string {
  const head =
    `<thead><tr><th scope="col" aria-sort="none"><button type="button" data-sort="name">Draft</button></th>` +
    `<th scope="col">Language</th>` +
    `<th scope="col" class="num" aria-sort="none"><button type="button" data-sort="score">Score</button></th>` +
    `<th scope="col" class="num" aria-sort="none"><button type="button" data-sort="findings">Findings</button></th></tr></thead>`
  const rows = drafts
    .map(
      (draft, index) =>
        `<tr data-index="${index}" data-name="${escapeHtml(draft.name)}" data-score="${draft.score}" data-findings="${draft.findings.length}">` +
        `<td><a href="#d${index + 1}">${escapeHtml(draft.name)}</a></td><td>${draft.lang}</td>` +
        `<td class="num"><span class="pill g-${gradeTone(draft.grade)}">${draft.score} ${draft.grade}</span></td>` +
        `<td class="num">${draft.findings.length}</td></tr>`
    )
    .join('')
  return `<table id="drafts-table"><caption>Drafts <span>(sort by a column heading)</span></caption>${head}<tbody>${rows}</tbody></table>`
}

function summaryLine(summary: Summary): string {
  const parts = [plural(summary.drafts, 'draft')]
  if (summary.meanScore !== null) parts.push(`mean score ${summary.meanScore}`, `lowest ${summary.minScore}`)
  parts.push(`${plural(summary.findings, 'finding')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')})`)
  return parts.join(' · ')
}

/** The whole report page. */
export function renderReport(items: readonly HtmlDraft[], summary: Summary, options: HtmlOptions): string {
  const drafts = items.map((item) => item.report)
  const families = new Set(drafts.flatMap((draft) => draft.findings.map((finding) => familyOf(finding.rule))))
  const overview =
    items.length > 1
      ? `<section class="card overview" aria-labelledby="overview-title"><h2 id="overview-title">Overview</h2>` +
        `<div class="charts">${scoreChart(drafts)}${ruleChart(drafts)}</div>${draftsTable(drafts)}</section>`
      : ''
  const cards = items.length === 0 ? `<p class="empty">No drafts were linted.</p>` : items.map((item, index) => draftCard(item, {...options, id: `d${index + 1}`})).join('')
  const body =
    `<header class="top"><h1>${escapeHtml(options.title ?? 'cluelint report')}</h1><p class="meta">${summaryLine(summary)}</p>${legend(families.size > 0 ? families : undefined)}</header>` +
    `<main id="main">${overview}${cards}</main>`
  return page({title: options.title ?? 'cluelint report', body})
}

const CSP_SCRIPT = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`

/**
 * The page shell: inlined style and script, and a Content-Security-Policy
 * that allows nothing else (no fetch, no image, no font from anywhere).
 */
export function page(parts: {title: string; body: string; lang?: string}): string {
  return (
    `<!doctype html>\n<html lang="${parts.lang ?? 'en'}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src ${CSP_SCRIPT}; base-uri 'none'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">` +
    `<meta name="generator" content="cluelint ${pkg.version}"><title>${escapeHtml(parts.title)}</title><style>${STYLE}</style></head>` +
    // The gauges' arc, drawn once and used by each.
    `<body><svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs><path id="arc" d="M14 70 A56 56 0 0 1 126 70" pathLength="100"/></defs></svg>` +
    `<a class="skip" href="#main">Skip to the report</a>${parts.body}` +
    `<footer>Made with cluelint ${pkg.version}. Hover, tap or tab to a highlight to read its message.</footer>` +
    `<div id="tip" class="tip" role="tooltip" hidden></div><div id="status" class="sr" role="status" aria-live="polite"></div>` +
    `<script>${SCRIPT}</script></body></html>\n`
  )
}
