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
 * first-person words out. Markers are data (langs/<code>/inclusive.json); `followers` ("we agreed",
 * "nous avons convenu") keep a sentence inclusive one or two sentences after an inclusive one.
 */
const prepared = perPack(({code, inclusive}) => ({
  markers: compilePhrases(inclusive.markers, code as Lang),
  followers: compilePhrases(inclusive.followers ?? [], code as Lang),
  plural: new Set(inclusive.plural.map(foldWord))
}))

/** Indices into `analysis.sentences` of the inclusive sentences: computed once per draft, kept on the analysis. */
export function inclusiveSentences(analysis: Analysis): Set<number> {
  return derive(analysis, INCLUSIVE)
}

const INCLUSIVE = derivation('inclusive sentences', (analysis) => {
  const found = new Set<number>()
  const {markers, followers} = prepared(analysis.lang)
  for (const match of markers.find(analysis)) found.add(analysis.tokens[match.first].sentence)
  // "We met at Gate 12. We agreed to compare our counts.": the story of what both did goes on.
  if (found.size > 0) {
    for (const match of followers.find(analysis)) {
      const sentence = analysis.tokens[match.first].sentence
      if (found.has(sentence - 1) || found.has(sentence - 2)) found.add(sentence)
    }
  }
  return found
})

/** Is this folded word a first-person plural ("we", "our", "nous", "nos")? */
export function isPlural(lang: Lang, fold: string): boolean {
  return prepared(lang).plural.has(fold)
}
