import {editPatterns} from '../../src/config/words.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import {isNegated} from '../../src/text/negation.js'
import {compilePhrases, type PhraseMatcher} from '../../src/text/phrases.js'
import {isUsed} from '../../src/text/prose.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

/** One piece of jargon: its patterns (src/text/phrases.ts syntax) and plainer words. */
interface Phrase {
  patterns: string[]
  /** Plainer alternatives; `<...>` marks what the writer fills in. */
  expected: string[]
}

interface Data {
  phrases: Phrase[]
}

export interface JargonHit {
  phrase: Phrase
  start: number
  end: number
}

const matcherFor = perList((data: Data, lang: Lang): PhraseMatcher<Phrase> => compilePhrases(data.phrases, lang, (phrase) => phrase.patterns))

/** Every piece of sales jargon used in the draft: not quoted, not in a merge field, not negated. */
export function findJargon(analysis: Analysis, lang: Lang, data: Data = lang === 'fr' ? fr : en): JargonHit[] {
  return matcherFor(data, lang)
    .find(analysis)
    .filter((match) => isUsed(analysis, match.start, match.end)) // not quoted, not "[value proposition]"
    .filter((match) => !isNegated(analysis, match.first)) // "this is not a turnkey solution"
    .map((match) => ({phrase: match.entry, start: match.start, end: match.end}))
}

export default defineRule<Data, Record<string, never>>({
  id: 'marketing-speak',
  summary: 'Industrial sales jargon: "best-in-class", "seamless", "drive engagement", "solution clé en main", "plateforme d\'engagement", "booster votre ROI"…',
  rationale:
    'Jargon like "best-in-class", "turnkey", "solution clé en main" or "levier de croissance" is what every vendor says, so it says nothing: the reader cannot check it, and it tells them a brochure is talking, not a person. ' +
    'Say what the product does for this reader, with a number or an example ("cuts onboarding from six weeks to two"). Each suggestion gives plainer words; `<...>` is yours to fill in. ' +
    'Hype words that are a problem only when repeated (innovation, synergy, valeur ajoutée) belong to buzzword-overuse; the two lists are kept disjoint so one word is never reported twice.',
  category: 'wording',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 8,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  extend(data, add, remove) {
    return {...data, phrases: editPatterns(data.phrases, add, remove, (pattern) => ({patterns: [pattern], expected: []}))}
  },
  check({analysis, lang, data, report}) {
    for (const hit of findJargon(analysis, lang, data)) {
      const words = analysis.text.slice(hit.start, hit.end).replace(/\s+/g, ' ')
      report({
        start: hit.start,
        end: hit.end,
        messageId: hit.phrase.expected.length > 0 ? 'jargonExample' : 'jargon',
        data: {words, example: hit.phrase.expected[0] ?? ''},
        expected: hit.phrase.expected
      })
    }
  }
})
