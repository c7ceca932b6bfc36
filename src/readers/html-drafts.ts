import type {Draft} from '../types.js'
import {InputError} from './decode.js'
import {extractHtml} from './html.js'
import {offsetMap} from './offsets.js'

/** An HTML file's draft: the text of its body, each unit mapped back to the file. */
export function htmlDrafts(text: string, file: string): Draft[] {
  const {text: prose, offsets} = extractHtml(text)
  if (prose.trim() === '') throw new InputError(file, 'no text in the HTML body, nothing to lint')
  return [{text: prose, source: text, map: offsetMap(offsets), file, name: file}]
}
