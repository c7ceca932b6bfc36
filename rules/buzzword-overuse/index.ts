import {decimal} from '../../src/i18n.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import {foldWord} from '../../src/text/normalize.js'
import {isNegated} from '../../src/text/negation.js'
import {compilePhrases, type PhraseMatcher} from '../../src/text/phrases.js'
import {isUsed} from '../../src/text/prose.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

/**
 * Virtue words ("empathie", "authentic") and hype words ("synergie",
 * "leverage"), grouped by lemma: every form listed under a lemma, and every
 * inflection of those forms, counts toward that lemma.
 */
interface Data {
  virtue: Record<string, string[]>
  hype: Record<string, string[]>
  /** Fixed terms where the word is not a buzzword: "ressources humaines", "human rights". */
  fixedTerms: string[]
  /** A word right after one of these is mentioned, not used: "the word empathy". */
  mentionWords: string[]
  /** Words that may stand inside a name or a title between capitalised words ("Head of Innovation"). */
  nameJoiners?: string[]
}

type Options = {
  /** A lemma used this many times or more is reported (from its second use on). */
  repeat: number
  /** A lemma used this many times or more is reported as an error instead of a warning. */
  errorAt: number
  /** Buzzwords per hundred words from which the draft is too dense: every buzzword is reported. */
  density: number
  /** ...provided there are at least this many buzzwords (one buzzword in a 20-word note is not density). */
  densityMinimum: number
}

type Kind = 'virtue' | 'hype'

interface Lemma {
  lemma: string
  kind: Kind
  pattern: string
}

export interface BuzzwordHit {
  lemma: string
  kind: Kind
  start: number
  end: number
}

interface Prepared {
  words: PhraseMatcher<Lemma>
  fixed: PhraseMatcher<string>
  mention: Set<string>
  joiners: Set<string>
}

function prepare(data: Data, lang: Lang): Prepared {
  const lemmas: Lemma[] = []
  for (const kind of ['virtue', 'hype'] as const) {
    for (const [lemma, forms] of Object.entries(data[kind])) {
      for (const pattern of forms) lemmas.push({lemma, kind, pattern})
    }
  }
  return {
    words: compilePhrases(lemmas, lang, (entry) => entry.pattern),
    fixed: compilePhrases(data.fixedTerms, lang),
    mention: new Set(data.mentionWords.map(foldWord)),
    joiners: new Set((data.nameJoiners ?? []).map(foldWord))
  }
}

const preparedFor = perList(prepare)

/**
 * Every buzzword used in the draft, in order: not inside a fixed term
 * ("ressources humaines", "the leverage ratio"), not quoted (« empathie »,
 * "empathy"), not mentioned ("the word empathy") and not negated ("not an
 * innovative tool", "pas disruptif").
 */
export function findBuzzwords(analysis: Analysis, lang: Lang, data: Data): BuzzwordHit[] {
  const {words, fixed, mention, joiners} = preparedFor(data, lang)
  const fixedSpans = fixed.find(analysis)
  const hits: BuzzwordHit[] = []
  let f = 0
  for (const match of words.find(analysis)) {
    // Both lists come out in text order: walk the fixed terms alongside.
    while (f < fixedSpans.length && fixedSpans[f].end <= match.start) f++
    if (f < fixedSpans.length && fixedSpans[f].start < match.end) continue // "ressources humaines"
    if (!isUsed(analysis, match.start, match.end)) continue // « empathie », "empathy", [your passion]
    if (mention.has(previousWord(analysis, match.first))) continue // the word empathy
    if (isNegated(analysis, match.first)) continue // not a disruptive tool: the writer denies the word
    if (isName(analysis, match.first, joiners)) continue // Synergy Health, our Head of Innovation: a name or a title
    hits.push({lemma: match.entry.lemma, kind: match.entry.kind, start: match.start, end: match.end})
  }
  return hits
}

/**
 * A capitalised word that is part of a name or a title, not the word used: a capitalised neighbour
 * stands beside it, "of" / "de" between them allowed ("our Head of Innovation", "Synergy Health
 * uses…", "Chief Empathy Officer"). A neighbour capitalised only because it starts the sentence does
 * not count ("Our Authentic approach" is the word, capitalised for show), nor does a line in capitals.
 */
function isName(analysis: Analysis, token: number, joiners: ReadonlySet<string>): boolean {
  const {tokens} = analysis
  const value = tokens[token].value
  if (!/^\p{Lu}/u.test(value) || value === value.toUpperCase()) return false
  const words = analysis.sentences[tokens[token].sentence]?.words ?? []
  const index = words.indexOf(token)
  const capitalised = (at: number) => at > 0 && at < words.length && /^\p{Lu}\p{Ll}/u.test(tokens[words[at]].value)
  for (const step of [-1, 1]) {
    let at = index + step
    // "Directrice de l'Innovation": up to two joiners between.
    for (let skipped = 0; skipped < 2 && at >= 0 && at < words.length && joiners.has(tokens[words[at]].fold); skipped++) at += step
    if (capitalised(at)) return true
  }
  return false
}

function previousWord(analysis: Analysis, token: number): string {
  const words = analysis.sentences[analysis.tokens[token].sentence]?.words ?? []
  const index = words.indexOf(token)
  return index > 0 ? analysis.tokens[words[index - 1]].fold : ''
}

/** The advice for each kind of word: message ids. */
const ADVICE: Record<Kind, string> = {
  virtue: 'adviceVirtue',
  hype: 'adviceHype'
}

export default defineRule<Data, Options>({
  id: 'buzzword-overuse',
  summary: 'Virtue and hype words repeated or piled up: empathie, l\'humain, bienveillance, synergie; empathy, authentic, leverage…',
  rationale:
    'Naming a virtue does not show it: a draft that says "empathie" twice and "l\'humain" once reads like a brochure, and the reader hears a lever, not a person ("vertu-dropping"). ' +
    'Hype words (synergy, disruptif, écosystème) tell the reader nothing they can check. One such word is fine; repeated or piled up, they are all the reader remembers. ' +
    'Show the quality with something specific about the reader, or say what your product concretely does. ' +
    'Counted by lemma, any inflection (empathie, empathique; passion, passionate); fixed terms (ressources humaines, human rights, être humain) and quoted words (« empathie », "the word empathy") do not count. ' +
    'Reported: every use after the first of a word used twice or more (an error from 4 uses), and every buzzword when there are 3 or more and at least 3 per hundred words.',
  category: 'wording',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 12,
  messages,
  options: {repeat: 2, errorAt: 4, density: 3, densityMinimum: 3},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  extend(data, add, remove) {
    const removed = new Set(remove.map(foldWord))
    const keep = (lists: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(lists)
          .filter(([lemma]) => !removed.has(foldWord(lemma)))
          .map(([lemma, forms]) => [lemma, forms.filter((form) => !removed.has(foldWord(form)))] as const)
          .filter(([, forms]) => forms.length > 0)
      )
    const hype = keep(data.hype)
    // Each added word is a lemma of its own.
    for (const word of add) if (!removed.has(foldWord(word))) hype[word] = [word]
    return {...data, virtue: keep(data.virtue), hype}
  },
  check({analysis, lang, data, options, report}) {
    const hits = findBuzzwords(analysis, lang, data)
    if (hits.length === 0) return

    const count = new Map<string, number>()
    for (const hit of hits) count.set(hit.lemma, (count.get(hit.lemma) ?? 0) + 1)
    const words = analysis.words.length
    const per100 = (hits.length * 100) / Math.max(words, 1)
    const dense = hits.length >= options.densityMinimum && per100 >= options.density

    const first = new Map<string, BuzzwordHit>()
    for (const hit of hits) {
      const times = count.get(hit.lemma)!
      const earlier = first.get(hit.lemma)
      if (!earlier) first.set(hit.lemma, hit)
      const repeated = times >= options.repeat && earlier !== undefined
      if (!repeated && !dense) continue
      const advice = {messageId: ADVICE[hit.kind]}
      // The words as the draft wrote them ("innovantes", not the lemma "innovation").
      const written = analysis.text.slice(hit.start, hit.end)
      if (repeated) {
        const firstWritten = analysis.text.slice(earlier.start, earlier.end)
        const sameForm = foldWord(firstWritten) === foldWord(written)
        report({
          start: hit.start,
          end: hit.end,
          // `{{line}}`: the engine gives the line of `lineAt` in the file (a CSV row's draft does not start at line 1).
          messageId: sameForm ? 'repeated' : 'repeatedOtherForm',
          data: {written, times, first: firstWritten, advice},
          lineAt: earlier.start,
          expected: [],
          severity: times >= options.errorAt ? 'error' : 'warning'
        })
      } else {
        const rate = decimal(per100, per100 >= 10 ? 0 : 1)
        report({
          start: hit.start,
          end: hit.end,
          messageId: 'dense',
          data: {written, times: times > 1 ? ` ×${times}` : '', hits: hits.length, words, rate, advice},
          expected: [],
          severity: times >= options.errorAt ? 'error' : 'warning'
        })
      }
    }
  }
})
