import type {Analysis} from './analysis.js'
import {derivation, derive} from './derived.js'
import {perPack} from '../lang/packs.js'
import {foldWord} from './normalize.js'
import {compilePhrases} from './phrases.js'
import type {Lang} from '../types.js'

/**
 * Inclusive "we": a sentence that speaks of the writer and the reader together ("We sat next to each
 * other on the train", "Nous avons déjeuné ensemble jeudi") uses we/nous for both of them. Rules
 * that weigh writer against reader words (self-centred-opening, reader-focus) leave its plural
 * first-person words out. Markers are data (data/inclusive.<lang>.json).
 */
const prepared = perPack(({code, inclusive}) => ({markers: compilePhrases(inclusive.markers, code as Lang), plural: new Set(inclusive.plural.map(foldWord))}))

/** Indices into `analysis.sentences` of the inclusive sentences: computed once per draft, kept on the analysis. */
export function inclusiveSentences(analysis: Analysis): Set<number> {
  return derive(analysis, INCLUSIVE)
}

const INCLUSIVE = derivation('inclusive sentences', (analysis) => {
  const found = new Set<number>()
  for (const match of prepared(analysis.lang).markers.find(analysis)) found.add(analysis.tokens[match.first].sentence)
  return found
})

/** Is this folded word a first-person plural ("we", "our", "nous", "nos")? */
export function isPlural(lang: Lang, fold: string): boolean {
  return prepared(lang).plural.has(fold)
}
