import {rules as allRules} from '../../../rules/index.js'
import type {RuleCategory} from '../../rule.js'

/**
 * The parts of the HTML report that need no Node: rule families, escaping and
 * the cutting of a text at its findings' edges. The report (html.ts) and the
 * playground page, which runs in the browser, share them.
 */

export type Family = RuleCategory | 'other'

export const FAMILIES: ReadonlyArray<{id: Family; label: string; about: string}> = [
  {id: 'personalization', label: 'Personalization', about: 'merge fields, stock lines, the name repeated'},
  {id: 'courtesy', label: 'Courtesy', about: 'thanks, asks'},
  {id: 'focus', label: 'Focus', about: 'who the draft is about'},
  {id: 'wording', label: 'Wording', about: 'buzzwords, jargon, flattery, hard sentences'},
  {id: 'form', label: 'Form', about: 'length, number of asks'},
  {id: 'other', label: 'Other', about: 'directives'}
]

const familyByRule = new Map<string, Family>(allRules.map((rule) => [rule.id, rule.category]))

export function familyOf(rule: string): Family {
  return familyByRule.get(rule) ?? 'other'
}

const ESCAPES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/** Text or attribute value → HTML. Carriage returns are dropped (the HTML parser would fold CR LF anyway). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]).replace(/\r/g, '')
}

// ---------------------------------------------------------------------------
// Highlighting: findings may overlap, so the text is cut at every finding's
// start and end; each piece covered by findings becomes one element carrying
// all of them (`aria-describedby`), so every finding keeps its own highlight even when
// another one covers part of it.

/** A finding's place in the displayed text. */
export interface Span {
  id: string
  start: number
  end: number
  family: Family
}

export interface Segment {
  start: number
  end: number
  /** Ids of the findings covering this piece, in report order. */
  ids: string[]
  /** Ids of the findings starting here (the piece is then a keyboard stop). */
  starts: string[]
  /** Zero-length findings (a place, not words) are a marker before `start`. */
  pin?: boolean
}

/** Cuts `length` characters into pieces at the spans' edges. Linear in text plus spans times overlap. */
export function segment(length: number, spans: readonly Span[]): Segment[] {
  const edges = new Set<number>([0, length])
  for (const span of spans) {
    edges.add(span.start)
    edges.add(span.end)
  }
  const points = [...edges].filter((point) => point >= 0 && point <= length).sort((a, b) => a - b)
  const byStart = new Map<number, Span[]>()
  for (const span of spans) {
    const list = byStart.get(span.start) ?? []
    list.push(span)
    byStart.set(span.start, list)
  }
  const order = new Map(spans.map((span, index) => [span.id, index]))
  let active: Span[] = []
  const out: Segment[] = []
  for (let index = 0; index < points.length; index++) {
    const point = points[index]
    const starting = byStart.get(point) ?? []
    const pins = starting.filter((span) => span.end <= span.start)
    if (pins.length > 0) out.push({start: point, end: point, ids: pins.map((span) => span.id), starts: pins.map((span) => span.id), pin: true})
    active = active.filter((span) => span.end > point)
    for (const span of starting) if (span.end > span.start) active.push(span)
    const next = points[index + 1]
    if (next === undefined || next === point) continue
    active.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    out.push({
      start: point,
      end: next,
      ids: active.map((span) => span.id),
      starts: starting.filter((span) => span.end > span.start).map((span) => span.id)
    })
  }
  return out
}
