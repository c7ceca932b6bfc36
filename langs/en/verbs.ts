import {loadTagger, type Tagger} from '../../src/text/tagger.js'

/**
 * English base-form verbs, as compromise tags them ("send" in "can you confirm who joins, and send
 * over the budget?"). compromise takes a few hundred milliseconds to load: it is loaded on first
 * need, and asked only about the rest of a sentence that already holds an order and a coordinator
 * after it. `verbStats` counts the texts it tagged (for tests).
 */
let tagger: Tagger | undefined
export const verbStats = {texts: 0}

export function baseVerbs(text: string): Set<number> {
  tagger ??= loadTagger()
  verbStats.texts += 1
  const offsets = new Set<number>()
  for (const sentence of tagger(text).json({offset: true})) {
    for (const term of sentence.terms) {
      if (term.tags.includes('Infinitive') || term.tags.includes('Imperative')) offsets.add(term.offset.start)
    }
  }
  return offsets
}
