import type {Lang} from '../types.js'
import type {Analysis} from './analysis.js'
import lists from './data/negation.json' with {type: 'json'}
import {foldWord} from './normalize.js'

/**
 * Negated words: "This is not a turnkey solution", "ce n'est pas une
 * solution clé en main" deny the jargon rather than use it. Word lists are
 * data per language (src/text/data/negation.json).
 */
const WINDOW = 3

const sets = Object.fromEntries(
  (['en', 'fr'] as const).map((lang) => [lang, {negators: new Set(lists[lang].negators.map(foldWord)), notOnly: new Set(lists[lang].notOnly.map(foldWord))}])
) as Record<Lang, {negators: Set<string>; notOnly: Set<string>}>

/**
 * Is the word at token index `first` negated: a negator among the three
 * words before it, in the same sentence, with nothing but words, spaces,
 * apostrophes and hyphens between, and not "not only" / "pas seulement"?
 */
export function isNegated(analysis: Analysis, first: number): boolean {
  const {tokens} = analysis
  const {negators, notOnly} = sets[analysis.lang] ?? sets.en
  const sentence = tokens[first]?.sentence
  let seen = 0
  let after: string | undefined // the word right after the candidate negator
  for (let index = first - 1; index >= 0 && seen < WINDOW; index--) {
    const token = tokens[index]
    if (token.sentence !== sentence) return false
    if (token.kind === 'whitespace') continue
    if (token.kind !== 'word') {
      if (/^['’-]$/.test(token.value)) continue
      return false // a comma, a colon, a bracket: another clause
    }
    const fold = token.fold
    if (negators.has(fold) || (analysis.lang === 'en' && /n['’]t$/.test(fold))) return after === undefined || !notOnly.has(after)
    after = fold
    seen++
  }
  return false
}
