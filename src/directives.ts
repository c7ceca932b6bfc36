/**
 * Inline directives: a writer silences a rule where they mean it.
 *
 *   <!-- cluelint-disable buzzword-overuse -->      from here on (Markdown, HTML, any file)
 *   <!-- cluelint-enable -->                         back on (all rules, or the ones named)
 *   <!-- cluelint-disable-next-line flattery -->     the next non-empty line only
 *   Some text <!-- cluelint-disable-line length -->  this line only
 *
 * In plain text the same words stand alone on a line (no comment syntax):
 *
 *   cluelint-disable-next-line buzzword-overuse
 *
 * No rule id means every rule; several ids are separated by commas or
 * spaces; ` -- ` starts a free comment ("-- quoting the client"). An
 * unknown rule id is reported as a warning of the pseudo-rule
 * `cluelint-directive` at the id (as ESLint does), and silences nothing.
 *
 * It is a filter over findings, applied by the engine after the rules ran,
 * on the draft's original source, so its positions are those of the file.
 * The engine also blanks directives out of the text the rules read, so a
 * directive line is never linted as prose.
 */
import {lineIndex, type LineIndex} from './text/lines.js'
import type {Finding} from './types.js'
import {formatMessage, type Locale} from './i18n.js'
import {blankRanges} from './text/replies.js'

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

export interface Directive {
  kind: DirectiveKind
  /** Rule ids with their offsets; empty means all rules. */
  rules: Array<{id: string; start: number; end: number}>
  /** Offsets of the whole directive (comment or line) in the scanned text. */
  start: number
  end: number
}

/** The pseudo-rule a malformed directive is reported under. */
export const DIRECTIVE_RULE = {
  id: 'cluelint-directive',
  summary: 'An inline cluelint directive names a rule that does not exist, so it silences nothing.',
  rationale:
    'A `cluelint-disable` comment with a misspelt rule id looks like it silences a finding but does not; ' +
    "the draft then fails for a reason its writer believes they handled. Use the ids that 'cluelint rules' lists.",
  severity: 'warning' as const
}

// Linear: an attempt starts only at "<!-- cluelint-" and looks at most 300 characters ahead for "-->".
const COMMENT = /<!--[ \t]*cluelint-(disable-next-line|disable-line|disable|enable)(?![\w-])([^>]{1,300}?)-->/g
const LINE = /^[ \t]*cluelint-(disable-next-line|disable|enable)(?![\w-])([^\n]*)$/gm
const MARK = 'cluelint-'

function ruleIds(body: string, offset: number): Directive['rules'] {
  const cut = body.search(/(?:^|\s)--(?:\s|$)/)
  const list = cut === -1 ? body : body.slice(0, cut)
  const ids: Directive['rules'] = []
  for (const match of list.matchAll(/[^\s,]+/g)) ids.push({id: match[0], start: offset + match.index, end: offset + match.index + match[0].length})
  return ids
}

/** Every directive in `text`, in order. */
export function parseDirectives(text: string): Directive[] {
  if (!text.includes(MARK)) return []
  const found: Directive[] = []
  for (const pattern of [COMMENT, LINE]) {
    for (const match of text.matchAll(pattern)) {
      const body = match[2]
      const bodyStart = match.index + match[0].length - body.length - (pattern === COMMENT ? 3 : 0)
      found.push({kind: match[1] as DirectiveKind, rules: ruleIds(body, bodyStart), start: match.index, end: match.index + match[0].length})
    }
  }
  found.sort((a, b) => a.start - b.start)
  // A comment written inside a plain-text directive line belongs to that line.
  return found.filter((directive, index) => index === 0 || directive.start >= found[index - 1].end)
}

/** `text` with every directive replaced by spaces (line breaks kept), so offsets do not move. */
export function maskDirectives(text: string): string {
  return blankRanges(
    text,
    parseDirectives(text).map(({start, end}) => [start, end] as const)
  )
}

// Drafts of one file can share their source and are linted one after the
// other: parse it once, not once per draft.
let last: {source: string; directives: Directive[]; lines?: LineIndex} | undefined

function parsed(source: string) {
  if (last?.source !== source) last = {source, directives: parseDirectives(source)}
  return last
}

/** A directive found in a draft's extracted text, moved to its place in the source. */
function moved(directive: Directive, map: (offset: number) => number): Directive {
  const span = <T extends {start: number; end: number}>(item: T): T => ({...item, start: map(item.start), end: map(item.end - 1) + 1})
  return {...span(directive), rules: directive.rules.map(span)}
}

/** The line a next-line or line directive covers (1-based). */
function targetLine(source: string, lines: LineIndex, directives: readonly Directive[], at: number): number {
  const directive = directives[at]
  if (directive.kind === 'disable-line') return lines.toPoint(directive.start).line
  // The next line with something on it other than blanks and directives.
  const own = lines.toPoint(directive.end).line
  let next = at + 1
  for (let offset = directive.end; offset < source.length; offset++) {
    if (next < directives.length && offset === directives[next].start) {
      offset = directives[next].end - 1
      next++
      continue
    }
    if (/\s/.test(source[offset])) continue
    const line = lines.toPoint(offset).line
    if (line > own) return line
  }
  return own + 1
}

export interface DirectiveResult {
  /** The findings no directive silenced, in their order. */
  kept: Finding[]
  /** Directives that name unknown rules, as warnings of `cluelint-directive`. */
  problems: Finding[]
}

export interface DirectiveScope {
  /** Only the directives in this part of the source count (a CSV row's cell). */
  scope?: {start: number; end: number}
  /**
   * The draft's text when it was extracted from the source: directives on a
   * line of their own in the text (a CSV cell, an HTML paragraph) are not on
   * a line of their own in the source, so they are found here and moved.
   */
  text?: string
  map?: (offset: number) => number
  /** The language of the problems' messages (English by default). */
  locale?: Locale
}

/** Drops the findings that directives in `source` silence. */
export function applyDirectives(findings: Finding[], source: string, isRule: (id: string) => boolean, where: DirectiveScope = {}): DirectiveResult {
  const state = parsed(source)
  const {scope, text, map} = where
  let directives = scope ? state.directives.filter((directive) => directive.start >= scope.start && directive.end <= scope.end) : state.directives
  if (text !== undefined && map) {
    const known = new Set(directives.map((directive) => directive.start))
    const extra = parseDirectives(text)
      .map((directive) => moved(directive, map))
      .filter((directive) => !known.has(directive.start))
    if (extra.length > 0) directives = [...directives, ...extra].sort((a, b) => a.start - b.start)
  }
  if (directives.length === 0) return {kept: findings, problems: []}
  const lines = (state.lines ??= lineIndex(source))

  const problems: Finding[] = []
  for (const directive of directives) {
    for (const rule of directive.rules) {
      if (isRule(rule.id)) continue
      const from = lines.toPoint(rule.start)
      const to = lines.toPoint(rule.end)
      problems.push({
        rule: DIRECTIVE_RULE.id,
        severity: DIRECTIVE_RULE.severity,
        message: formatMessage(undefined, where.locale ?? 'en', 'unknownRule', {rule: rule.id, kind: directive.kind}),
        messageId: 'unknownRule',
        line: from.line,
        column: from.column,
        endLine: to.line,
        endColumn: to.column,
        excerpt: rule.id,
        suggestions: [],
        offset: rule.start,
        endOffset: rule.end
      })
    }
  }

  // Lines silenced by next-line / line directives: line -> ids (null: all).
  const silenced = new Map<number, Set<string> | null>()
  directives.forEach((directive, at) => {
    if (directive.kind !== 'disable-next-line' && directive.kind !== 'disable-line') return
    const line = targetLine(source, lines, directives, at)
    const ids = silenced.get(line)
    if (directive.rules.length === 0 || ids === null) silenced.set(line, null)
    else silenced.set(line, new Set([...(ids ?? []), ...directive.rules.map((rule) => rule.id)]))
  })
  const ranges = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable')

  const kept = findings.filter((finding) => {
    const ids = silenced.get(finding.line)
    if (ids === null || ids?.has(finding.rule)) return false
    return !disabledAt(ranges, finding.offset, finding.rule)
  })
  return {kept, problems}
}

/** Replays disable/enable directives up to `offset`: is `rule` off there? */
function disabledAt(ranges: readonly Directive[], offset: number, rule: string): boolean {
  let all = false
  const named = new Set<string>() // disabled ones, or re-enabled ones while all are off
  for (const directive of ranges) {
    if (directive.start > offset) break
    const ids = directive.rules.map((item) => item.id)
    if (ids.length === 0) {
      all = directive.kind === 'disable'
      named.clear()
    } else if ((directive.kind === 'disable') !== all) {
      for (const id of ids) named.add(id)
    } else {
      for (const id of ids) named.delete(id)
    }
  }
  return all ? !named.has(rule) : named.has(rule)
}
