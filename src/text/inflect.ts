import type {Lang} from '../types.js'
import table from './data/inflection.json' with {type: 'json'}
import {foldWord} from './normalize.js'

const SUFFIXES = table as Record<Lang, Array<[string, string]>>

/**
 * Every inflected form of a word-list entry, folded (see `foldWord`).
 * The suffix table is data (`data/inflection.json`): forms it makes that are
 * not words do no harm, they are only looked up. An entry written `=word`
 * is exact: no inflection.
 */
export function inflect(entry: string, lang: Lang): string[] {
  if (entry.startsWith('=')) return [foldWord(entry.slice(1))]
  const word = foldWord(entry)
  const forms = new Set([word])
  for (const [remove, add] of SUFFIXES[lang]) {
    const from = foldWord(remove)
    if (!word.endsWith(from)) continue
    forms.add(word.slice(0, word.length - from.length) + foldWord(add))
  }
  return [...forms]
}
