import type {Analysis} from './analysis.js'
import {packFor} from '../lang/packs.js'
import {derivation, derive} from './derived.js'
import {draftFields} from './fields.js'

/**
 * Words as a reader counts them, for rules that measure (length,
 * readability): a French elision is one word with what follows ("j'ai",
 * "l'équipe"), a URL or e-mail address is one item however many tokens the
 * parser made of it, and a merge field ({{first_name}}, [Company], <Prénom>)
 * is one item standing for a name.
 */
export type UnitKind = 'word' | 'number' | 'url' | 'field'

export interface Unit {
  kind: UnitKind
  /** Offsets into `analysis.text`. */
  start: number
  end: number
  /** Index into `analysis.tokens` of its last word token. */
  token: number
}

// Linear time: after a literal prefix, one run to the next space; an address's name is bounded.
// A link written without its scheme counts too: a domain with a path ("calendly.com/ana/intro"),
// or a bare domain under a common top-level domain ("ledgerly.com"); "Node.js", "e.g." are words.
const TLDS = 'com|org|net|io|co|ai|app|dev|fr|eu|uk|de|be|ch|ca|es|it|nl|me|ly|so|to|gg|us|info|biz'
const URL = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"«»]+|\b[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{1,190}` +
    String.raw`|(?<![\w.@/-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.(?:[a-z]{2,24}\/[^\s<>"«»]*|(?:${TLDS})\b(?![.-]\w))`,
  'giu'
)
const MAYBE_URL = new RegExp(String.raw`https?:\/\/|www\.|\w\.[a-z]{2,24}\/|\w\.(?:${TLDS})\b`, 'i')

interface Spans {
  /** Sorted, non-overlapping [start, end, kind]. */
  ranges: Array<[number, number, 'url' | 'field']>
}

/** Links and merge fields of the draft, found on first use and kept on its analysis. */
function spans(analysis: Analysis): Spans {
  return derive(analysis, SPANS)
}

const SPANS = derivation('links and merge fields as counted words', findSpans)

function findSpans(analysis: Analysis): Spans {
  const ranges: Array<[number, number, 'url' | 'field']> = []
  // Most drafts have no link or address: the pattern, tried at every word, is then skipped (profiled).
  const linked = analysis.text.includes('@') || MAYBE_URL.test(analysis.text)
  for (const match of linked ? analysis.text.matchAll(URL) : []) {
    // A link ends before the punctuation that closes its sentence.
    let end = match.index + match[0].length
    while (end > match.index + 1 && '.,;:!?)]'.includes(analysis.text[end - 1])) end--
    ranges.push([match.index, end, 'url'])
  }
  // Merge fields as the shared finder sees them (src/text/fields.ts), unless inside a link.
  const links = ranges.length
  let link = 0
  for (const field of draftFields(analysis)) {
    while (link < links && ranges[link][1] <= field.start) link++
    if (link < links && ranges[link][0] < field.end) continue
    ranges.push([field.start, field.end, 'field'])
  }
  ranges.sort((a, b) => a[0] - b[0])
  return {ranges}
}

/**
 * The counted words between two token indices (`from` inclusive, `to`
 * exclusive), in order. Linear in the number of tokens.
 */
export function wordUnits(analysis: Analysis, from = 0, to = analysis.tokens.length): Unit[] {
  const {tokens} = analysis
  const {ranges} = spans(analysis)
  const units: Unit[] = []
  let range = 0
  let elision = -1 // start offset of a pending "j'", "l'", "qu'"
  const elides = (packFor(analysis.lang).elisions?.length ?? 0) > 0
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (token.kind !== 'word') continue
    while (range < ranges.length && ranges[range][1] <= token.start) range++
    const inside = range < ranges.length && ranges[range][0] <= token.start ? ranges[range] : undefined
    if (inside) {
      const last = units[units.length - 1]
      if (last && last.start === inside[0]) {
        last.token = index
        continue
      }
      units.push({kind: inside[2], start: inside[0], end: inside[1], token: index})
      elision = -1
      continue
    }
    if (elides && token.norm.endsWith("'") && token.norm.length <= 8) {
      const next = tokens[index + 1]
      if (next && next.kind === 'word' && next.start === token.end) {
        elision = token.start
        continue
      }
    }
    const kind: UnitKind = startsWithNumber(token.value) ? 'number' : 'word'
    units.push({kind, start: elision === -1 ? token.start : elision, end: token.end, token: index})
    elision = -1
  }
  return units
}

/** Starts with a digit of any script (`\p{N}`); an ASCII first character is decided without the regular expression. */
function startsWithNumber(value: string): boolean {
  const code = value.charCodeAt(0)
  if (code < 0x80) return code >= 0x30 && code <= 0x39
  return /^\p{N}/u.test(value)
}
