import {decodeHTML} from 'entities'
import type {Element, Nodes, Root, Text} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {MappedText} from './offsets.js'

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
 * through hast-util-from-html), which copes with the unclosed tags and
 * Outlook markup real e-mails are made of.
 */
export function extractHtml(html: string): ExtractedText {
  const tree = fromHtml(html)
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

  const visit = (node: Nodes) => {
    if (node.type === 'text') {
      alignText(html, node, pushChar)
      return
    }
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const name = node.tagName
      if (SKIP.has(name)) return
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? start
      if (name === 'br') {
        breakLine(1, start, true)
        return
      }
      const lines = PARAGRAPHS.has(name) ? 2 : BLOCKS.has(name) ? 1 : 0
      if (lines > 0) breakLine(lines, start)
      if (PRESERVE.has(name)) state.preserve++
      for (const child of node.children) visit(child)
      if (PRESERVE.has(name)) state.preserve--
      if (lines > 0) breakLine(lines, Math.max(start, end - 1))
      return
    }
    for (const child of (node as Root).children) visit(child)
  }
  visit(findBody(tree) ?? tree)
  while (out.last() === '\n' || out.last() === ' ') out.pop()
  return {text: out.toString(), offsets: out.offsets}
}

function findBody(root: Root): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element' || child.tagName !== 'html') continue
    for (const inner of child.children) if (inner.type === 'element' && inner.tagName === 'body') return inner
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
  const start = node.position?.start.offset
  const end = node.position?.end.offset
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
