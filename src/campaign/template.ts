import Handlebars from 'handlebars'

/**
 * A campaign template: Mustache/Handlebars fields (`{{first_name}}`,
 * `{{contact.company}}`), sections (`{{#if company}}…{{/if}}`), and a default
 * written `{{first_name | "there"}}`, rewritten into Handlebars before
 * compiling. Values are inserted as written: outreach is plain text, so
 * nothing is HTML-escaped ("O'Brien" stays "O'Brien").
 */
export interface Template {
  render(contact: Record<string, string | undefined>): string
  /** Every field the template reads, with whether a missing value is covered (default or #if). */
  fields: Map<string, {guarded: boolean}>
}

export interface Unfilled {
  field: string
  reason: 'missing column' | 'empty value'
}

const DEFAULT = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\|\s*(?:default:\s*)?"([^"\n]{0,200})"\s*\}\}/gu

export function compileTemplate(source: string): Template {
  const rewritten = source.replace(DEFAULT, (_, field: string, fallback: string) => `{{#if ${field}}}{{${field}}}{{else}}${fallback.replace(/\{/g, '&#123;')}{{/if}}`)
  const ast = Handlebars.parse(rewritten)
  const fields = new Map<string, {guarded: boolean}>()
  collect(ast, new Set(), fields)
  const render = Handlebars.compile(rewritten, {noEscape: true, strict: false, knownHelpersOnly: false})
  return {
    fields,
    render: (contact) => render(nest(contact)).replace(/&#123;/g, '{')
  }
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
