import type {Draft} from '../types.js'
import {htmlDrafts} from './html-drafts.js'
import {jsonDrafts} from './json.js'
import {markdownDrafts} from './markdown.js'
import {isTextReader, plainDrafts, readerOf, type ReadOptions, type TextReader, type TextReaderName} from './registry.js'
import {streamDrafts} from './stream.js'

export {InputError} from './decode.js'
export {DRAFT_EXTENSIONS, type ReadOptions} from './registry.js'
export {streamDrafts} from './stream.js'

/** Every text reader, loaded: for the synchronous library API. */
const TEXT_READERS: Record<TextReaderName, TextReader> = {text: plainDrafts, markdown: markdownDrafts, html: htmlDrafts, json: jsonDrafts}

/**
 * Turns one file's text into drafts. Pure: used for files and for stdin.
 * Text, Markdown, HTML and JSON arrays are read by the file's extension;
 * e-mails, CSV and JSON Lines are read from files (`streamDrafts`).
 */
export function draftsFromText(text: string, file: string, options: ReadOptions = {}): Draft[] {
  const reader = readerOf(file)
  return TEXT_READERS[isTextReader(reader) ? reader : 'text'](text, file, options)
}

/** Reads one file's drafts (all of them: prefer `streamDrafts` for campaign files). */
export async function readDrafts(file: string, options: ReadOptions = {}): Promise<Draft[]> {
  const drafts: Draft[] = []
  for await (const draft of streamDrafts(file, options)) drafts.push(draft)
  return drafts
}
