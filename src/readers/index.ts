import {readFile} from 'node:fs/promises'
import {extname} from 'node:path'
import type {Draft} from '../types.js'
import {csvDrafts} from './csv.js'
import {decodeText, fileError, InputError} from './decode.js'
import {draftsFromEml} from './eml.js'
import {extractHtml} from './html.js'
import {jsonDrafts, jsonlDrafts} from './json.js'
import {maskMarkdown} from './markdown.js'
import {offsetMap} from './offsets.js'

export {InputError} from './decode.js'

/** Extensions read when a directory is given. */
export const DRAFT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.eml', '.html', '.htm', '.csv', '.json', '.jsonl'])

/** Options of the campaign readers (CSV, JSON). */
export interface ReadOptions {
  /** Name of the column (CSV) or field (JSON) holding the body; else body, message, text, content, corps or texte. */
  column?: string
}

/**
 * Turns one file's text into drafts. Pure: used for files and for stdin.
 * Knows text, Markdown, HTML and JSON arrays by the file's extension;
 * e-mails, CSV and JSON Lines are read from files (`streamDrafts`).
 */
export function draftsFromText(text: string, file: string, options: ReadOptions = {}): Draft[] {
  const extension = extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') {
    return [{text: maskMarkdown(text), source: text, file, name: file}]
  }
  if (extension === '.html' || extension === '.htm') {
    const {text: prose, offsets} = extractHtml(text)
    if (prose.trim() === '') throw new InputError(file, 'no text in the HTML body, nothing to lint')
    return [{text: prose, source: text, map: offsetMap(offsets), file, name: file}]
  }
  if (extension === '.json') return jsonDrafts(text, file, options)
  return [{text, file, name: file}]
}

/**
 * The drafts of one file, one at a time (read only: cluelint never writes
 * what it reads). CSV and JSON Lines files are streamed: a draft is handed
 * out as soon as its row is read, so a campaign of any size runs in bounded
 * memory. Throws InputError for a file that cannot be read; drafts handed
 * out before the error stand.
 */
export async function* streamDrafts(file: string, options: ReadOptions = {}): AsyncGenerator<Draft> {
  const extension = extname(file).toLowerCase()
  if (extension === '.csv') {
    yield* csvDrafts(file, options)
    return
  }
  if (extension === '.jsonl' || extension === '.ndjson') {
    yield* jsonlDrafts(file, options)
    return
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(file)
  } catch (error) {
    throw fileError(file, error as Error)
  }
  if (extension === '.eml') {
    yield* await draftsFromEml(bytes, file)
    return
  }
  yield* draftsFromText(decodeText(bytes, file), file, options)
}

/** Reads one file's drafts (all of them: prefer `streamDrafts` for campaign files). */
export async function readDrafts(file: string, options: ReadOptions = {}): Promise<Draft[]> {
  const drafts: Draft[] = []
  for await (const draft of streamDrafts(file, options)) drafts.push(draft)
  return drafts
}
