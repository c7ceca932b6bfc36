/**
 * "Allow this phrase": the phrase goes into the nearest config file's word list for the rule
 * (`rules.<id>: [severity, {words: {<lang>: {remove: [phrase]}}}]`), in that file's own format,
 * so the editor and CI agree. A YAML file is edited with `yaml`'s document (its comments stay), a
 * JSON file with `jsonc-parser` (its layout stays), `package.json` under its `cluelint` key. With
 * no config file, `.cluelintrc.yaml` is created. A JavaScript config is code: not written.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {basename} from 'node:path'
import {applyEdits, modify, parse as parseJsonc} from 'jsonc-parser'
import {parseDocument} from 'yaml'
import {getRule} from '../engine.js'
import {phraseKey} from '../suggest.js'
import type {Lang} from '../types.js'

export type ConfigFormat = 'yaml' | 'json' | 'package' | 'js'

export function configFormat(path: string): ConfigFormat {
  const name = basename(path)
  if (name === 'package.json') return 'package'
  if (/\.(?:js|mjs|cjs)$/.test(name)) return 'js'
  if (name.endsWith('.json')) return 'json'
  if (name === '.cluelintrc' && existsSync(path)) {
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim()
    return text.startsWith('{') ? 'json' : 'yaml'
  }
  return 'yaml'
}

type Entry = string | [string, Record<string, unknown>?] | undefined

/** The rule's config entry with `phrase` added to `words.<lang>.remove` (once, whatever its case). */
export function withPhrase(entry: Entry, rule: string, lang: Lang, phrase: string): [string, Record<string, unknown>] {
  const severity = typeof entry === 'string' ? entry : Array.isArray(entry) ? entry[0] : severityOf(rule)
  const options = Array.isArray(entry) && entry[1] && typeof entry[1] === 'object' ? structuredClone(entry[1]) : {}
  const words = ((options.words ??= {}) as Record<string, {add?: string[]; remove?: string[]}>)
  const edit = (words[lang] ??= {})
  const remove = (edit.remove ??= [])
  if (!remove.some((item) => phraseKey(item) === phraseKey(phrase))) remove.push(phrase)
  return [severity, options]
}

function severityOf(rule: string): string {
  const severity = getRule(rule)?.severity ?? 'warning'
  return severity === 'warning' ? 'warn' : severity
}

/** Writes the phrase into the config at `path` (created when missing); returns the file's name. */
export function allowPhrase(path: string, rule: string, lang: Lang, phrase: string): string {
  const format = configFormat(path)
  if (format === 'js') throw new Error('a JavaScript config is code: add the phrase to its rules by hand')
  const exists = existsSync(path)
  const raw = exists ? readFileSync(path, 'utf8') : ''
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : ''
  const text = raw.slice(bom.length)
  let out: string
  if (format === 'yaml') {
    const document = parseDocument(text)
    if (document.errors.length > 0) throw new Error(document.errors[0].message.split('\n')[0])
    const entry = document.getIn(['rules', rule]) as unknown
    const current = entry && typeof entry === 'object' && 'toJSON' in entry ? (entry as {toJSON(): Entry}).toJSON() : (entry as Entry)
    if (document.contents === null) document.contents = document.createNode({}) as never
    document.setIn(['rules', rule], document.createNode(withPhrase(current, rule, lang, phrase), {flow: false}))
    out = document.toString()
  } else {
    const prefix = format === 'package' ? ['cluelint'] : []
    const source = text.trim() === '' ? '{}\n' : text
    const parsed = parseJsonc(source) as Record<string, unknown> | undefined
    const root = (format === 'package' ? (parsed?.cluelint as Record<string, unknown> | undefined) : parsed) ?? {}
    const rules = (root.rules as Record<string, Entry> | undefined) ?? {}
    const indent = /\n([ \t]+)"/.exec(source)?.[1] ?? '  '
    const edits = modify(source, [...prefix, 'rules', rule], withPhrase(rules[rule], rule, lang, phrase), {
      formattingOptions: {insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: source.includes('\r\n') ? '\r\n' : '\n'}
    })
    out = applyEdits(source, edits)
  }
  writeFileSync(path, bom + out)
  return basename(path)
}
