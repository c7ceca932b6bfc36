/**
 * Long input, parsed in blocks.
 *
 * parse-latin (and so retext-english and our French parser) first reads the
 * whole input as one paragraph, runs its merge plugins over that one list of
 * sentences, and only then splits it at blank lines: its cost grows faster
 * than the length of the text (a 1 MB document takes several times longer per
 * byte than the same text in 4 KB pieces, and much more memory). So a draft
 * longer than {@link SPLIT_ABOVE} characters is cut into blocks of about
 * {@link BLOCK} characters, each block is parsed on its own, its positions
 * (line, column, offset) are shifted into the draft, and the blocks' children
 * are put together into one nlcst `RootNode`: the rest of the pipeline sees
 * the same kind of tree as for a short draft.
 *
 * Where to cut, best first: after the white space of a blank line (a
 * paragraph boundary: the tree is then the same as the whole parse's, except
 * that a sentence can no longer be merged across a blank line); after a line
 * break (a line break ends most sentences: see layoutBreak in src/text/analysis.ts); after the space
 * following `.`, `!`, `?` or `…`; after any white space. A run of more than
 * {@link SPLIT_ABOVE} characters without white space (no prose has one: a
 * pasted blob, `a-a-a-…`) is cut every {@link BLOCK} characters, between two
 * code points: parse-latin spreads a word's tokens into a function call
 * (`children.push(...tokens)`), which overflows the stack past about 100,000
 * tokens, so no block may be longer than {@link SPLIT_ABOVE}. Cutting is one
 * linear scan; blocks are parsed independently, so the whole parse is linear
 * in the length of the draft.
 */
import type {Root, RootContent} from 'nlcst'
import type {Point, Position} from 'unist'

/** Drafts longer than this (in UTF-16 code units) are parsed in blocks; also the largest block we look for a cut in. */
export const SPLIT_ABOVE = 16 * 1024
/** Preferred block length: parse-latin is fastest per byte on pieces of 4 to 16 KB. */
export const BLOCK = 4 * 1024

/** parse-latin's white space (`\s` differs: it has U+FEFF, not U+0085). */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g
/** A white-space node parse-latin splits paragraphs at (its `newLine` expression). */
const PARAGRAPH_BREAK = /^[ \t]*(?:(?:\r?\n|\r)[\t ]*){2,}$/
const LINE_BREAK = /[\n\r\u2028\u2029]/
const SENTENCE_END = /[.!?…]/

/** Kinds of cut, best first. */
const Kind = {Paragraph: 0, Line: 1, Sentence: 2, Space: 3} as const
type Kind = (typeof Kind)[keyof typeof Kind]

/**
 * Offsets where blocks start (the first is 0). Every cut is at the end of a
 * run of white space, so that no token is split. One pass over the text.
 */
export function blockStarts(text: string, block = BLOCK, max = SPLIT_ABOVE): number[] {
  if (text.length <= max) return [0]
  return splitLongBlocks(text, cutsAtSpaces(text, block, max))
}

/** Cuts at white space only (see {@link blockStarts}). */
function cutsAtSpaces(text: string, block: number, max: number): number[] {
  const starts = [0]
  let from = 0
  /** Places to cut seen since `from`, in order. */
  let pending: Array<{end: number; kind: Kind}> = []
  const cut = (at: number) => {
    starts.push(at)
    from = at
    pending = pending.filter((candidate) => candidate.end > at)
  }
  WHITE_SPACE.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = WHITE_SPACE.exec(text)) !== null) {
    const end = match.index + match[0].length
    if (end >= text.length) break
    // The block would grow past `max`: cut at the best place seen (or here, when there was none).
    while (end - from > max && text.length - from > max) cut(choose(pending, from + block) ?? end)
    if (text.length - from <= max) break
    if (end <= from) continue
    const value = match[0]
    const kind = PARAGRAPH_BREAK.test(value)
      ? Kind.Paragraph
      : LINE_BREAK.test(value)
        ? Kind.Line
        : match.index > 0 && SENTENCE_END.test(text[match.index - 1])
          ? Kind.Sentence
          : Kind.Space
    // The first paragraph break past the preferred length: cut at once.
    if (kind === Kind.Paragraph && end - from >= block) cut(end)
    else pending.push({end, kind})
  }
  return starts
}

/**
 * Cuts every block longer than {@link SPLIT_ABOVE} (a run without white
 * space) every {@link BLOCK} units, never between the two halves of a
 * surrogate pair. Fixed sizes, whatever the preferred ones: this bounds what
 * parse-latin gets in one piece.
 */
function splitLongBlocks(text: string, starts: number[], block = BLOCK, max = SPLIT_ABOVE): number[] {
  const out: number[] = []
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]
    const end = index + 1 < starts.length ? starts[index + 1] : text.length
    out.push(start)
    if (end - start <= max) continue
    for (let at = start + block; end - at > 0; at += block) {
      const code = text.charCodeAt(at)
      if (code >= 0xdc00 && code <= 0xdfff) at++ // a low surrogate: cut after it
      if (at < end) out.push(at)
    }
  }
  return out
}

/** The best kind of cut; of that kind, the first at or after `target`, else the last before it. */
function choose(pending: ReadonlyArray<{end: number; kind: Kind}>, target: number): number | undefined {
  let best: number | undefined
  let bestKind: number = Kind.Space + 1
  for (const candidate of pending) {
    if (candidate.kind > bestKind) continue
    if (candidate.kind < bestKind || best! < target) best = candidate.end
    bestKind = candidate.kind
  }
  return best
}

/**
 * Parses `text` with `parse` block by block (see above) and returns one tree
 * whose positions point into `text`. Short text is parsed whole.
 */
export function parseInBlocks(parse: (value: string) => Root, text: string, block = BLOCK, max = SPLIT_ABOVE): Root {
  const starts = blockStarts(text, block, max)
  if (starts.length === 1) return parse(text)
  const children: RootContent[] = []
  // Line and column of the block start, counted the way parse-latin does (CR, LF and CRLF are one line break each).
  let line = 1
  let column = 1
  let counted = 0
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]
    const end = index + 1 < starts.length ? starts[index + 1] : text.length
    for (; counted < start; counted++) {
      const char = text[counted]
      if (char === '\r' || (char === '\n' && text[counted - 1] !== '\r')) {
        line++
        column = 1
      } else if (char !== '\n') {
        column++
      }
    }
    const tree = parse(text.slice(start, end))
    const moved = new Set<Point>()
    for (const child of tree.children) {
      shift(child, start, line, column, moved)
      children.push(child)
    }
  }
  const endPoint = children.length > 0 ? children[children.length - 1].position?.end : undefined
  return {
    type: 'RootNode',
    children,
    position: {start: {line: 1, column: 1, offset: 0}, end: endPoint ? {...endPoint} : {line: 1, column: 1, offset: 0}}
  }
}

/**
 * Moves a node's positions (and its descendants') from its block into the draft, in place: the
 * block's tree is new and ours. parse-latin shares one point between a word and its text, so each
 * point is moved once (`moved`). Iterative: trees can be deep. In place rather than copied: on a
 * 1 MB draft the copies were a large part of the garbage collector's work.
 */
function shift(node: RootContent, offset: number, line: number, column: number, moved: Set<Point>) {
  const stack: any[] = [node]
  const move = (point: Point | undefined) => {
    if (!point || moved.has(point)) return
    moved.add(point)
    if (point.line === 1) point.column += column - 1
    point.line += line - 1
    if (point.offset !== undefined) point.offset += offset
  }
  while (stack.length > 0) {
    const current = stack.pop()
    const position: Position | undefined = current.position
    if (position) {
      move(position.start)
      move(position.end)
    }
    if (Array.isArray(current.children)) for (const child of current.children) stack.push(child)
  }
}
