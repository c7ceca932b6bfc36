import {decodeHTML} from 'entities'
import {parse, type DefaultTreeAdapterTypes} from 'parse5'
import {MappedText} from './offsets.js'

type Node = DefaultTreeAdapterTypes.Node
type Element = DefaultTreeAdapterTypes.Element
type Text = DefaultTreeAdapterTypes.TextNode

/** Elements whose content is not prose the reader sees as text. */
const SKIP = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video', 'select', 'textarea', 'button'
])

/** Blocks that end a paragraph: a blank line around them. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'hr', 'figure'])

/** Blocks that end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dt', 'fieldset',
  'figcaption', 'footer', 'form', 'header', 'hgroup', 'li', 'main', 'menu', 'nav', 'section', 'summary', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'legend', 'option'
])

const PRESERVE = new Set(['pre', 'listing', 'plaintext'])
const SPACE = /[ \t\n\r\f]/
const ENTITY = /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z][A-Za-z0-9]*;?)/y

export interface ExtractedText {
  text: string
  /** For each unit of `text`, its offset in the HTML. */
  offsets: number[]
}

/**
 * The prose of an HTML document's body, as a reader sees it: text of the
 * body only (no script, style, head, attributes or comments), white space
 * collapsed as a browser does, a line break for `<br>` and block elements,
 * a blank line between paragraphs. Entities are decoded; every unit of the
 * result keeps the offset of the HTML it came from (an entity maps to its
 * `&`), so positions stay exact. Parsing is parse5's (the WHATWG algorithm,
 * the parser of rehype-parse), which copes with the unclosed tags and Outlook
 * markup real e-mails are made of, and builds its tree without recursion; the
 * walk below keeps its own stack too, so a document nested thousands of
 * levels deep is read like any other.
 */
export function extractHtml(html: string): ExtractedText {
  const document = parse(html, {sourceCodeLocationInfo: true})
  const out = new MappedText()
  // `newlines`: how many line breaks end the text so far.
  const state = {pendingSpace: -1, preserve: 0, newlines: 0}

  const breakLine = (count: number, offset: number, force = false) => {
    state.pendingSpace = -1
    if (out.length === 0) return
    while (out.last() === ' ' || out.last() === '\t') out.pop()
    for (let have = force ? count - 1 : state.newlines; have < count; have++) {
      out.pushAt('\n', offset)
      state.newlines++
    }
  }

  const pushChar = (char: string, offset: number) => {
    if (state.preserve > 0) {
      out.pushAt(char, offset)
      state.newlines = char === '\n' ? state.newlines + 1 : 0
      return
    }
    if (SPACE.test(char)) {
      if (state.pendingSpace === -1 && out.length > 0 && out.last() !== '\n') state.pendingSpace = offset
      return
    }
    if (state.pendingSpace !== -1) {
      out.pushAt(' ', state.pendingSpace)
      state.pendingSpace = -1
    }
    out.pushAt(char, offset)
    state.newlines = 0
  }

  /** What is left to do, last first: a node to visit, or the end of an element (its closing break). */
  const stack: Array<Node | {leave: Element; lines: number; at: number}> = [findBody(document) ?? document]
  while (stack.length > 0) {
    const item = stack.pop()!
    if ('leave' in item) {
      if (PRESERVE.has(item.leave.tagName)) state.preserve--
      if (item.lines > 0) breakLine(item.lines, item.at)
      continue
    }
    const node = item
    if (node.nodeName === '#text') {
      alignText(html, node as Text, pushChar)
      continue
    }
    if (!('childNodes' in node)) continue // comments, doctype
    if ('tagName' in node) {
      const name = node.tagName
      if (SKIP.has(name)) continue
      const start = node.sourceCodeLocation?.startOffset ?? 0
      const end = node.sourceCodeLocation?.endOffset ?? start
      if (name === 'br') {
        breakLine(1, start, true)
        continue
      }
      const lines = PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0
      if (lines > 0) breakLine(lines, start)
      if (PRESERVE.has(name)) state.preserve++
      stack.push({leave: node, lines, at: Math.max(start, end - 1)})
    }
    for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push(node.childNodes[index])
  }
  while (out.last() === '\n' || out.last() === ' ') out.pop()
  return {text: out.toString(), offsets: out.offsets}
}

function findBody(document: DefaultTreeAdapterTypes.Document): Element | undefined {
  for (const child of document.childNodes) {
    if (!('tagName' in child) || child.tagName !== 'html') continue
    for (const inner of child.childNodes) if ('tagName' in inner && inner.tagName === 'body') return inner
  }
  return undefined
}

/**
 * Walks a text node's decoded value against its source: equal units map one
 * to one, an entity's decoded units map to its `&`, CR LF (normalised to LF
 * by the parser) maps to the CR.
 */
function alignText(html: string, node: Text, push: (char: string, offset: number) => void) {
  const value = node.value
  const start = node.sourceCodeLocation?.startOffset
  const end = node.sourceCodeLocation?.endOffset
  if (start === undefined || end === undefined) {
    for (const char of value) push(char, 0)
    return
  }
  let i = start
  let j = 0
  while (j < value.length) {
    if (i >= end) {
      push(value[j++], Math.max(start, end - 1))
      continue
    }
    const char = html[i]
    if (char === '&') {
      ENTITY.lastIndex = i
      const match = ENTITY.exec(html)
      if (match && i + match[0].length <= end) {
        const decoded = decodeHTML(match[0])
        if (decoded !== match[0] && value.startsWith(decoded, j)) {
          for (let k = 0; k < decoded.length; k++) push(value[j + k], i)
          j += decoded.length
          i += match[0].length
          continue
        }
      }
    }
    if (char === '\r' && value[j] === '\n') {
      push('\n', i)
      i += html[i + 1] === '\n' ? 2 : 1
      j++
      continue
    }
    push(value[j], i)
    i++
    j++
  }
}
