import {Chalk, type ChalkInstance} from 'chalk'
import {fixFirst} from '../score.js'
import type {DraftReport, Finding, Grade, Report, Severity} from '../types.js'
import type {Reporter, ReporterOptions} from './types.js'

const GRADE_COLOR: Record<Grade, 'green' | 'yellow' | 'red'> = {A: 'green', B: 'green', C: 'yellow', D: 'yellow', F: 'red'}
const SEVERITY_COLOR: Record<Severity, 'red' | 'yellow' | 'blue'> = {error: 'red', warning: 'yellow', info: 'blue'}
const SEVERITY_LABEL: Record<Severity, string> = {error: 'error', warning: 'warning', info: 'note'}

/**
 * The report a sales rep reads before sending: per draft a header with its
 * score, each finding with the line it is on and the words underlined, the
 * three findings that cost the most, and a summary line.
 */
export function prettyReporter(options: ReporterOptions): Reporter {
  const c = new Chalk({level: options.color})
  return {
    draft: (draft, source, firstLine = 1) => renderDraft(draft, source, c, options, firstLine),
    done: (report, run) => renderSummary(report, c, run?.inputErrors ?? 0),
    streaming: true
  }
}

function renderDraft(draft: DraftReport, source: string, c: ChalkInstance, options: ReporterOptions, firstLine: number): string {
  const out: string[] = []
  const grade = c[GRADE_COLOR[draft.grade]].bold(`${draft.score}/100 ${draft.grade}`)
  out.push(`${c.underline(visible(draft.name))} ${c.dim(`(${draft.lang})`)}  ${grade}`)
  if (draft.findings.length === 0) {
    out.push(`  ${c.green('✔')} nothing to say`, '')
    return out.join('\n') + '\n'
  }
  const lines = source.split('\n')
  const place = (finding: Finding) => `${finding.line}:${finding.column}`
  // A loop, not Math.max(...list): a draft can have more findings than a call takes arguments.
  let width = 0
  let severityWidth = 0
  for (const finding of draft.findings) {
    width = Math.max(width, place(finding).length)
    severityWidth = Math.max(severityWidth, SEVERITY_LABEL[finding.severity].length)
  }
  for (const finding of draft.findings) {
    out.push(
      `  ${c.dim(place(finding).padEnd(width))}  ${c[SEVERITY_COLOR[finding.severity]](SEVERITY_LABEL[finding.severity].padEnd(severityWidth))}  ${visible(finding.message)}  ${c.dim(finding.rule)}`
    )
    const line = lines[finding.line - firstLine]
    if (line === undefined) continue
    for (const row of highlight(line.replace(/\r$/, ''), finding, c)) out.push(`  ${' '.repeat(width)}  ${c.dim('│')} ${row}`)
  }
  const first = fixFirst(draft.findings, options.weights)
  if (draft.findings.length > 1) {
    out.push('', `  ${c.bold('Fix first:')}`)
    // The full messages are above: here, where and what, in one short line each.
    first.forEach((finding, index) => {
      const excerpt = finding.excerpt.replace(/\s+/g, ' ')
      const shown = visible(excerpt.length > 50 ? excerpt.slice(0, 49) + '…' : excerpt)
      out.push(`  ${index + 1}. ${c.dim(place(finding))} ${c.bold(finding.rule)} ${c[SEVERITY_COLOR[finding.severity]](`“${shown}”`)}`)
    })
  }
  out.push('')
  return out.join('\n') + '\n'
}

/**
 * The source line, shortened around the finding when long, with the
 * finding's words underlined; without colour, carets on a second line.
 */
function highlight(line: string, finding: Finding, c: ChalkInstance): string[] {
  const start = Math.min(finding.column - 1, line.length)
  const end = finding.endLine === finding.line ? Math.max(start + 1, finding.endColumn - 1) : line.length
  const room = 100
  const from = line.length > room ? Math.max(0, Math.min(start - 30, line.length - room)) : 0
  const to = Math.min(line.length, from + room)
  // Shown, not obeyed: a draft's control characters (a terminal's escapes) are written out as `\x1b`.
  const before = (from > 0 ? '…' : '') + visible(line.slice(from, start))
  const marked = visible(line.slice(start, Math.min(end, to)))
  const after = visible(line.slice(Math.min(end, to), to)) + (to < line.length ? '…' : '')
  if (c.level > 0) return [`${c.dim(before)}${c.bold.underline[SEVERITY_COLOR[finding.severity]](marked)}${c.dim(after)}`]
  return [before + marked + after, ' '.repeat([...before].length) + '^'.repeat(Math.max(1, [...marked].length))]
}

/** Control characters but tab (C0, DEL, C1) as `\x1b`: a draft's escapes (set the title, clear the screen) would act on the terminal. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g

export function visible(text: string): string {
  return text.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

function renderSummary(report: Report, c: ChalkInstance, inputErrors = 0): string {
  const {summary} = report
  const parts = [`${summary.drafts} draft${summary.drafts === 1 ? '' : 's'}`]
  const problems = `${summary.findings} finding${summary.findings === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'})`
  parts.push(problems)
  if (summary.meanScore !== null) parts.push(`mean score ${summary.meanScore}`, `lowest ${summary.minScore}`)
  // Inputs that could not be read fail the run (exit 2): no success mark then.
  if (inputErrors > 0) parts.push(`${inputErrors} input${inputErrors === 1 ? '' : 's'} could not be read`)
  const mark = summary.errors > 0 || inputErrors > 0 ? c.red('✖') : summary.warnings > 0 ? c.yellow('⚠') : c.green('✔')
  return `${mark} ${parts.join(' · ')}\n`
}
