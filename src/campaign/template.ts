import Handlebars from 'handlebars'
import {lineIndex} from '../text/lines.js'

/**
 * A campaign template: Mustache/Handlebars fields (`{{first_name}}`,
 * `{{contact.company}}`), sections (`{{#if company}}…{{/if}}`), and a default
 * written `{{first_name | "there"}}`, rewritten into Handlebars before
 * compiling. Values are inserted as written: outreach is plain text, so
 * nothing is HTML-escaped ("O'Brien" stays "O'Brien").
 *
 * A template is checked whole before any contact is read: a syntax error,
 * a helper Handlebars does not have, a partial the template does not define
 * (there are no partial files), a partial that includes itself, blocks nested
 * past {@link MAX_NESTING} levels, or a field named like a prototype property
 * (`{{constructor.constructor …}}`) is a {@link TemplateError} with its line
 * and column in the template, never a stack trace at render time.
 */
export interface Template {
  render(contact: Record<string, string | undefined>): string
  /** The rendering, with where each contact value was inserted (`field` is the column name). */
  renderTracked(contact: Record<string, string | undefined>): Rendered
  /** Every field the template reads, with whether a missing value is covered (default or #if). */
  fields: Map<string, {guarded: boolean}>
}

export interface Rendered {
  text: string
  /** Spans of `text` that are contact values, in order (a default written in the template is not one). */
  values: Array<{start: number; end: number; field: string}>
}

export interface Unfilled {
  field: string
  reason: 'missing column' | 'empty value'
}

/** Why a template cannot be used, and where (1-based line and column of the template file). */
export class TemplateError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string
  ) {
    super(`line ${line}, column ${column}: ${reason}`)
    this.name = 'TemplateError'
  }
}

const DEFAULT = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\|\s*(?:default:\s*)?"([^"\n]{0,200})"\s*\}\}/gu

/** Blocks nested deeper than this are refused: Handlebars' parser takes time quadratic in the nesting. */
export const MAX_NESTING = 64

/** The helpers a template may call: Handlebars' own. `log` prints nothing here (it wrote to the console). */
const HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log']

// A Handlebars of our own: helpers registered here do not leak into a host application's.
const handlebars = Handlebars.create()
handlebars.registerHelper('log', () => '')

/**
 * Names no field may have, nor any part of a path: properties every object or
 * string inherits (`constructor`, `__proto__`, `toString`…). Handlebars
 * refuses to read them at render time, and says so on the console.
 */
function inherited(name: string): boolean {
  if (name === '__proto__' || name === 'prototype') return true
  if (Object.prototype.hasOwnProperty.call(String.prototype, name) && name !== 'length') return true
  return Object.prototype.hasOwnProperty.call(Object.prototype, name)
}

export function compileTemplate(source: string): Template {
  const {text: rewritten, toSource} = rewriteDefaults(source)
  const place = placeIn(source, rewritten, toSource)
  checkNesting(source, place)
  let ast: hbs.AST.Program
  try {
    ast = handlebars.parse(rewritten)
  } catch (error) {
    throw syntaxError(error as Error, place)
  }
  checkProgram(ast, place)
  const fields = new Map<string, {guarded: boolean}>()
  collect(ast, new Set(), fields)
  // knownHelpersOnly: `{{name}}` is a field, never a helper call; an unknown helper is a compile error, not a render-time one.
  const render = handlebars.compile(ast, {noEscape: true, strict: false, knownHelpers: Object.fromEntries(HELPERS.map((name) => [name, true])), knownHelpersOnly: true})
  return {
    fields,
    render: (contact) => render(nest(contact)).replace(/&#123;/g, '{'),
    renderTracked(contact) {
      // Each non-empty value goes in between markers (private-use characters, dropped from the
      // values first), read back out of the rendering: what the template wrote stays unmarked.
      const keys = Object.keys(contact)
      const marked: Record<string, string | undefined> = {}
      keys.forEach((key, index) => {
        const value = contact[key]
        marked[key] = value ? `${MARK_OPEN}${index}${MARK_FIELD}${value.replace(MARKS, '')}${MARK_CLOSE}` : value
      })
      return unmark(render(nest(marked)).replace(/&#123;/g, '{'), keys)
    }
  }
}

/** `{{first_name | "there"}}` → `{{#if first_name}}{{first_name}}{{else}}there{{/if}}`, keeping the way back to the source's offsets. */
function rewriteDefaults(source: string): {text: string; toSource: (offset: number) => number} {
  const pieces: string[] = []
  /** [offset in the rewritten text, offset in the source, length rewritten, length in the source], in order. */
  const changes: Array<[number, number, number, number]> = []
  let last = 0
  let length = 0
  for (const match of source.matchAll(DEFAULT)) {
    const [whole, field, fallback] = match
    const replacement = `{{#if ${field}}}{{${field}}}{{else}}${fallback.replace(/\{/g, '&#123;')}{{/if}}`
    pieces.push(source.slice(last, match.index))
    length += match.index - last
    changes.push([length, match.index, replacement.length, whole.length])
    pieces.push(replacement)
    length += replacement.length
    last = match.index + whole.length
  }
  pieces.push(source.slice(last))
  const toSource = (offset: number) => {
    // Binary search for the last change at or before `offset`.
    let low = 0
    let high = changes.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (changes[middle][0] <= offset) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found === -1) return offset
    const [at, from, rewrittenLength, sourceLength] = changes[found]
    return offset < at + rewrittenLength ? from : from + sourceLength + (offset - at - rewrittenLength)
  }
  return {text: pieces.join(''), toSource}
}

/** From a Handlebars location (1-based line, 0-based column, in the rewritten text) to a TemplateError's place in the source. */
type Place = (line: number, column: number) => {line: number; column: number}

function placeIn(source: string, rewritten: string, toSource: (offset: number) => number): Place {
  const sourceLines = lineIndex(source)
  let rewrittenStarts: number[] | undefined
  return (line, column) => {
    if (!rewrittenStarts) {
      rewrittenStarts = [0]
      for (let index = 0; index < rewritten.length; index++) if (rewritten[index] === '\n') rewrittenStarts.push(index + 1)
    }
    const start = rewrittenStarts[Math.max(0, Math.min(line - 1, rewrittenStarts.length - 1))]
    const point = sourceLines.toPoint(toSource(Math.min(rewritten.length, start + Math.max(0, column))))
    return {line: point.line, column: point.column}
  }
}

function fail(place: Place, loc: hbs.AST.SourceLocation | undefined, reason: string): never {
  const {line, column} = loc ? place(loc.start.line, loc.start.column) : {line: 1, column: 1}
  throw new TemplateError(line, column, reason)
}

/** Counts `{{#…}}` / `{{^…}}` against `{{/…}}` before Handlebars parses (its parser is quadratic in the nesting). */
function checkNesting(source: string, place: Place) {
  const lines = lineIndex(source)
  let depth = 0
  for (const match of source.matchAll(/\{\{~?\s*([#^/])(\s*~?\}\})?/g)) {
    if (match[1] === '/') depth = Math.max(0, depth - 1)
    else if (match[1] === '#' || match[2] === undefined) depth++ // `{{^}}` alone is an else
    if (depth > MAX_NESTING) {
      const point = lines.toPoint(match.index)
      throw new TemplateError(point.line, point.column, `blocks nested more than ${MAX_NESTING} levels deep; flatten the template`)
    }
  }
  void place
}

/** A Handlebars parse error (its message spans several lines) as one line, at the token where parsing stopped. */
function syntaxError(error: Error, place: Place): TemplateError {
  const located = error as Error & {lineNumber?: number; column?: number}
  const message = String(error.message ?? error)
  if (located.lineNumber !== undefined && located.column !== undefined) {
    const {line, column} = place(located.lineNumber, located.column)
    return new TemplateError(line, column, `syntax error: ${message.replace(/ - \d+:\d+$/, '')}`)
  }
  // jison's errors: the lexer still holds the location of the token it stopped at.
  const at = ((handlebars as unknown as {Parser?: unknown}).Parser as {lexer?: {yylloc?: {first_line: number; first_column: number}}}).lexer?.yylloc
  const {line, column} = at ? place(at.first_line, at.first_column) : {line: 1, column: 1}
  const lastLine = message.split('\n').filter((part) => part.trim() !== '').pop() ?? message
  return new TemplateError(line, column, `syntax error: ${lastLine.trim()}`)
}

/** Arity of Handlebars' helpers: if/unless/each/with take one value, lookup two, log any. */
const ARITY: Record<string, number | undefined> = {if: 1, unless: 1, each: 1, with: 1, lookup: 2}

/**
 * The checks Handlebars would otherwise make at render time, with a stack
 * trace, or not at all: helpers, partials, decorators, prototype names.
 * Walks the tree with its own stack.
 */
function checkProgram(ast: hbs.AST.Program, place: Place) {
  const defined = new Set<string>()
  /** Partial references: from the inline partial they are in (undefined: the template itself) to the name, with where. */
  const references: Array<{from: string | undefined; to: string; loc: hbs.AST.SourceLocation}> = []
  const stack: Array<{node: any; owner: string | undefined}> = [{node: ast, owner: undefined}]
  const push = (node: any, owner: string | undefined) => {
    if (node && typeof node === 'object') stack.push({node, owner})
  }
  while (stack.length > 0) {
    const {node, owner} = stack.pop()!
    switch (node.type) {
      case 'Program':
        for (let index = node.body.length - 1; index >= 0; index--) push(node.body[index], owner)
        break
      case 'PathExpression':
        for (const part of node.parts as string[]) {
          if (inherited(part)) fail(place, node.loc, `\`${node.original}\`: \`${part}\` is not a field (every object or text has it); use a column of the contacts file`)
        }
        break
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const path = node.path
        const call = node.params.length > 0 || node.hash !== undefined
        if (path.type === 'PathExpression') {
          const name: string = path.original
          const helper = path.parts.length === 1 && !path.data && HELPERS.includes(name)
          if (call && !helper) fail(place, node.loc, `\`${name}\` is not a helper (campaign templates have Handlebars' own: ${HELPERS.filter((item) => item !== 'log').join(', ')})`)
          const arity = helper ? ARITY[name] : undefined
          const key = name === 'lookup' ? node.params[1] : undefined
          if (key?.type === 'StringLiteral' && inherited(key.value)) fail(place, node.loc, `\`${key.value}\` is not a field (every object or text has it); use a column of the contacts file`)
          if (arity !== undefined && node.params.length !== arity) fail(place, node.loc, `\`${name}\` takes ${arity === 1 ? 'one value' : `${arity} values`}, e.g. ${name === 'lookup' ? '`{{lookup contact "company"}}`' : `\`{{#${name} company}}…{{/${name}}}\``}`)
        }
        push(path, owner)
        for (const param of node.params) push(param, owner)
        for (const pair of node.hash?.pairs ?? []) push(pair.value, owner)
        push(node.program, owner)
        push(node.inverse, owner)
        break
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = node.name
        if (name.type === 'SubExpression') fail(place, node.loc, 'a partial named by an expression is not supported; name it: `{{> name}}`')
        const partial = String(name.type === 'PathExpression' ? name.original : name.value)
        if (node.type === 'PartialStatement') references.push({from: owner, to: partial, loc: node.loc})
        for (const param of node.params) push(param, owner)
        for (const pair of node.hash?.pairs ?? []) push(pair.value, owner)
        push(node.program, owner)
        break
      }
      case 'DecoratorBlock': {
        const [first] = node.params
        if (node.path.original !== 'inline' || first?.type !== 'StringLiteral') fail(place, node.loc, 'only inline partials are supported as decorators: `{{#*inline "name"}}…{{/inline}}`')
        defined.add(first.value)
        push(node.program, first.value)
        break
      }
      case 'Decorator':
        fail(place, node.loc, 'decorators are not supported in campaign templates')
        break
      default:
        break
    }
  }
  for (const reference of references) {
    if (!defined.has(reference.to)) {
      fail(place, reference.loc, `partial \`{{> ${reference.to}}}\` is not defined in this template (there are no partial files: define it with {{#*inline "${reference.to}"}}…{{/inline}})`)
    }
  }
  checkCycles(references, place)
}

/** A partial that includes itself, directly or through others, renders forever: refused, at the reference that closes the loop. */
function checkCycles(references: ReadonlyArray<{from: string | undefined; to: string; loc: hbs.AST.SourceLocation}>, place: Place) {
  const edges = new Map<string, Array<{to: string; loc: hbs.AST.SourceLocation}>>()
  for (const {from, to, loc} of references) {
    if (from === undefined) continue
    let list = edges.get(from)
    if (!list) edges.set(from, (list = []))
    list.push({to, loc})
  }
  const state = new Map<string, 'open' | 'done'>()
  for (const start of edges.keys()) {
    if (state.has(start)) continue
    // Depth-first, with an explicit stack: the path being explored and, per step, the next edge to follow.
    const path: Array<{name: string; next: number}> = [{name: start, next: 0}]
    state.set(start, 'open')
    while (path.length > 0) {
      const top = path[path.length - 1]
      const out = edges.get(top.name) ?? []
      if (top.next >= out.length) {
        state.set(top.name, 'done')
        path.pop()
        continue
      }
      const edge = out[top.next++]
      const seen = state.get(edge.to)
      if (seen === 'open') {
        const loop = path.slice(path.findIndex((step) => step.name === edge.to)).map((step) => step.name)
        fail(place, edge.loc, `partial \`${edge.to}\` includes itself (${[...loop, edge.to].join(' → ')}): it would render forever`)
      }
      if (seen === undefined) {
        state.set(edge.to, 'open')
        path.push({name: edge.to, next: 0})
      }
    }
  }
}

const MARK_OPEN = '\uE000'
const MARK_FIELD = '\uE001'
const MARK_CLOSE = '\uE002'
const MARKS = /[\uE000-\uE002]/g

function unmark(marked: string, keys: readonly string[]): Rendered {
  const parts: string[] = []
  const values: Rendered['values'] = []
  const open: Array<{start: number; field: string}> = []
  let length = 0
  let run = 0
  for (let index = 0; index < marked.length; index++) {
    const char = marked[index]
    if (char !== MARK_OPEN && char !== MARK_CLOSE) continue
    parts.push(marked.slice(run, index))
    length += index - run
    if (char === MARK_OPEN) {
      const end = marked.indexOf(MARK_FIELD, index)
      open.push({start: length, field: keys[Number(marked.slice(index + 1, end))] ?? ''})
      index = end
    } else {
      const value = open.pop()
      if (value && length > value.start) values.push({start: value.start, end: length, field: value.field})
    }
    run = index + 1
  }
  parts.push(marked.slice(run))
  values.sort((a, b) => a.start - b.start)
  return {text: parts.join(''), values}
}

/** Fields that would print empty for this contact, unless guarded. */
export function unfilledFields(template: Template, contact: Record<string, string | undefined>, columns: ReadonlySet<string>): Unfilled[] {
  const out: Unfilled[] = []
  for (const [field, {guarded}] of template.fields) {
    if (guarded) continue
    const root = field.split('.')[0]
    if (!columns.has(field) && !columns.has(root)) out.push({field, reason: 'missing column'})
    else if ((contact[field] ?? '').trim() === '') out.push({field, reason: 'empty value'})
  }
  return out
}

/** Names a field may not have, nor any part of a dotted one: they reach an object's prototype. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

/** Why a contacts column name cannot be a field (`__proto__.x`, `a.constructor`), or undefined when it can. */
export function forbiddenColumn(name: string): string | undefined {
  const segment = name.split('.').find((part) => FORBIDDEN_SEGMENTS.has(part.trim()))
  return segment === undefined ? undefined : `column "${name}": "${segment.trim()}" cannot name a field (it would reach the prototype of every object); rename the column`
}

/**
 * `{"contact.name": "Zoë"}` also answers `{{contact.name}}`. Every object
 * is built without a prototype, and a key with a `__proto__`, `constructor`
 * or `prototype` part is left out (the contacts reader refuses such columns
 * first): a column cannot reach `Object.prototype`.
 */
export function nest(contact: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null)
  for (const [key, value] of Object.entries(contact)) {
    if (forbiddenColumn(key) === undefined) out[key] = value
  }
  for (const [key, value] of Object.entries(contact)) {
    if (!key.includes('.') || forbiddenColumn(key) !== undefined) continue
    const parts = key.split('.')
    let node = out
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) node[part] = Object.create(null)
      node = node[part] as Record<string, unknown>
    }
    node[parts[parts.length - 1]] = value
  }
  return out
}

type Node = {type: string; [key: string]: any}

function collect(node: Node | undefined, guards: Set<string>, fields: Map<string, {guarded: boolean}>) {
  if (!node) return
  switch (node.type) {
    case 'Program':
      for (const child of node.body) collect(child, guards, fields)
      return
    case 'MustacheStatement': {
      const path = pathOf(node.path)
      if (path && node.params.length === 0) add(path, guards.has(path), fields)
      for (const param of node.params) {
        const name = pathOf(param)
        if (name) add(name, true, fields)
      }
      return
    }
    case 'BlockStatement': {
      const helper = pathOf(node.path)
      const subject = node.params[0] ? pathOf(node.params[0]) : undefined
      if (subject) add(subject, true, fields)
      const inner = new Set(guards)
      if (subject && (helper === 'if' || helper === 'with' || helper === 'each')) inner.add(subject)
      if (!subject && helper) add(helper, true, fields) // {{#company}}…{{/company}}: a Mustache section
      if (!subject && helper) inner.add(helper)
      collect(node.program, inner, fields)
      collect(node.inverse, guards, fields)
      return
    }
    default:
      return
  }
}

function pathOf(node: Node | undefined): string | undefined {
  return node && node.type === 'PathExpression' && !node.data && node.original !== 'this' ? node.original : undefined
}

function add(path: string, guarded: boolean, fields: Map<string, {guarded: boolean}>) {
  const current = fields.get(path)
  // A field is guarded only if every use of it is.
  fields.set(path, {guarded: current ? current.guarded && guarded : guarded})
}
