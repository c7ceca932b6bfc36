import {languages, packFor, packsVersion} from '../lang/packs.js'

/**
 * Text in a draft that its writer did not write for this reader, masked before the rules read it:
 *
 * - quoted lines of the message replied to (`> Do you support SSO?`, the RFC 3676 convention of
 *   plain-text mail), and the attribution line just before them ("On Tue, Jo wrote:", "Le mardi,
 *   Jo a écrit :");
 * - a forwarded or original message, from its separator ("---------- Forwarded message ---------",
 *   "-----Message d'origine-----") or its header block ("From: …" then "Sent: …") to the end;
 * - the signature after the "-- " separator, and a legal footer ("This email is confidential…",
 *   "Pensez à l'environnement avant d'imprimer"), from its first line to the end.
 *
 * Masked characters become spaces (line breaks stay), so offsets, lines and columns do not move
 * and a fix never lands there. The markers are each pack's data (`frame.replies` in
 * `langs/<code>/frame.json`), all packs at once: the text is masked before its language is known.
 * Markdown input is not concerned: its reader has already turned a blockquote's `>` into a space.
 */

export interface ReplyMarkers {
  /** How an attribution line ends ("wrote:", "a écrit :"). */
  quoteIntros: string[]
  /** Words of a separator line made of dashes around them ("original message", "message transféré"). */
  separators: string[]
  /** A header block: a line "<from>: …" followed by one of "<then>: …" ("From:" then "Sent:"). */
  headers: {from: string[]; then: string[]}
  /** How the first line of a legal footer starts. */
  footers: string[]
}

interface Markers {
  quoteIntros: string[]
  separators: string[]
  from: Set<string>
  then: Set<string>
  footers: string[]
  /** The first character of each footer, folded: a line starting otherwise is no footer. */
  footerStarts: Set<string>
}

let markers: {version: number; markers: Markers} | undefined

/** Every known pack's markers, folded; built again when a pack is registered. */
function current(): Markers {
  const version = packsVersion()
  if (markers?.version === version) return markers.markers
  const all: Markers = {quoteIntros: [], separators: [], from: new Set(), then: new Set(), footers: [], footerStarts: new Set()}
  for (const code of languages()) {
    const replies = packFor(code).frame.replies
    if (!replies) continue
    for (const item of replies.quoteIntros) all.quoteIntros.push(fold(item))
    for (const item of replies.separators) all.separators.push(fold(item))
    for (const item of replies.headers.from) all.from.add(fold(item))
    for (const item of replies.headers.then) all.then.add(fold(item))
    for (const item of replies.footers) all.footers.push(fold(item))
  }
  for (const footer of all.footers) all.footerStarts.add(footer.charAt(0))
  markers = {version, markers: all}
  return all
}

/** Lower case, no accents, straight apostrophes, single spaces: how lines and markers are compared. */
function fold(text: string): string {
  // Printable ASCII has no accents nor curly apostrophes to fold (most lines: the rest is the costly part).
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim()
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

interface Line {
  start: number
  /** End of its text, before the line break. */
  end: number
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    lines.push({start, end: end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end})
    start = end + 1
  }
  return lines
}

const ASCII = /^[\t\n\v\f\r\u0020-\u007e]*$/
/** Characters a separator line starts or ends with (see `replyRanges`). */
const SEPARATOR_MARKS = '-_=*>'

/**
 * Can the line be a separator or a footer? A line whose first and last characters (past spaces) are
 * ASCII that neither can start (footers) or start or end with (separators) cannot: its folded form
 * starts and ends with those same characters, lower-cased. Most lines are answered here, unfolded.
 */
function mayBeMarker(raw: string, found: Markers): boolean {
  let first = 0
  while (first < raw.length && /\s/.test(raw[first])) first++
  let last = raw.length - 1
  while (last >= first && /\s/.test(raw[last])) last--
  if (last < first) return false
  const head = raw.charCodeAt(first)
  const tail = raw.charCodeAt(last)
  if (head > 0x7f || tail > 0x7f) return true
  const start = raw[first].toLowerCase()
  return found.footerStarts.has(start) || SEPARATOR_MARKS.includes(start) || SEPARATOR_MARKS.includes(raw[last])
}

const isQuote = (text: string, line: Line) => /^[ \t]*>/.test(text.slice(line.start, Math.min(line.end, line.start + 64)))
const isBlank = (text: string, line: Line) => text.slice(line.start, line.end).trim() === ''
/** The label of a header line ("From: Jo <jo@x.com>" → "from"), folded; undefined for another line. */
function headerLabel(text: string, line: Line): string | undefined {
  const match = /^[ \t]*([^\s:][^:]{0,20}?)[ \t\u00a0\u202f]?:[ \t]/u.exec(text.slice(line.start, Math.min(line.end, line.start + 40)))
  return match ? fold(match[1]) : undefined
}

/** Where each masked range starts and ends, in `text` (sorted, disjoint). */
export function replyRanges(text: string): Array<[number, number]> {
  const found = current()
  const lines = linesOf(text)
  const ranges: Array<[number, number]> = []
  const toEnd = (line: Line) => ranges.push([line.start, text.length])
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    if (isQuote(text, line)) {
      // The quoted lines, and the attribution line above them (a blank line may stand between).
      let first = index
      const above = index > 0 && isBlank(text, lines[index - 1]) ? index - 2 : index - 1
      if (above >= 0 && !isQuote(text, lines[above])) {
        const folded = fold(text.slice(lines[above].start, lines[above].end))
        if (found.quoteIntros.some((intro) => folded.endsWith(intro))) first = above
      }
      let last = index
      while (last + 1 < lines.length && isQuote(text, lines[last + 1])) last++
      ranges.push([lines[first].start, lines[last].end])
      index = last
      continue
    }
    const raw = text.slice(line.start, line.end)
    // The signature separator: "-- " (some clients drop the space).
    if (raw === '-- ' || raw === '--') {
      toEnd(line)
      break
    }
    // Markers stand at the start of a line: only its start is folded (bounded work per line).
    const start = raw.length > 120 ? raw.slice(0, 120) : raw
    const folded = mayBeMarker(start, found) ? fold(start) : undefined
    if (folded === '') continue
    if (folded !== undefined && (/^[-_=*> ]{2}/.test(folded) || /^[-_=*]{2}$/.test(folded.slice(-2)))) {
      const words = folded.replace(/[-_=*>]+/g, ' ').trim()
      if (found.separators.some((separator) => words === separator || words.startsWith(separator))) {
        toEnd(line)
        break
      }
    }
    const label = headerLabel(text, line)
    if (label !== undefined && found.from.has(label)) {
      // "From: …" followed, within the next three lines, by "Sent: …" or "Date: …".
      let then = false
      for (let next = index + 1; next < lines.length && next <= index + 3 && !then; next++) {
        const other = headerLabel(text, lines[next])
        then = other !== undefined && found.then.has(other)
      }
      if (then) {
        toEnd(line)
        break
      }
    }
    if (folded !== undefined && found.footers.some((footer) => folded.startsWith(footer))) {
      toEnd(line)
      break
    }
  }
  return ranges
}

/** `text` with what `replyRanges` finds turned into spaces (line breaks kept): same length, same offsets. */
export function maskReplies(text: string): string {
  return blankRanges(text, replyRanges(text))
}

/** `text` with each range's characters but line breaks turned into spaces: same length, same lines. */
export function blankRanges(text: string, ranges: ReadonlyArray<readonly [number, number]>): string {
  if (ranges.length === 0) return text
  let out = ''
  let last = 0
  for (const [start, end] of ranges) {
    out += text.slice(last, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ')
    last = end
  }
  return out + text.slice(last)
}
