import type {Nodes, Root} from 'mdast'
import type {Draft} from '../types.js'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {decodeHTMLStrict} from 'entities'

/**
 * Markdown masking on a maintained parser: mdast-util-from-markdown (micromark,
 * CommonMark) with GFM and YAML front matter, whose positions are exact. The
 * result has the length of the input, keeps every "\n" and "\r", and only
 * replaces characters with spaces: everything is blanked except the text of
 * the document (its `text` nodes), less the escapes and character references
 * inside them.
 *
 * Drafts are not documentation: the fix-ups below keep what a writer means.
 * Each is named and tested (test/readers/markdown.test.ts):
 * - MERGE_TAGS: Mailchimp's `*|FNAME|*` is a merge field, not emphasis;
 * - DIGIT_STARS: a `*` between digits (`2*3*4`) is arithmetic, not emphasis;
 * - PLACEHOLDER_DEFINITIONS: `[Prénom]: Jean` is a merge field and a name, not
 *   a link definition, unless its destination looks like one (a scheme, a
 *   path, an anchor, a domain);
 * - SHORTCUT_REFERENCES: `[Name]` stays as written even when defined;
 * - PLACEHOLDER_TAGS: `<First Name>`, `<Company>` are placeholders: only real
 *   HTML element names are tags, and an HTML block keeps its prose (only its
 *   tags are blanked);
 * - RAW_TEXT: what `<script>` and `<style>` hold is blanked, inline too;
 * - LOOSE_FRONT_MATTER: front matter must look like YAML (`---` over a first
 *   paragraph is a rule), and may close with `...`;
 * - no indented code (four spaces are nested list items in drafts) and no
 *   single-tilde strikethrough (`~30 min`).
 *
 * Bounded work: the document is parsed in blocks (split at blank lines outside
 * fences and comments, and at line ends past MAX_BLOCK characters); a block with
 * more than MAX_SYNTAX characters of inline syntax, or nested deeper than
 * MAX_DEPTH, is left as plain text (no masking) and counted in `fallbacks`.
 */

const MAX_BLOCK = 4096
const MAX_SYNTAX = 512
const MAX_DEPTH = 16

export const FIXUPS = [
  'MERGE_TAGS',
  'DIGIT_STARS',
  'PLACEHOLDER_DEFINITIONS',
  'SHORTCUT_REFERENCES',
  'PLACEHOLDER_TAGS',
  'RAW_TEXT',
  'LOOSE_FRONT_MATTER'
] as const

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

const MERGE_TAG = /\*\|[A-Za-z0-9_:]{1,64}\|\*/g
const DIGIT_STAR = /(?<=\d)\*(?=\d)/g
/** A tag in an HTML block or inline HTML: `<a href="x">`, `</p>`, `<br/>`; the name is checked against HTML_TAGS. */
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]{0,31})(?:[\s/][^<>]{0,2048})?>/g
const COMMENT = /<!--[\s\S]*?(?:-->|$)/y
const RAW_TEXT_OPEN = /^<(?:script|style)[\s>]/i
const RAW_TEXT_CLOSE = /<\/(?:script|style)[ \t]*>/gi
const RAW_TEXT_CLOSE_IN = /<\/(?:script|style)[ \t]*>/i
const FENCE = /^[ \t>]*(`{3,}|~{3,})/
const YAML_LINE = /^(?:[ \t]|#|- |-$|[^\s:#][^:]*:(?:[ \t]|$))/
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y
const SYNTAX = /[*_~[\]!<>`\\&|]/g
/**
 * What can make a segment more than its text for the parser: inline syntax, a
 * block marker at a line start (heading, list, quote, setext underline, rule),
 * a literal autolink, a tab (leading and trailing blanks are not text).
 */
const MAYBE_MARKDOWN = new RegExp(
  [
    String.raw`\*|(?:^|[^\p{L}\p{N}])_|_(?:[^\p{L}\p{N}]|$)`, // emphasis that can open or close (an intraword _ cannot: {{first_name}})
    String.raw`\]\(|\]\[|\]:|!\[`, // links, references, definitions, images
    String.raw`<[A-Za-z/!?]|[\x60\\\t]|~~|&[#\p{L}\p{N}]+;`, // HTML, autolinks, code, escapes, tabs, strikethrough, references
    String.raw`\|\s*:?-|-\s*\|`, // a table's delimiter row
    String.raw`^\uFEFF?[ ]{0,3}(?:[>#=]|[-+*]\s|[-+*]$|\d{1,9}[.)]|---|___)`, // block markers at a line start
    String.raw`www\.|https?:|[\p{L}\p{N}]@[\p{L}\p{N}]` // literal autolinks
  ].join('|'),
  'mu'
)
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')

const baseExtensions = [gfm({singleTilde: false}), {disable: {null: ['codeIndented']}}]
const withFrontMatter = [...baseExtensions, frontmatter(['yaml', {type: 'yaml', fence: {open: '---', close: '...'}}])]
const mdastExtensions = [gfmFromMarkdown()]
const mdastWithFrontMatter = [...mdastExtensions, frontmatterFromMarkdown(['yaml'])]

export interface MarkdownMask {
  text: string
  /** Blocks parsed. */
  blocks: number
  /** Blocks left as plain text: too much syntax or nesting for a bounded parse. */
  fallbacks: number
}

/** Masks everything that is not prose in a Markdown document (see above). */
export function maskMarkdown(text: string): string {
  return maskMarkdownWithStats(text).text
}

export function maskMarkdownWithStats(text: string, options: {parseAll?: boolean} = {}): MarkdownMask {
  const mask = new Uint8Array(text.length)
  let blocks = 0
  let fallbacks = 0
  for (const block of packBlocks(text, splitSegments(text), options.parseAll ?? false)) {
    blocks++
    if (block.hostile) {
      fallbacks++
      continue
    }
    maskBlock(text.slice(block.start, block.end), block.start === 0, mask, block.start)
  }
  return {text: render(text, mask), blocks, fallbacks}
}

interface Block {
  start: number
  end: number
  hostile: boolean
}

/**
 * Blocks to parse: consecutive segments packed up to MAX_BLOCK characters and
 * MAX_SYNTAX characters of inline syntax. A segment over either bound alone, or
 * nested deeper than MAX_DEPTH, is hostile: the parser's work on it could grow
 * faster than it does, so it is left as plain text.
 */
function packBlocks(text: string, segments: Array<[number, number]>, parseAll: boolean): Block[] {
  const blocks: Block[] = []
  let open: (Block & {syntax: number}) | undefined
  for (const [start, end] of segments) {
    const source = text.slice(start, end)
    // Prose with no Markdown in it: nothing to blank, nothing to parse (most drafts' paragraphs).
    if (!parseAll && !(start === 0 && source.startsWith('---')) && !MAYBE_MARKDOWN.test(source)) continue
    const syntax = syntaxCount(source)
    if (syntax > MAX_SYNTAX || tooDeep(source)) {
      if (open) blocks.push(open)
      open = undefined
      blocks.push({start, end, hostile: true})
      continue
    }
    if (open && end - open.start <= MAX_BLOCK && open.syntax + syntax <= MAX_SYNTAX) {
      open.end = end
      open.syntax += syntax
      continue
    }
    if (open) blocks.push(open)
    open = {start, end, hostile: false, syntax}
  }
  if (open) blocks.push(open)
  return blocks.map(({start, end, hostile}) => ({start, end, hostile}))
}

function syntaxCount(source: string): number {
  let syntax = 0
  for (SYNTAX.lastIndex = 0; SYNTAX.exec(source); ) if (++syntax > MAX_SYNTAX) break
  return syntax
}

/** Container markers (`>`, bullets) nested deeper than MAX_DEPTH on a line. */
function tooDeep(source: string): boolean {
  let depth = 0
  let lineStart = true
  for (let i = 0; i < source.length; i++) {
    const char = source[i]
    if (char === '\n' || char === '\r') {
      depth = 0
      lineStart = true
    } else if (!lineStart) continue
    else if (char === '>' || char === '-' || char === '+' || char === '*') {
      if (++depth > MAX_DEPTH) return true
    } else if (char !== ' ' && char !== '\t') lineStart = false
  }
  return false
}

/**
 * Segments: runs of lines ending at a blank line outside a fence or an HTML
 * comment; past MAX_BLOCK characters, a segment is cut at a line end, and a
 * line longer than that in pieces.
 */
function splitSegments(text: string): Array<[number, number]> {
  const segments: Array<[number, number]> = []
  let segmentStart = 0
  let fence: string | undefined
  let inComment = false
  const cut = (at: number) => {
    while (at - segmentStart > MAX_BLOCK) {
      segments.push([segmentStart, segmentStart + MAX_BLOCK])
      segmentStart += MAX_BLOCK
    }
    if (at > segmentStart) segments.push([segmentStart, at])
    segmentStart = at
  }
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const next = Math.min(text.length, lineEnd + 1)
    const line = text.slice(lineStart, lineEnd)
    const opened = FENCE.exec(line)?.[1]
    if (fence) {
      if (opened && opened[0] === fence[0] && opened.length >= fence.length && line.trimEnd().endsWith(opened)) fence = undefined
    } else if (opened && !(opened[0] === '`' && line.slice(line.indexOf(opened) + opened.length).includes('`'))) fence = opened
    if (inComment) inComment = !line.includes('-->')
    else {
      const comment = line.lastIndexOf('<!--')
      if (comment !== -1 && !line.includes('-->', comment + 4)) inComment = true
    }
    if (next - segmentStart > MAX_BLOCK) {
      if (lineStart > segmentStart) cut(lineStart)
      cut(next)
      fence = undefined
      inComment = false
    } else if (line.trim() === '' && !fence && !inComment) cut(next)
    lineStart = next
  }
  cut(text.length)
  if (segments.length === 0) segments.push([0, 0])
  return segments
}

/** Parses one block and marks in `mask` (at `offset`) what is not prose. */
function maskBlock(original: string, first: boolean, mask: Uint8Array, offset: number): void {
  // The parser reads a copy where the fix-ups have neutralised syntax (same length).
  let copy = neutralise(original)
  let tree = parse(copy, first)
  // PLACEHOLDER_DEFINITIONS: a definition whose destination is not a link is prose.
  const placeholders = definitionsToKeep(tree, copy)
  if (placeholders.length > 0) {
    const chars = copy.split('')
    for (const at of placeholders) chars[at] = 'x'
    copy = chars.join('')
    tree = parse(copy, first)
  }
  const local = new Uint8Array(original.length).fill(1)
  unmaskProse(tree, copy, local)
  // RAW_TEXT: inline `<script>`/`<style>` content (an HTML block holds it already).
  for (const [start, end] of rawText(tree, copy)) local.fill(1, start, end)
  for (let i = 0; i < local.length; i++) if (local[i]) mask[offset + i] = 1
}

function parse(source: string, first: boolean): Root {
  if (first && /^\uFEFF?---[ \t]*\r?\n/.test(source)) {
    const tree = fromMarkdown(source, {extensions: withFrontMatter, mdastExtensions: mdastWithFrontMatter})
    const matter = tree.children[0]
    // LOOSE_FRONT_MATTER: every line must look like YAML, else it is a rule over prose.
    if (matter?.type !== 'yaml' || matter.value.split('\n').every((line) => line.trim() === '' || YAML_LINE.test(line))) return tree
  }
  return fromMarkdown(source, {extensions: baseExtensions, mdastExtensions})
}

/** MERGE_TAGS and DIGIT_STARS: their `*` become letters for the parser. */
function neutralise(source: string): string {
  if (!source.includes('*')) return source
  return source.replace(MERGE_TAG, (tag) => 'x' + tag.slice(1, -1) + 'x').replace(DIGIT_STAR, 'x')
}

/** Offsets of the `[` of definitions whose destination does not look like a link. */
function definitionsToKeep(tree: Root, source: string): number[] {
  const found: number[] = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'definition' && node.position) {
      const start = node.position.start.offset!
      if (!looksLikeDestination(node.url, source.slice(start, node.position.end.offset!))) found.push(start)
    } else if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
  return found
}

function looksLikeDestination(url: string, raw: string): boolean {
  if (/\]:[ \t]*(?:\r?\n[ \t]*)?</.test(raw)) return true
  if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:\S/.test(url)) return true
  if (/^(?:[/#?]|\.\.?\/)/.test(url) || /^www\./i.test(url)) return true
  // `example.com/path`: a dot followed by a letter, not sentence punctuation at the end.
  return /\.[A-Za-z]/.test(url) && !/[.,;:!?]$/.test(url)
}

/** Clears the mask over the document's text; everything else stays blanked. */
function unmaskProse(tree: Root, source: string, local: Uint8Array): void {
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    const position = node.position
    const start = position?.start.offset ?? 0
    const end = position?.end.offset ?? 0
    if ('children' in node && node.children.some((child) => !child.position)) {
      unmaskUnplaced(node.children as Nodes[], source, start, end, local, stack)
      continue
    }
    switch (node.type) {
      case 'text':
        unmaskText(source, start, end, node.value, local)
        continue
      case 'link':
        // An autolink (`<https://…>`, a bare URL or e-mail) is all syntax.
        if (source[start] !== '[') continue
        break
      case 'linkReference':
        // SHORTCUT_REFERENCES: `[Name]` as written.
        if (node.referenceType === 'shortcut') {
          local[start] = 0
          local[end - 1] = 0
        }
        break
      case 'html':
        unmaskHtml(source, start, end, local)
        continue
      case 'image':
      case 'imageReference':
      case 'inlineCode':
      case 'code':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
      case 'footnoteReference':
      case 'break':
      case 'thematicBreak':
        continue
    }
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes)
  }
}

/**
 * Children some of which have no position: GFM's literal autolinks found after
 * parsing (`https://…`, `jane@acme.io` in a text) split a text node into pieces
 * without positions. They are placed by reading the parent's source in order.
 */
function unmaskUnplaced(children: Nodes[], source: string, start: number, end: number, local: Uint8Array, stack: Nodes[]): void {
  let cursor = start
  for (const child of children) {
    if (child.position) {
      stack.push(child)
      cursor = child.position.end.offset!
    } else if (child.type === 'text') {
      cursor = unmaskText(source, cursor, end, child.value, local)
    } else if (child.type === 'link') {
      // An autolink: its text as written, all syntax.
      const written = child.children.map((item) => ('value' in item ? item.value : '')).join('')
      const at = source.indexOf(written, cursor)
      if (at !== -1 && at < end) cursor = at + written.length
    }
  }
}

/**
 * A text node: its source slice is its value, plus escapes (`\*`: the backslash
 * is blanked), character references (blanked) and, over lines, the containers'
 * markers and indentation (blanked).
 */
function unmaskText(source: string, start: number, end: number, value: string, local: Uint8Array): number {
  let j = 0
  let i = start
  while (i < end && j < value.length) {
    const char = source[i]
    if (char === '\\' && ASCII_PUNCTUATION.has(source[i + 1]) && source[i + 1] === value[j]) {
      i++ // an escape: the backslash is syntax, the character after it text
      local[i] = 0
      i++
      j++
      continue
    }
    if (char === '&') {
      ENTITY.lastIndex = i
      const entity = ENTITY.exec(source)?.[0]
      const decoded = entity ? decodeHTMLStrict(entity) : ''
      if (entity && decoded !== entity && value.startsWith(decoded, j)) {
        i += entity.length
        j += decoded.length
        continue
      }
    }
    if (char === value[j]) {
      local[i] = 0
      j++
    }
    i++
  }
  return i
}

/** PLACEHOLDER_TAGS: in HTML, blank comments and tags of real elements; the rest is prose. */
function unmaskHtml(source: string, start: number, end: number, local: Uint8Array): void {
  const raw = source.slice(start, end)
  let from = 0
  if (RAW_TEXT_OPEN.test(raw)) {
    // An HTML block of code: blanked to its closing tag (RAW_TEXT), prose after it.
    RAW_TEXT_CLOSE.lastIndex = 0
    const close = RAW_TEXT_CLOSE.exec(raw)
    if (!close) return
    from = close.index + close[0].length
  }
  local.fill(0, start + from, end)
  for (let i = raw.indexOf('<', from); i !== -1 && i < raw.length; i = raw.indexOf('<', i + 1)) {
    COMMENT.lastIndex = i
    const comment = COMMENT.exec(raw)
    if (comment) {
      local.fill(1, start + i, start + i + comment[0].length)
      i += comment[0].length - 1
      continue
    }
    TAG.lastIndex = i
    const tag = TAG.exec(raw)
    if (tag && tag.index === i && HTML_TAGS.has(tag[1].toLowerCase())) {
      local.fill(1, start + i, start + i + tag[0].length)
      i += tag[0].length - 1
    }
  }
  // Line endings inside stay as they are either way (render keeps them).
}

/** RAW_TEXT: from an inline `<script>`/`<style>` to its closing tag (or the end of the block). */
function rawText(tree: Root, source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'html' && node.position && RAW_TEXT_OPEN.test(node.value) && !RAW_TEXT_CLOSE_IN.test(node.value)) {
      const start = node.position.start.offset!
      RAW_TEXT_CLOSE.lastIndex = node.position.end.offset!
      const close = RAW_TEXT_CLOSE.exec(source)
      ranges.push([start, close ? close.index + close[0].length : source.length])
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes)
  }
  return ranges
}

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

/** A Markdown file's draft: its prose, masked in place (same offsets as the file). */
export function markdownDrafts(text: string, file: string): Draft[] {
  return [{text: maskMarkdown(text), source: text, file, name: file}]
}
