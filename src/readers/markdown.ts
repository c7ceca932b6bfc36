import type {Draft} from '../types.js'

/**
 * Markdown masking: turns a Markdown draft into plain prose for retext
 * WITHOUT moving anything. Every character that is Markdown syntax rather
 * than prose is replaced by a space; "\n" and "\r" are never touched, so the
 * result has the same UTF-16 length and every offset, line and column in it
 * points at the same character of the original file.
 *
 * The scanner is deliberately small and linear: one pass over the lines for
 * block syntax (front matter, fences, headings, quotes, lists, tables,
 * rules, reference definitions), then one left-to-right pass over each line
 * for inline syntax. Every forward look-ahead that can fail is bounded by the
 * line and by MAX_SCAN, and the regexes used have no nested quantifiers.
 *
 * Merge fields are prose here (a rule flags them), so `{{first_name}}`,
 * `[Prénom]` (a bracket not followed by "(" or "["), `%FNAME%` and
 * Mailchimp's `*|FNAME|*` are kept as written.
 *
 * Deliberately left out (kept as prose or handled approximately):
 * - indented code blocks (four spaces): nested list items are far more
 *   common in drafts;
 * - constructs spanning lines, except fences, front matter, HTML comments
 *   and <script>/<style>: emphasis, code spans, links and tags are matched
 *   within one line;
 * - emphasis is paired per line without link boundaries (CommonMark pairs
 *   inside link text separately); a `*` between digits is never emphasis;
 * - a raw `]` inside a link destination; footnotes (`[^1]`); HTML blocks'
 *   content (kept as prose, only the tags are blanked); processing
 *   instructions, declarations and CDATA; entity names are not checked
 *   against the HTML list;
 * - `[a][b]` is always a reference link, defined or not (as specified).
 */

/** Bound on look-aheads that may fail (link tails, tags, labels): ~linear. */
const MAX_SCAN = 2048

const LF = 10
const CR = 13
const TAB = 9
const SPACE = 32
const BACKTICK = 96
const TILDE = 126
const STAR = 42
const UNDERSCORE = 95

const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')

/**
 * Tags blanked as HTML. Only real HTML element names count: `<Name>` or
 * `<First Name>` in a template are placeholders (prose), not tags. Names that
 * double as common placeholders (title, time, label, address, data...) are
 * left out on purpose.
 */
const HTML_TAGS = new Set(
  (
    'a abbr article aside audio b bdi bdo big blockquote body br button caption center cite code col colgroup dd del ' +
    'details dfn div dl dt em embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe ' +
    'img ins kbd li link mark meta nav ol p picture pre q s samp script section small source span strike strong style sub ' +
    'summary sup table tbody td tfoot th thead tr tt u ul video wbr'
  ).split(' ')
)

const RAW_TEXT_OPEN = /<(?:script|style)[\s>]/iy
const RAW_TEXT_CLOSE = /<\/(?:script|style)[ \t]*>/gi
/** `&nbsp;`, `&#160;`, `&#xA0;`. Named ones need two characters (so `AT&T;` stays). */
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y
/** `<https://example.com>`: a scheme, a colon, no spaces or angle brackets. */
const AUTOLINK_URI = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y
/** `<jane@example.com>` */
const AUTOLINK_EMAIL = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>/y
/** Bare URL start; the rest is scanned by hand. */
const URL_START = /https?:\/\/|www\./iy
/** Mailchimp merge tag: kept whole so its `*` is not read as emphasis. */
const MAILCHIMP_TAG = /\*\|[A-Za-z0-9_:]{1,64}\|\*/y
/** `[label]: ` of `[label]: destination "optional title"` (the rest is checked by hand). */
const REFERENCE_LABEL = /^\[([^[\]]{1,999})\]:[ \t]*/
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/
const LINK_TITLE = /^(?:"[^"]*"|'[^']*'|\([^()]*\))$/
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*$/
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/
/** A YAML-looking line: `key:` / `key: value`, a list item, a comment or an indented continuation. */
const YAML_LINE = /^(?:[ \t]|#|- |-$|[^\s:#][^:]*:(?:[ \t]|$))/

const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u
const WHITESPACE = /\s/
const WORD_CHAR = /[\p{L}\p{N}]/u
const EMAIL_LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u
const ATTRIBUTE_NAME_CHAR = /[A-Za-z0-9_.:-]/
const UNQUOTED_VALUE_STOP = /[\s"'=<>`]/
const URL_STOP = /[\s<>"`[\]]/

interface Line {
  start: number
  /** Exclusive, before the line ending. */
  end: number
}

interface Fence {
  char: number
  length: number
}

/** A run of `*`, `_` or `~~` that may open or close emphasis. */
interface Delimiter {
  char: number
  /** Where the unused part of the run starts (moves right as closers are used). */
  start: number
  /** Unused length (shrinks as the run is matched). */
  length: number
  /** Length as written, for the "rule of 3". */
  original: number
  canOpen: boolean
  canClose: boolean
  /** Increasing in source order; used for the openers-bottom optimisation. */
  id: number
}

/** A `[` (or `![`) waiting for its `]`. */
interface Bracket {
  at: number
  /** Index of the `!` of an image, or -1. */
  bang: number
}

/**
 * Masks everything that is not prose in a Markdown document. The result has
 * exactly the length of `text`, keeps every "\n" and "\r" in place, and only
 * ever replaces characters with spaces.
 */
export function maskMarkdown(text: string): string {
  const mask = new Uint8Array(text.length)
  const lines = splitLines(text)
  let index = frontMatterLines(text, lines)
  if (index > 0) mask.fill(1, 0, lines[index - 1].end)

  let fence: Fence | null = null
  let inTable = false
  // Set when an HTML comment (or <script>/<style>) ends on a later line: scanning resumes there.
  let resume = 0

  for (; index < lines.length; index++) {
    const {start, end} = lines[index]

    if (resume > start) {
      // The line begins inside a comment that was already blanked; scan what follows it.
      if (resume < end) resume = scanInline(text, mask, resume, end, inTable)
      continue
    }

    if (fence) {
      mask.fill(1, start, end)
      if (closesFence(text, start, end, fence)) fence = null
      continue
    }

    if (skipBlank(text, start, end) === end) {
      inTable = false
      continue
    }

    // GFM table: a header row with a pipe, then a `|---|:--:|` row.
    if (isTableSeparator(text, start, end)) {
      mask.fill(1, start, end)
      inTable = true
      continue
    }
    if (inTable) {
      if (!contains(text, 124, start, end)) inTable = false
    } else if (contains(text, 124, start, end) && index + 1 < lines.length) {
      const next = lines[index + 1]
      inTable = isTableSeparator(text, next.start, next.end)
    }

    // Container markers: any number of `>` and list bullets, in any order.
    // (Indented code blocks are not recognised: nested list items are far
    // more common in drafts than four-space code.)
    let from = start
    let ruled = false
    for (;;) {
      const at = skipBlank(text, from, end)
      if (at === end) {
        from = at
        break
      }
      if (text.charCodeAt(at) === 62 /* > */) {
        mask[at] = 1
        from = at + 1
        continue
      }
      // A thematic break wins over a bullet: `* * *`, `- - -`.
      if (isThematicBreak(text, at, end)) {
        mask.fill(1, at, end)
        ruled = true
        break
      }
      const marker = listMarkerEnd(text, at, end)
      if (marker === -1) {
        from = at
        break
      }
      mask.fill(1, at, marker)
      from = marker
      // Task list checkbox: `- [ ] `, `- [x] `.
      const box = skipBlank(text, marker, end)
      if (
        text.charCodeAt(box) === 91 &&
        ' xX'.includes(text[box + 1] ?? '_') &&
        text.charCodeAt(box + 2) === 93 &&
        (box + 3 === end || isBlank(text.charCodeAt(box + 3)))
      ) {
        mask.fill(1, box, box + 3)
        from = box + 3
      }
    }
    if (ruled || from === end) continue

    const opened = fenceOpening(text, from, end)
    if (opened) {
      fence = opened
      mask.fill(1, start, end)
      continue
    }

    let contentEnd = end
    const hashes = headingMarkerEnd(text, from, end)
    if (hashes !== -1) {
      mask.fill(1, from, hashes)
      from = hashes
      contentEnd = headingClosingStart(text, from, end)
      mask.fill(1, contentEnd, end)
    } else if (isSetextUnderline(text, from, end)) {
      mask.fill(1, from, end)
      continue
    } else if (text.charCodeAt(from) === 91 && isReferenceDefinition(text.slice(from, end))) {
      mask.fill(1, from, end)
      continue
    }

    resume = scanInline(text, mask, from, contentEnd, inTable)
  }

  return render(text, mask)
}

// ---------------------------------------------------------------------------
// Block level

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === LF || code === CR) {
      lines.push({start, end: i})
      if (code === CR && text.charCodeAt(i + 1) === LF) i++
      start = i + 1
    }
  }
  lines.push({start, end: text.length})
  return lines
}

/**
 * Number of lines taken by YAML front matter (0 if none). It must start on
 * the first line and be closed; its lines must look like YAML, so a draft
 * that merely opens with a `---` rule does not lose its first paragraphs.
 */
function frontMatterLines(text: string, lines: Line[]): number {
  if (!FRONT_MATTER_OPEN.test(text.slice(lines[0].start, lines[0].end))) return 0
  for (let index = 1; index < lines.length; index++) {
    const line = text.slice(lines[index].start, lines[index].end)
    if (FRONT_MATTER_CLOSE.test(line)) return index + 1
    if (line.trim() !== '' && !YAML_LINE.test(line)) return 0
  }
  return 0
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB
}

function skipBlank(text: string, from: number, to: number): number {
  while (from < to && isBlank(text.charCodeAt(from))) from++
  return from
}

/** Like indexOf but never looks past `to` (keeps line checks linear). */
function contains(text: string, code: number, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true
  return false
}

/** `|---|:--:|`, `--- | ---`: only pipes, dashes, colons and blanks, with a pipe and a dash. */
function isTableSeparator(text: string, from: number, to: number): boolean {
  let pipe = false
  let dash = false
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code === 124) pipe = true
    else if (code === 45) dash = true
    else if (code !== 58 && !isBlank(code)) return false
  }
  return pipe && dash
}

/** `---`, `***`, `___`, `- - -`: three or more of one of them and blanks. */
function isThematicBreak(text: string, from: number, to: number): boolean {
  const char = text.charCodeAt(from)
  if (char !== 45 && char !== STAR && char !== UNDERSCORE) return false
  let count = 0
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i)
    if (code === char) count++
    else if (!isBlank(code)) return false
  }
  return count >= 3
}

/** `===` under a setext heading (the `---` form is a thematic break). */
function isSetextUnderline(text: string, from: number, to: number): boolean {
  let i = from
  while (i < to && text.charCodeAt(i) === 61) i++
  return i > from && skipBlank(text, i, to) === to
}

/** End of a bullet (`-`, `*`, `+`) or ordered marker (`1.`, `1)`) at `at`, or -1. */
function listMarkerEnd(text: string, at: number, to: number): number {
  const code = text.charCodeAt(at)
  let after = -1
  if (code === 45 || code === STAR || code === 43) {
    after = at + 1
  } else {
    let i = at
    while (i < to && i - at < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++
    const close = text.charCodeAt(i)
    if (i > at && (close === 46 || close === 41)) after = i + 1
  }
  if (after === -1) return -1
  return after === to || isBlank(text.charCodeAt(after)) ? after : -1
}

/** End of `#`..`######` opening an ATX heading, or -1 (`#hashtag` is prose). */
function headingMarkerEnd(text: string, at: number, to: number): number {
  let i = at
  while (i < to && text.charCodeAt(i) === 35) i++
  if (i === at || i - at > 6) return -1
  return i === to || isBlank(text.charCodeAt(i)) ? i : -1
}

/** Start of an optional closing `###` sequence (must follow a blank), else `to`. */
function headingClosingStart(text: string, from: number, to: number): number {
  let end = to
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--
  let start = end
  while (start > from && text.charCodeAt(start - 1) === 35) start--
  if (start === end) return to
  return start === from || isBlank(text.charCodeAt(start - 1)) ? start : to
}

/** Opening code fence (three or more backticks or tildes), or null. */
function fenceOpening(text: string, at: number, to: number): Fence | null {
  const char = text.charCodeAt(at)
  if (char !== BACKTICK && char !== TILDE) return null
  let i = at
  while (i < to && text.charCodeAt(i) === char) i++
  if (i - at < 3) return null
  // A backtick fence's info string cannot contain a backtick (``` `x` ``` is inline code).
  if (char === BACKTICK && contains(text, BACKTICK, i, to)) return null
  return {char, length: i - at}
}

/** A closing fence: same character, at least as long, nothing after it. Quote markers allowed before. */
function closesFence(text: string, from: number, to: number, fence: Fence): boolean {
  let i = from
  while (i < to && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++
  const run = i
  while (i < to && text.charCodeAt(i) === fence.char) i++
  return i - run >= fence.length && skipBlank(text, i, to) === to
}

/**
 * `[ref]: https://example.com "Title"`. The destination must look like a
 * link (scheme, path, anchor, domain) so that a line such as
 * `[Prénom]: Jean` (a merge field in prose) is not swallowed.
 */
function isReferenceDefinition(line: string): boolean {
  const label = REFERENCE_LABEL.exec(line)
  if (!label || label[1].trim() === '') return false
  const after = line.slice(label[0].length)
  // The destination: `<…>` when the rest of the line follows it, else the run of non-spaces.
  let destination = after.startsWith('<') ? /^<[^<>]*>/.exec(after)?.[0] : undefined
  if (destination === undefined || LINE_TERMINATOR.test(after.slice(destination.length))) destination = /^\S+/.exec(after)?.[0]
  if (destination === undefined || LINE_TERMINATOR.test(after.slice(destination.length))) return false
  const rest = after.slice(destination.length).trim()
  return looksLikeDestination(destination) && (rest === '' || LINK_TITLE.test(rest))
}

function looksLikeDestination(value: string): boolean {
  if (value.startsWith('<') && value.endsWith('>')) return true
  if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:\S/.test(value)) return true
  if (/^(?:[/#?]|\.\.?\/)/.test(value) || /^www\./i.test(value)) return true
  // `example.com/path`: a dot followed by a letter, not sentence punctuation at the end.
  return /\.[A-Za-z]/.test(value) && !/[.,;:!?]$/.test(value)
}

// ---------------------------------------------------------------------------
// Inline level

/**
 * Finds closing backtick runs in one line in amortised constant time: runs
 * are grouped by length, and since the scanner only moves right, each
 * group's cursor only moves right too.
 */
class BacktickRuns {
  private readonly byLength = new Map<number, number[]>()
  private readonly cursor = new Map<number, number>()

  constructor(text: string, from: number, to: number) {
    for (let i = from; i < to; ) {
      if (text.charCodeAt(i) !== BACKTICK) {
        i++
        continue
      }
      const start = i
      while (i < to && text.charCodeAt(i) === BACKTICK) i++
      const list = this.byLength.get(i - start)
      if (list) list.push(start)
      else this.byLength.set(i - start, [start])
    }
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  find(length: number, from: number): number {
    const list = this.byLength.get(length)
    if (!list) return -1
    let index = this.cursor.get(length) ?? 0
    while (index < list.length && list[index] < from) index++
    this.cursor.set(length, index)
    return index < list.length ? list[index] : -1
  }
}

/**
 * Masks the inline syntax of one line, [from, to). Returns the offset where
 * scanning must resume when an HTML comment runs past the line, else 0.
 */
function scanInline(text: string, mask: Uint8Array, from: number, to: number, inTable: boolean): number {
  const delimiters: Delimiter[] = []
  const brackets: Bracket[] = []
  let backticks: BacktickRuns | undefined
  let nextId = 0
  // Nothing before `floor` belongs to prose that an e-mail could start in.
  let floor = from
  let i = from

  while (i < to) {
    const code = text.charCodeAt(i)
    switch (code) {
      case 92 /* \ */: {
        if (i + 1 === to) {
          mask[i] = 1 // hard line break
          i++
        } else if (ASCII_PUNCTUATION.has(text[i + 1])) {
          mask[i] = 1 // blank the backslash, keep the escaped character as text
          i += 2
          floor = i
        } else i++
        break
      }

      case BACKTICK: {
        let run = i
        while (run < to && text.charCodeAt(run) === BACKTICK) run++
        backticks ??= new BacktickRuns(text, i, to)
        const close = backticks.find(run - i, run)
        if (close === -1) {
          i = run // unmatched backticks are literal text
        } else {
          mask.fill(1, i, close + run - i)
          i = floor = close + run - i
        }
        break
      }

      case 60 /* < */: {
        let end = text.startsWith('<!--', i)
          ? commentEnd(text, i)
          : matchSticky(AUTOLINK_URI, text, i, to) || matchSticky(AUTOLINK_EMAIL, text, i, to) || htmlTagEnd(text, i, to)
        if (end === 0) {
          i++
          break
        }
        // `<script>` and `<style>` hold code, not prose: blank up to the closing tag.
        if (matchSticky(RAW_TEXT_OPEN, text, i, end)) end = rawTextEnd(text, end)
        mask.fill(1, i, end)
        if (end > to) {
          // A comment or raw-text element runs past this line: resume after it.
          processEmphasis(delimiters, mask)
          return end
        }
        i = floor = end
        break
      }

      case 33 /* ! */: {
        if (text.charCodeAt(i + 1) === 91) {
          brackets.push({at: i + 1, bang: i})
          i += 2
        } else i++
        break
      }

      case 91 /* [ */: {
        brackets.push({at: i, bang: -1})
        i++
        break
      }

      case 93 /* ] */: {
        // The nearest opener is consumed whether or not a link forms (CommonMark).
        const opener = brackets.pop()
        const after = text.charCodeAt(i + 1)
        const end = !opener ? -1 : after === 40 ? linkTailEnd(text, i + 2, to) : after === 91 ? referenceLabelEnd(text, i + 2, to) : -1
        if (!opener || end === -1) {
          i++ // `[Name]`: a merge field, kept as prose
          break
        }
        if (opener.bang !== -1) {
          // Image: alt text too; forget emphasis runs seen inside it.
          mask.fill(1, opener.bang, end)
          while (delimiters.length > 0 && delimiters[delimiters.length - 1].start >= opener.bang) delimiters.pop()
        } else {
          mask[opener.at] = 1
          mask.fill(1, i, end)
          brackets.length = 0 // links do not nest: outer `[` become literal
        }
        i = floor = end
        break
      }

      case STAR:
      case UNDERSCORE:
      case TILDE: {
        if (code === STAR) {
          const end = matchSticky(MAILCHIMP_TAG, text, i, to)
          if (end > 0) {
            i = floor = end
            break
          }
        }
        let run = i
        while (run < to && text.charCodeAt(run) === code) run++
        // Strikethrough is `~~` only: a lone `~` is "about" in drafts (`~30 min`).
        if (code !== TILDE || run - i === 2) {
          const delimiter = delimiterRun(text, code, i, run, from, to, nextId++)
          if (delimiter) delimiters.push(delimiter)
        }
        i = run
        break
      }

      case 38 /* & */: {
        const end = matchSticky(ENTITY, text, i, to)
        if (end > 0) {
          mask.fill(1, i, end)
          i = floor = end
        } else i++
        break
      }

      case 64 /* @ */: {
        const [start, end] = emailAround(text, i, floor, to)
        if (end > 0) {
          mask.fill(1, start, end)
          i = floor = end
        } else i++
        break
      }

      case 124 /* | */: {
        if (inTable) mask[i] = 1
        i++
        break
      }

      case 104 /* h */:
      case 72 /* H */:
      case 119 /* w */:
      case 87 /* W */: {
        const end = i > from && WORD_CHAR.test(text[i - 1]) ? -1 : bareUrlEnd(text, i, to)
        if (end > 0) {
          mask.fill(1, i, end)
          i = floor = end
        } else i++
        break
      }

      default:
        i++
    }
  }

  processEmphasis(delimiters, mask)
  return 0
}

/** End of a sticky regex match at `at` that stays within `to`, or 0. */
function matchSticky(pattern: RegExp, text: string, at: number, to: number): number {
  pattern.lastIndex = at
  return pattern.test(text) && pattern.lastIndex <= to ? pattern.lastIndex : 0
}

/** End of the closing `</script>` or `</style>` after `from`; the end of the file if there is none. */
function rawTextEnd(text: string, from: number): number {
  RAW_TEXT_CLOSE.lastIndex = from
  return RAW_TEXT_CLOSE.test(text) ? RAW_TEXT_CLOSE.lastIndex : text.length
}

/**
 * End of the HTML comment opened at `at`. It may span lines; an unclosed
 * comment runs to the end of the file, like an unclosed fence.
 */
function commentEnd(text: string, at: number): number {
  // CommonMark 0.31: `<!-->` and `<!--->` are complete (empty) comments.
  if (text.startsWith('>', at + 4)) return at + 5
  if (text.startsWith('->', at + 4)) return at + 6
  const close = text.indexOf('-->', at + 4)
  return close === -1 ? text.length : close + 3
}

/**
 * End of an HTML open or closing tag of a known element at `at` (`<br>`,
 * `<br/>`, `<a href="x" target=_blank>`, `</p>`), or 0. Hand-written rather
 * than one big regex: attribute lists are where regexes backtrack.
 */
function htmlTagEnd(text: string, at: number, to: number): number {
  const limit = Math.min(to, at + MAX_SCAN)
  let i = at + 1
  const closing = text.charCodeAt(i) === 47
  if (closing) i++
  const nameStart = i
  if (!isAsciiLetter(text.charCodeAt(i))) return 0
  while (i < limit && (isAsciiLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++
  if (!HTML_TAGS.has(text.slice(nameStart, i).toLowerCase())) return 0

  if (closing) {
    i = skipBlank(text, i, limit)
    return text.charCodeAt(i) === 62 && i < limit ? i + 1 : 0
  }

  for (;;) {
    const beforeBlank = i
    i = skipBlank(text, i, limit)
    if (i >= limit) return 0
    const code = text.charCodeAt(i)
    if (code === 62) return i + 1
    if (code === 47) return text.charCodeAt(i + 1) === 62 && i + 1 < limit ? i + 2 : 0
    if (i === beforeBlank) return 0 // attributes are separated by blanks

    // Attribute name.
    if (!(isAsciiLetter(code) || code === UNDERSCORE || code === 58)) return 0
    while (i < limit && ATTRIBUTE_NAME_CHAR.test(text[i])) i++

    // Optional `= value`.
    const equals = skipBlank(text, i, limit)
    if (text.charCodeAt(equals) !== 61 || equals >= limit) continue
    i = skipBlank(text, equals + 1, limit)
    const quote = text.charCodeAt(i)
    if (quote === 34 || quote === 39) {
      i++
      while (i < limit && text.charCodeAt(i) !== quote) i++
      if (i >= limit) return 0
      i++
    } else {
      const valueStart = i
      while (i < limit && !UNQUOTED_VALUE_STOP.test(text[i])) i++
      if (i === valueStart) return 0
    }
  }
}

/**
 * After `](`: the destination, an optional title and `)`. Returns the index
 * after `)`, or -1. Destinations are `<...>` or a run without blanks (nor
 * `]`) whose parentheses balance. A title runs from its quote to the next
 * matching quote, so failed attempts do not rescan each other's text.
 */
function linkTailEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + MAX_SCAN)
  let i = skipBlank(text, from, limit)
  if (text.charCodeAt(i) === 60) {
    i++
    while (i < limit && text.charCodeAt(i) !== 62 && text.charCodeAt(i) !== 60) i += text.charCodeAt(i) === 92 ? 2 : 1
    if (i >= limit || text.charCodeAt(i) !== 62) return -1
    i++
  } else {
    let depth = 0
    while (i < limit) {
      const code = text.charCodeAt(i)
      // Stopping at `]` is stricter than CommonMark (which allows a raw `]`
      // in a destination) and is what keeps this linear: every link attempt
      // starts right after a `]`, so two attempts never scan the same text.
      if (isBlank(code) || code < 32 || code === 93) break
      if (code === 92) {
        i += 2
        continue
      }
      if (code === 40) depth++
      else if (code === 41) {
        if (depth === 0) break
        depth--
      }
      i++
    }
    if (depth !== 0 || i >= limit) return -1
  }

  const afterDestination = i
  i = skipBlank(text, i, limit)
  const open = text.charCodeAt(i)
  if (i > afterDestination && (open === 34 || open === 39 || open === 40)) {
    const close = open === 40 ? 41 : open
    i++
    while (i < limit && text.charCodeAt(i) !== close) {
      if (open === 40 && text.charCodeAt(i) === 40) return -1
      i += text.charCodeAt(i) === 92 ? 2 : 1
    }
    if (i >= limit) return -1
    i = skipBlank(text, i + 1, limit)
  }
  return i < limit && text.charCodeAt(i) === 41 ? i + 1 : -1
}

/** After `][`: the reference label and its `]`; returns the index after it, or -1. */
function referenceLabelEnd(text: string, from: number, to: number): number {
  const limit = Math.min(to, from + 1000)
  for (let i = from; i < limit; i++) {
    const code = text.charCodeAt(i)
    if (code === 92) i++
    else if (code === 91) return -1
    else if (code === 93) return i + 1
  }
  return -1
}

/**
 * `https://...`, `http://...`, `www....` at `at` (the caller checked the
 * previous character is not a letter or digit). Trailing sentence
 * punctuation and an unbalanced `)` are left out, as GFM does.
 */
function bareUrlEnd(text: string, at: number, to: number): number {
  URL_START.lastIndex = at
  if (!URL_START.test(text)) return 0
  const bodyStart = URL_START.lastIndex
  let end = bodyStart
  let open = 0
  let close = 0
  while (end < to && !URL_STOP.test(text[end])) {
    if (text.charCodeAt(end) === 40) open++
    else if (text.charCodeAt(end) === 41) close++
    end++
  }
  for (;;) {
    const last = text[end - 1]
    if (end > bodyStart && last === ')' && close > open) {
      close--
      end--
    } else if (end > bodyStart && '.,:;!?\'"*_~«»’”'.includes(last)) end--
    else break
  }
  return end > bodyStart ? end : 0
}

/**
 * A bare e-mail address around the `@` at `at`: [start, end], or [0, 0].
 * The local part is found by looking back (never before `floor`, where the
 * last construct ended), so each character is looked at a bounded number
 * of times.
 */
function emailAround(text: string, at: number, floor: number, to: number): [number, number] {
  let start = at
  while (start > floor && EMAIL_LOCAL_CHAR.test(text[start - 1])) start--
  // Leading `_`, `.`... are more likely emphasis or punctuation than address.
  while (start < at && '._%+-'.includes(text[start])) start++
  if (start === at) return [0, 0]

  let end = at + 1
  while (end < to && DOMAIN_CHAR.test(text[end])) end++
  while (end > at + 1 && '.-'.includes(text[end - 1])) end-- // `a@b.com.` ends a sentence
  const labels = text.slice(at + 1, end).split('.')
  if (labels.length < 2 || labels.some((label) => label === '') || labels[labels.length - 1].length < 2) return [0, 0]
  return [start, end]
}

// ---------------------------------------------------------------------------
// Emphasis (CommonMark's delimiter algorithm, restricted to one line)

function isWhitespace(char: string): boolean {
  const code = char.charCodeAt(0)
  if (code < 128) return code === SPACE || (code >= TAB && code <= CR)
  return WHITESPACE.test(char)
}

function isPunctuation(char: string): boolean {
  return char.charCodeAt(0) < 128 ? ASCII_PUNCTUATION.has(char) : UNICODE_PUNCTUATION.test(char)
}

/** The code point ending just before `at`, or '' at the start of the segment. */
function charBefore(text: string, at: number, from: number): string {
  if (at <= from) return ''
  const low = text.charCodeAt(at - 1)
  if (low >= 0xdc00 && low <= 0xdfff && at - 2 >= from) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at)
  }
  return text[at - 1]
}

/** The code point starting at `at`, or '' at the end of the segment. */
function charAt(text: string, at: number, to: number): string {
  if (at >= to) return ''
  const high = text.charCodeAt(at)
  return high >= 0xd800 && high <= 0xdbff && at + 1 < to ? text.slice(at, at + 2) : text[at]
}

/**
 * Classifies a run of `*`, `_` or `~~` with CommonMark's flanking rules.
 * This is what keeps `snake_case_word` (an intraword `_` can neither open
 * nor close) and `5 * 3` (blank on both sides) from being emphasis; `2*3`
 * (a `*` between digits) is excluded on top of CommonMark, which would
 * pair it with a later `*`.
 */
function delimiterRun(text: string, char: number, start: number, end: number, from: number, to: number, id: number): Delimiter | null {
  const before = charBefore(text, start, from)
  const after = charAt(text, end, to)
  const blankBefore = before === '' || isWhitespace(before)
  const blankAfter = after === '' || isWhitespace(after)
  const punctuationBefore = before !== '' && isPunctuation(before)
  const punctuationAfter = after !== '' && isPunctuation(after)
  const leftFlanking = !blankAfter && (!punctuationAfter || blankBefore || punctuationBefore)
  const rightFlanking = !blankBefore && (!punctuationBefore || blankAfter || punctuationAfter)

  let canOpen = leftFlanking
  let canClose = rightFlanking
  if (char === UNDERSCORE) {
    canOpen = leftFlanking && (!rightFlanking || punctuationBefore)
    canClose = rightFlanking && (!leftFlanking || punctuationAfter)
  }
  if (char === STAR && isDigit(before.charCodeAt(0)) && isDigit(after.charCodeAt(0))) canOpen = canClose = false
  if (!canOpen && !canClose) return null
  return {char, start, length: end - start, original: end - start, canOpen, canClose, id}
}

/**
 * Pairs openers and closers and blanks the markers that pair; unpaired
 * markers stay as text. The stack holds potential openers; `bottom` records,
 * per kind of closer, below which opener id a search already failed, so no
 * opener is scanned twice in vain (linear overall).
 */
function processEmphasis(delimiters: Delimiter[], mask: Uint8Array): void {
  const stack: Delimiter[] = []
  const bottom = new Map<number, number>()
  for (const closer of delimiters) {
    if (closer.canClose) {
      // CommonMark's openers_bottom is indexed by character, length mod 3 and can-open.
      const key = closer.char * 8 + (closer.original % 3) * 2 + (closer.canOpen ? 1 : 0)
      while (closer.length > 0) {
        const lowest = bottom.get(key) ?? -1
        let found = -1
        for (let k = stack.length - 1; k >= 0 && stack[k].id > lowest; k--) {
          const opener = stack[k]
          if (opener.char !== closer.char) continue
          // Rule of 3: `*foo**bar*` is not `*foo*` + `*bar*`.
          if (
            closer.char !== TILDE &&
            (opener.canClose || closer.canOpen) &&
            (opener.original + closer.original) % 3 === 0 &&
            !(opener.original % 3 === 0 && closer.original % 3 === 0)
          )
            continue
          found = k
          break
        }
        if (found === -1) {
          bottom.set(key, stack.length > 0 ? stack[stack.length - 1].id : -1)
          break
        }
        const opener = stack[found]
        const used = closer.char === TILDE ? 2 : opener.length >= 2 && closer.length >= 2 ? 2 : 1
        opener.length -= used
        mask.fill(1, opener.start + opener.length, opener.start + opener.length + used)
        mask.fill(1, closer.start, closer.start + used)
        closer.start += used
        closer.length -= used
        // Delimiters between the pair can no longer match anything.
        stack.length = opener.length > 0 ? found + 1 : found
      }
    }
    if (closer.length > 0 && closer.canOpen) stack.push(closer)
  }
}

// ---------------------------------------------------------------------------

/** Masked characters become spaces, except line endings. */
function render(text: string, mask: Uint8Array): string {
  const parts: string[] = []
  let i = 0
  while (i < text.length) {
    const masked = mask[i]
    let j = i + 1
    while (j < text.length && mask[j] === masked) j++
    const slice = text.slice(i, j)
    parts.push(masked ? slice.replace(/[^\n\r]/g, ' ') : slice)
    i = j
  }
  return parts.join('')
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/** A Markdown file's draft: its prose, masked in place (same offsets as the file). */
export function markdownDrafts(text: string, file: string): Draft[] {
  return [{text: maskMarkdown(text), source: text, file, name: file}]
}
