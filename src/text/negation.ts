import {perPack} from '../lang/packs.js'
import type {Analysis} from './analysis.js'
import {foldWord} from './normalize.js'

/**
 * Negated words: "This is not a turnkey solution", "ce n'est pas une
 * solution clé en main" deny the jargon rather than use it. Word lists are
 * data per language (langs/<code>/negation.json).
 */
const WINDOW = 3

const setsFor = perPack(({negation}) => ({
  negators: new Set(negation.negators.map(foldWord)),
  notOnly: new Set(negation.notOnly.map(foldWord)),
  endings: (negation.endings ?? []).map(foldWord),
  joiners: new Set((negation.joiners ?? []).map(foldWord))
}))

/** A negator by itself ("not", "pas") or by its ending ("isn't"). */
function isNegator(negators: ReadonlySet<string>, endings: readonly string[], fold: string): boolean {
  return negators.has(fold) || endings.some((ending) => fold.endsWith(ending))
}

/** A list item after a joiner ("or a best-in-class platform") has at most this many words before the term; after a comma, none ("not a turnkey, best-in-class platform"; "not cheap, but a…" is another clause). */
const ITEM = 2
/** How many list items the negation reaches back over. */
const ITEMS = 3

/**
 * Is the word at token index `first` negated: a negator among the three
 * words before it, in the same sentence, with nothing but words, spaces,
 * apostrophes and hyphens between, and not "not only" / "pas seulement"?
 * The negation runs on over a list: "not a turnkey solution or a best-in-class
 * platform", "not a turnkey, best-in-class platform" (a joiner, such as "or" /
 * "ni", at most two words back; a comma, right before the term).
 */
export function isNegated(analysis: Analysis, first: number): boolean {
  const {tokens} = analysis
  const {negators, notOnly, endings, joiners} = setsFor(analysis.lang)
  const sentence = tokens[first]?.sentence
  let seen = 0
  let items = 0
  // Before a list item, the item before it ("a turnkey solution") and the negator's own window.
  let limit = WINDOW
  let after: string | undefined // the word right after the candidate negator
  for (let index = first - 1; index >= 0 && seen < limit; index--) {
    const token = tokens[index]
    if (token.sentence !== sentence) return false
    if (token.kind === 'whitespace') continue
    if (token.kind !== 'word') {
      if (/^['’-]$/.test(token.value)) continue
      // "not a turnkey, best-in-class platform": a comma between items of a list.
      if (token.value === ',' && seen === 0 && ++items <= ITEMS) {
        seen = 0
        limit = WINDOW + ITEM
        after = undefined
        continue
      }
      return false // a comma, a colon, a bracket: another clause
    }
    const fold = token.fold
    if (isNegator(negators, endings, fold)) return after === undefined || !notOnly.has(after)
    if (joiners.has(fold) && seen <= ITEM && ++items <= ITEMS) {
      seen = 0
      limit = WINDOW + ITEM
      after = undefined
      continue
    }
    after = fold
    seen++
  }
  return false
}

/** Is there a negator among the tokens [from, to) ("If neither works", "Si aucun ne va")? */
export function hasNegator(analysis: Analysis, from: number, to: number): boolean {
  const {negators, endings} = setsFor(analysis.lang)
  for (let index = from; index < to; index++) {
    const token = analysis.tokens[index]
    if (token.kind === 'word' && isNegator(negators, endings, token.fold)) return true
  }
  return false
}
