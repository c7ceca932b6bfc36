import {extname} from 'node:path'
import type {Draft} from '../types.js'
import {InputError} from './decode.js'
import {extractHtml} from './html.js'
import {offsetMap} from './offsets.js'
import {streamDrafts, textDrafts, type ReadOptions} from './stream.js'

export {InputError} from './decode.js'
// The streaming readers live in ./stream.ts, which loads CSV, e-mail and HTML parsers on demand.
export {DRAFT_EXTENSIONS, streamDrafts, type ReadOptions} from './stream.js'

/**
 * Turns one file's text into drafts. Pure: used for files and for stdin.
 * Knows text, Markdown, HTML and JSON arrays by the file's extension;
 * e-mails, CSV and JSON Lines are read from files (`streamDrafts`).
 */
export function draftsFromText(text: string, file: string, options: ReadOptions = {}): Draft[] {
  const extension = extname(file).toLowerCase()
  if (extension === '.html' || extension === '.htm') {
    const {text: prose, offsets} = extractHtml(text)
    if (prose.trim() === '') throw new InputError(file, 'no text in the HTML body, nothing to lint')
    return [{text: prose, source: text, map: offsetMap(offsets), file, name: file}]
  }
  return textDrafts(text, file, options)
}

/** Reads one file's drafts (all of them: prefer `streamDrafts` for campaign files). */
export async function readDrafts(file: string, options: ReadOptions = {}): Promise<Draft[]> {
  const drafts: Draft[] = []
  for await (const draft of streamDrafts(file, options)) drafts.push(draft)
  return drafts
}
