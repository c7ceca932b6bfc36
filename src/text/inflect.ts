import {perPack} from '../lang/packs.js'
import type {Lang} from '../types.js'
import {foldWord} from './normalize.js'

/**
 * Every inflected form of a word-list entry, folded (see `foldWord`).
 * The suffix table is data (`langs/<code>/inflection.json`): forms it makes that are
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

// The suffix table folded once per language, not for every word of every list.
const foldedSuffixes = perPack(({inflection}) => inflection.suffixes.map(([remove, add]): [string, string] => [foldWord(remove), foldWord(add)]))
