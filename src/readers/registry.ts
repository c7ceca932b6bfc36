/**
 * The one table that says how a file is read, by its extension. Readers are
 * loaded on demand (`loadTextReader`): a run over text drafts never loads
 * the Markdown, HTML, e-mail or CSV parsers (they were a fifth of the cold
 * start on one draft).
 */
import {extname} from 'node:path'
import type {Draft} from '../types.js'

/** Options of the campaign readers (CSV, JSON). */
export interface ReadOptions {
  /** Name of the column (CSV) or field (JSON) holding the body; else body, message, text, content, corps or texte. */
  column?: string
}

/** Readers of a decoded text (a file's or standard input's). */
export type TextReaderName = 'text' | 'markdown' | 'html' | 'json'
/** Readers that read the file themselves: streamed (CSV, JSON Lines) or as bytes (e-mail). */
export type FileReaderName = 'csv' | 'jsonl' | 'eml'
export type ReaderName = TextReaderName | FileReaderName

export type TextReader = (text: string, file: string, options: ReadOptions) => Draft[]

interface Entry {
  reader: ReaderName
  /** Read when a directory is searched; else only when named or matched by a glob. */
  inDirectories: boolean
  /** `--fix` may write it: a draft file, not a campaign, an e-mail or a page the draft is part of. */
  fixable?: boolean
}

/**
 * `.json` is not read in directories: there, JSON files are mostly project
 * files and fixture sidecars, not campaigns. Any other extension is text.
 */
const READERS: Record<string, Entry> = {
  '.txt': {reader: 'text', inDirectories: true, fixable: true},
  '.md': {reader: 'markdown', inDirectories: true, fixable: true},
  '.markdown': {reader: 'markdown', inDirectories: true, fixable: true},
  '.html': {reader: 'html', inDirectories: true},
  '.htm': {reader: 'html', inDirectories: true},
  '.eml': {reader: 'eml', inDirectories: true},
  '.csv': {reader: 'csv', inDirectories: true},
  '.jsonl': {reader: 'jsonl', inDirectories: true},
  '.ndjson': {reader: 'jsonl', inDirectories: false},
  '.json': {reader: 'json', inDirectories: false}
}

/** Extensions read when a directory is given. */
export const DRAFT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(READERS).filter((extension) => READERS[extension].inDirectories))

/** The reader of `file` (standard input and unknown extensions are text). */
export function readerOf(file: string): ReaderName {
  return READERS[extname(file).toLowerCase()]?.reader ?? 'text'
}

/** Whether `--fix` may write `file` (see Entry.fixable). */
export function isFixable(file: string): boolean {
  return READERS[extname(file).toLowerCase()]?.fixable === true
}

/** Campaign files read as a stream of rows (CSV, JSON Lines). */
export function isStreamed(file: string): boolean {
  const reader = readerOf(file)
  return reader === 'csv' || reader === 'jsonl'
}

export function isTextReader(reader: ReaderName): reader is TextReaderName {
  return reader === 'text' || reader === 'markdown' || reader === 'html' || reader === 'json'
}

/** Plain text: the draft as written. */
export const plainDrafts: TextReader = (text, file) => [{text, file, name: file}]

const loaders: Record<TextReaderName, () => Promise<TextReader>> = {
  text: async () => plainDrafts,
  markdown: async () => (await import('./markdown.js')).markdownDrafts,
  html: async () => (await import('./html-drafts.js')).htmlDrafts,
  json: async () => (await import('./json.js')).jsonDrafts
}

/** Loads a text reader (once: modules are cached). */
export function loadTextReader(reader: TextReaderName): Promise<TextReader> {
  return loaders[reader]()
}
