import nlp from 'compromise'
import type {Tagger} from './tagger.js'

/** The browser side of the seam in tagger.ts: compromise is in the page's bundle (no require there). */
export function loadTagger(): Tagger {
  return nlp as unknown as Tagger
}
