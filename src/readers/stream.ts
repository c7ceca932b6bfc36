/**
 * The readers the command line uses, loading each heavy format on demand:
 * a run over text drafts never loads the HTML parser (parse5), the e-mail
 * parser (postal-mime) or the CSV parser. Profiled: together they were a
 * fifth of the cold start on one draft. `readers/index.ts` keeps the
 * synchronous `draftsFromText` (HTML included) for library users.
 */
import {readFileSync} from 'node:fs'
import {extname} from 'node:path'
import type {Draft} from '../types.js'
import {decodeText, fileError} from './decode.js'
import {jsonDrafts, jsonlDrafts} from './json.js'
import {maskMarkdown} from './markdown.js'

/**
 * Extensions read when a directory is given. `.json` is not among them: in a
 * folder, JSON files are mostly project files and fixture sidecars, not
 * campaigns; a `.json` campaign is read when named or matched by a glob.
 */
export const DRAFT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.eml', '.html', '.htm', '.csv', '.jsonl'])

/** Options of the campaign readers (CSV, JSON). */
export interface ReadOptions {
  /** Name of the column (CSV) or field (JSON) holding the body; else body, message, text, content, corps or texte. */
  column?: string
}

const isHtml = (extension: string) => extension === '.html' || extension === '.htm'

/** `draftsFromText` for every extension but HTML: text, Markdown, JSON arrays. */
export function textDrafts(text: string, file: string, options: ReadOptions = {}): Draft[] {
  const extension = extname(file).toLowerCase()
  if (extension === '.md' || extension === '.markdown') {
    return [{text: maskMarkdown(text), source: text, file, name: file}]
  }
  if (extension === '.json') return jsonDrafts(text, file, options)
  return [{text, file, name: file}]
}

/** Drafts of a text read from standard input or a file, loading the HTML reader when it is needed. */
export async function draftsOf(text: string, file: string, options: ReadOptions = {}): Promise<Draft[]> {
  if (!isHtml(extname(file).toLowerCase())) return textDrafts(text, file, options)
  const {draftsFromText} = await import('./index.js')
  return draftsFromText(text, file, options)
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
    const {csvDrafts} = await import('./csv.js')
    yield* csvDrafts(file, options)
    return
  }
  if (extension === '.jsonl' || extension === '.ndjson') {
    yield* jsonlDrafts(file, options)
    return
  }
  let bytes: Uint8Array
  try {
    // Synchronous on purpose: a draft is a few kilobytes, and an await per file left the CLI
    // idle a fifth of the time over 10,000 files (profiled).
    bytes = readFileSync(file)
  } catch (error) {
    throw fileError(file, error as Error)
  }
  if (extension === '.eml') {
    const {draftsFromEml} = await import('./eml.js')
    yield* await draftsFromEml(bytes, file)
    return
  }
  yield* await draftsOf(decodeText(bytes, file), file, options)
}
