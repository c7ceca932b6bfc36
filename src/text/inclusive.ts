import type {Analysis} from './analysis.js'
import {derivation, derive} from './derived.js'
import en from './data/inclusive.en.json' with {type: 'json'}
import fr from './data/inclusive.fr.json' with {type: 'json'}
import {foldWord} from './normalize.js'
import {compilePhrases} from './phrases.js'
import type {Lang} from '../types.js'

/**
 * Inclusive "we": a sentence that speaks of the writer and the reader together ("We sat next to each
 * other on the train", "Nous avons déjeuné ensemble jeudi") uses we/nous for both of them. Rules
 * that weigh writer against reader words (self-centred-opening, reader-focus) leave its plural
 * first-person words out. Markers are data (data/inclusive.<lang>.json).
 */
interface InclusiveData {
  markers: string[]
  plural: string[]
}

const DATA: Record<Lang, InclusiveData> = {en, fr}
const MATCHERS = {en: compilePhrases(DATA.en.markers, 'en'), fr: compilePhrases(DATA.fr.markers, 'fr')}
const PLURAL: Record<Lang, Set<string>> = {en: new Set(DATA.en.plural.map(foldWord)), fr: new Set(DATA.fr.plural.map(foldWord))}

/** Indices into `analysis.sentences` of the inclusive sentences: computed once per draft, kept on the analysis. */
export function inclusiveSentences(analysis: Analysis): Set<number> {
  return derive(analysis, INCLUSIVE)
}

const INCLUSIVE = derivation('inclusive sentences', (analysis) => {
  const found = new Set<number>()
  for (const match of MATCHERS[analysis.lang].find(analysis)) found.add(analysis.tokens[match.first].sentence)
  return found
})

/** Is this folded word a first-person plural ("we", "our", "nous", "nos")? */
export function isPlural(lang: Lang, fold: string): boolean {
  return PLURAL[lang].has(fold)
}
