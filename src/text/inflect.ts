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
  for (const [from, add] of foldedSuffixes(lang)) {
    if (!word.endsWith(from)) continue
    forms.add(word.slice(0, word.length - from.length) + add)
  }
  return [...forms]
}

// The suffix table folded once per language, not for every word of every list: module-level
// constant data (one entry per language).
const folded = new Map<Lang, Array<[string, string]>>()

function foldedSuffixes(lang: Lang): Array<[string, string]> {
  let list = folded.get(lang)
  if (!list) folded.set(lang, (list = SUFFIXES[lang].map(([remove, add]) => [foldWord(remove), foldWord(add)])))
  return list
}
