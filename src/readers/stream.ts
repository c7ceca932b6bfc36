/**
 * The readers the command line uses, each loaded when a file needs it
 * (`readers/registry.ts` says which reader reads which extension).
 */
import type {Draft} from '../types.js'
import {readDraftFile} from './bounded.js'
import {decodeText} from './decode.js'
import {isTextReader, loadTextReader, readerOf, type ReadOptions} from './registry.js'

/** Drafts of a text read from standard input or a file. */
export async function draftsOf(text: string, file: string, options: ReadOptions = {}): Promise<Draft[]> {
  const reader = readerOf(file)
  return (await loadTextReader(isTextReader(reader) ? reader : 'text'))(text, file, options)
}

/**
 * The drafts of one file, one at a time (read only: cluelint never writes
 * what it reads). CSV and JSON Lines files are streamed: a draft is handed
 * out as soon as its row is read, so a campaign of any size runs in bounded
 * memory. Throws InputError for a file that cannot be read; drafts handed
 * out before the error stand.
 */
export async function* streamDrafts(file: string, options: ReadOptions = {}): AsyncGenerator<Draft> {
  const reader = readerOf(file)
  if (reader === 'csv') {
    const {csvDrafts} = await import('./csv.js')
    yield* csvDrafts(file, options)
    return
  }
  if (reader === 'jsonl') {
    const {jsonlDrafts} = await import('./json.js')
    yield* jsonlDrafts(file, options)
    return
  }
  // Synchronous on purpose: a draft is a few kilobytes, and an await per file left the CLI
  // idle a fifth of the time over 10,000 files (profiled). Never past the size limit, regular files only.
  const bytes = readDraftFile(file)
  if (reader === 'eml') {
    const {draftsFromEml} = await import('./eml.js')
    yield* await draftsFromEml(bytes, file)
    return
  }
  yield* await draftsOf(decodeText(bytes, file), file, options)
}
