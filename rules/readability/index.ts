import {decimal, type MessageRef} from '../../src/i18n.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import {wordUnits, type Unit} from '../../src/text/counting.js'
import {foldWord} from '../../src/text/normalize.js'
import type {Analysis} from '../../src/text/analysis.js'
import type {Lang, Severity} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import {fallbackSyllables} from '../../src/text/syllables.js'
import {packFor} from '../../src/lang/packs.js'
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** The formula's name, as the message gives it. */
  name: string
  reference: string
  /** reading ease = base - perWord × words per sentence - perSyllable × syllables per word */
  formula: {base: number; perWord: number; perSyllable: number}
  /** Words of this many syllables or more are named in the message as words to swap. */
  longWord: number
  /** Long words too common to be worth swapping ("usually"): never named, still counted. */
  everyday: string[]
}

/**
 * Defaults:
 *   minWords  10  shorter sentences are never scored: on a handful of words one long
 *                 word swings the score by 20 points (the formula was made for
 *                 100-word samples); links and merge fields do not count
 *                 (the body's sentences only: no subject, greeting or sign-off)
 *   hard      30  below this a sentence is flagged (Flesch's "very difficult" band, 0-30:
 *                 university graduates); info severity
 *   veryHard  10  below this the finding is a warning
 */
interface Options extends Record<string, unknown> {
  minWords: number
  hard: number
  veryHard: number
}

/** Merge fields and links taking half a sentence or more: nothing to read. */
const MOSTLY = 0.5

const everyday = perList((data: Data) => new Set(data.everyday.map(foldWord)))

export interface SentenceScore {
  /** Words counted by the formula (links and merge fields left out). */
  words: number
  syllables: number
  score: number
  /** The words of `longWord` syllables or more, longest first. */
  long: string[]
}

/**
 * Scores the words of one sentence; undefined when the sentence is not
 * prose to score: too short, mostly merge fields or links, or a list of
 * names.
 */
export function scoreSentence(analysis: Analysis, units: Unit[], data: Data, options: Options): SentenceScore | undefined {
  if (units.length < options.minWords) return undefined
  let special = 0
  let names = 0
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]
    if (unit.kind === 'url' || unit.kind === 'field') special++
    else if (index > 0 && unit.kind === 'word' && /^\p{Lu}/u.test(analysis.tokens[unit.token].value) && analysis.tokens[unit.token].value !== 'I') names++
  }
  if (special >= units.length * MOSTLY || names >= units.length * MOSTLY) return undefined

  let words = 0
  let syllables = 0
  // The language's own counter (its pack's), else vowel groups.
  const syllablesOf = packFor(analysis.lang).syllables ?? fallbackSyllables
  const long: Array<[string, number]> = []
  const named = new Set<string>()
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]
    // A link or a merge field is not read as prose: it counts neither way.
    if (unit.kind === 'url' || unit.kind === 'field') continue
    words++
    const text = analysis.text.slice(unit.start, unit.end)
    // An acronym (EMEA, SaaS, URSSAF) is read as one known unit, not spelled out: one short word.
    if (unit.kind === 'word' && isAcronym(analysis.tokens[unit.token].value)) {
      syllables++
      continue
    }
    const count = syllablesOf(text)
    syllables += count
    if (count >= data.longWord && unit.kind === 'word') {
      // Named as a word to swap, unless a name ("Salesforce", not the first word) or an everyday word ("usually").
      const word = analysis.tokens[unit.token].value
      const key = foldWord(word)
      if ((index === 0 || !/^\p{Lu}/u.test(word)) && !everyday(data).has(key) && !named.has(key)) {
        named.add(key)
        long.push([word, count])
      }
    }
  }
  if (words < options.minWords) return undefined
  const {base, perWord, perSyllable} = data.formula
  const score = base - perWord * words - perSyllable * (syllables / words)
  long.sort((a, b) => b[1] - a[1])
  return {words, syllables, score, long: long.map(([word]) => word)}
}

/**
 * An acronym or initialism: two to six letters (digits and `&` may join them: B2B, R&D), at
 * least two capitals and no fewer capitals than lower-case letters (EMEA, SaaS, PDFs, iOS).
 * Readability judges words, not acronyms: "US SaaS companies expanding into EMEA" is plain.
 */
export function isAcronym(word: string): boolean {
  if (word.length < 2 || word.length > 16) return false
  // Most words are ASCII with at most one capital: no acronym, decided without the regular expressions below.
  let upper = 0
  let ascii = true
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code > 0x7f) {
      ascii = false
      break
    }
    if (code >= 0x41 && code <= 0x5a) upper++
  }
  if (ascii && upper < 2) return false
  if (!/^[\p{L}\p{N}&]{2,8}$/u.test(word)) return false
  const letters = word.replace(/[^\p{L}]/gu, '').length
  const capitals = word.replace(/[^\p{Lu}]/gu, '').length
  return letters >= 2 && letters <= 6 && capitals >= 2 && capitals * 2 >= letters
}

/** Past this many words, the advice is to split the sentence. */
const SPLIT = 20

function advice(result: SentenceScore): MessageRef {
  const longWords = result.long.slice(0, 3).map((word) => '`' + word + '`').join(', ')
  const split = result.words > SPLIT
  if (split && longWords) return {messageId: 'splitAndSwap', data: {longWords}}
  if (split) return {messageId: 'split'}
  if (longWords) return {messageId: 'swap', data: {longWords}}
  return {messageId: 'shorter'}
}

export default defineRule({
  id: 'readability',
  summary: 'Hard-to-read sentences (Flesch reading ease for English, Kandel-Moles for French)',
  rationale:
    'A stranger gives a cold message a few seconds on a phone; a sentence that needs reading twice is where they stop. ' +
    'Each body sentence of ten words or more gets a reading-ease score: Flesch (1948) for English ' +
    '(206.835 - 1.015 × words a sentence - 84.6 × syllables a word), and its French adaptation by Kandel & Moles (1958) ' +
    '(207 - 1.015 × words a sentence - 73.6 × syllables a word). Plain prose scores 60 or more; below 30 is Flesch\'s ' +
    '"very difficult" band, the reading level of academic papers, and is flagged as a note; below 10 as a warning. ' +
    'Acronyms (EMEA, SaaS, URSSAF) count as one short word: the formula judges words, not capitals. ' +
    'Only the sentences that pull the draft down are flagged, not the draft: split them, and say "use" rather than ' +
    '"leverage", "aider" rather than "accompagner". Sentences that are mostly merge fields, links or lists of names are ' +
    'skipped; the subject line, greeting and sign-off are not scored.',
  category: 'wording',
  languages: ['en', 'fr'],
  severity: 'info',
  weight: 5,
  messages,
  options: {minWords: 10, hard: 30, veryHard: 10} satisfies Options,
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, options, report}) {
    for (const [first, last] of proseSentences(analysis)) {
      if (wordCount(analysis, first, last) < options.minWords) continue
      const units = wordUnits(analysis, analysis.sentences[first].first, analysis.sentences[last].last)
      const result = scoreSentence(analysis, units, data, options)
      if (!result) continue
      // Thresholds apply to the score as the message gives it, rounded.
      const score = Math.round(result.score)
      if (score >= options.hard) continue
      const severity: Severity = score < options.veryHard ? 'warning' : 'info'
      const perWord = decimal(result.syllables / result.words, 1)
      report({
        start: analysis.sentences[first].start,
        end: analysis.sentences[last].end,
        messageId: 'hard',
        data: {formula: data.name, score, words: result.words, perWord, advice: advice(result)},
        expected: [],
        severity
      })
    }
  }
})

function wordCount(analysis: Analysis, first: number, last: number): number {
  let count = 0
  for (let s = first; s <= last; s++) count += analysis.sentences[s].words.length
  return count
}

const TERMINAL = /[.!?…:;]["'”»)\]*]*\s*$/u
const LIST_ITEM = /^(?:\d{1,2}[.)]\s|[-*•–])/u

/**
 * The body's sentences as [first, last] indices into `analysis.sentences`.
 * The analysis cuts sentences at line breaks; a sentence hard-wrapped over
 * several lines ("...lose 40% of ramp time to unstructured⏎onboarding.") is
 * joined again: a line with no closing punctuation continues on the next
 * when that one starts with a lower-case letter, a merge field or a number
 * that is not a list item.
 */
export function proseSentences(analysis: Analysis): Array<[number, number]> {
  const {sentences, text} = analysis
  const out: Array<[number, number]> = []
  let s = analysis.bodySentence
  while (s < analysis.closingSentence) {
    let last = s
    while (last + 1 < analysis.closingSentence) {
      const current = sentences[last]
      const next = sentences[last + 1]
      const gap = text.slice(current.end, next.start)
      if (TERMINAL.test(text.slice(current.start, current.end)) || /\n[^\S\n]*\n/.test(gap) || !gap.includes('\n')) break
      const head = text.slice(next.start, next.start + 6)
      if (!/^[\p{Ll}\d[{(<«"“]/u.test(head) || LIST_ITEM.test(head)) break
      last++
    }
    out.push([s, last])
    s = last + 1
  }
  return out
}
