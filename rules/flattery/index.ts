import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import {foldWord} from '../../src/text/normalize.js'
import {compilePhrases, type PhraseMatcher} from '../../src/text/phrases.js'
import {isNegated} from '../../src/text/negation.js'
import {isUsed} from '../../src/text/prose.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import {dropAdjective} from '../../src/suggest.js'
import {inflect} from '../../src/text/inflect.js'
import suggestions from './suggestions.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

type Tier = 'mild' | 'gushing'

/**
 * Praise about the reader, as data. `templates` are patterns (src/text/phrases.ts
 * syntax) with slots: `{adjective}` (filled once per tier: a mild adjective
 * makes a mild compliment, a gushing one a gushing compliment), `{thing}`
 * (what the reader did or has) and `{person}` (what the reader is). Every
 * slot word is a single word. `phrases` are fixed patterns per tier.
 */
interface Data {
  fillers: string[]
  things: string[]
  people: string[]
  adjectives: Record<Tier, string[]>
  templates: string[]
  phrases: Record<Tier, string[]>
  /** Terms where a praise word is not praise: "génie civil". */
  notFlattery: string[]
  /**
   * Things that are the reader rather than their work ("your impressive background", "votre
   * parcours impressionnant"): praising them is the compliment every prospect gets, worth a gushing
   * one's points even with a mild word. Praise of their work ("your excellent talk") stays mild.
   */
  personal?: string[]
}

type Options = {
  /** Points from which praise is a finding: a mild compliment is 1 point, a gushing one 2. */
  threshold: number
  /** Without a gushing compliment, mild ones must also reach this many points per hundred words. */
  density: number
}

interface Entry {
  tier: Tier
  pattern: string
}

export interface FlatteryHit {
  tier: Tier
  points: number
  /** Praise of the reader rather than of their work ("your impressive background"). */
  person: boolean
  start: number
  end: number
}

const POINTS: Record<Tier, number> = {mild: 1, gushing: 2}

/** Patterns of one language: every template once per adjective tier, then the fixed phrases. */
export function flatteryPatterns(data: Data): Entry[] {
  const entries: Entry[] = []
  for (const tier of ['mild', 'gushing'] as const) {
    for (const template of data.templates) {
      entries.push({
        tier,
        pattern: template
          .replaceAll('{adjective}', data.adjectives[tier].join('|'))
          .replaceAll('{thing}', data.things.join('|'))
          .replaceAll('{person}', data.people.join('|'))
      })
    }
    for (const pattern of data.phrases[tier]) entries.push({tier, pattern})
  }
  return entries
}

interface Prepared {
  praise: PhraseMatcher<Entry>
  not: PhraseMatcher<string>
  personal: Set<string>
}

const preparedFor = perList(
  (data: Data, lang: Lang): Prepared => ({
    praise: compilePhrases(flatteryPatterns(data), lang, (entry) => entry.pattern, data.fillers),
    not: compilePhrases(data.notFlattery, lang),
    personal: new Set((data.personal ?? []).map(foldWord))
  })
)

/** Every compliment about the reader in the draft, quoted, negated ones and fixed terms ("génie civil") left out. */
export function findFlattery(analysis: Analysis, lang: Lang, data: Data): FlatteryHit[] {
  const {praise, not, personal} = preparedFor(data, lang)
  const excluded = not.find(analysis)
  const hits: FlatteryHit[] = []
  let e = 0
  for (const match of praise.find(analysis)) {
    while (e < excluded.length && excluded[e].end <= match.start) e++
    if (e < excluded.length && excluded[e].start < match.end) continue // ingénieur en génie civil
    if (!isUsed(analysis, match.start, match.end)) continue // quoted, or in a merge field
    if (isNegated(analysis, match.first)) continue // "not an incredible journey"
    // "Votre parcours impressionnant": the reader praised, not their work (SPEC: obsequious praise).
    let aboutPerson = false
    if (match.entry.tier === 'mild' && personal.size > 0) {
      for (let t = match.first; t <= match.last && !aboutPerson; t++) aboutPerson = analysis.tokens[t].kind === 'word' && personal.has(analysis.tokens[t].fold)
    }
    hits.push({tier: match.entry.tier, points: aboutPerson ? POINTS.gushing : POINTS[match.entry.tier], person: aboutPerson, start: match.start, end: match.end})
  }
  return hits
}

/** Every form of the praise adjectives, folded: the words a suggestion may drop. */
const adjectivesFor = perList((data: Data, lang: Lang) => new Set([...data.adjectives.mild, ...data.adjectives.gushing].flatMap((entry) => inflect(entry, lang))))
/** Per language: the verbs after which a compliment's adjective stands alone ("is incredible"). */
const copulas = new Map<string, ReadonlySet<string>>(Object.entries(suggestions).map(([lang, words]) => [lang, new Set(words.copulas)]))

export default defineRule<Data, Options>({
  id: 'flattery',
  summary: 'Obsequious praise stacked up: "huge fan", "incredible journey", "your amazing profile", "votre parcours impressionnant", "génie"…',
  rationale:
    'Superlatives about the reader ("your incredible journey", "votre incroyable expertise", "vrai visionnaire") are the compliments everyone gets; stacked up, they read as a lever to get a yes, and the reader discounts everything after them. ' +
    'One specific compliment is fine, and better than three big ones: name what they did and what it changed for you ("your post on ramp time made us cut onboarding to two weeks"). ' +
    'Scale: a mild compliment of their work ("your excellent talk", "j\'admire votre travail") is 1 point; a gushing one ("huge fan", "rockstar", "votre incroyable parcours") and praise of the reader rather than their work ("your impressive background", "votre parcours impressionnant") 2 points. ' +
    'A draft is flagged from 2 points, and mild compliments alone must also reach 1 point per hundred words; then every compliment is reported. So one mild compliment of their work is never a finding; a gushing one, or praise of the person, always is.',
  category: 'wording',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 10,
  messages,
  options: {threshold: 2, density: 1},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  extend(data, add, remove) {
    const removed = new Set(remove.map(foldWord))
    const keep = (list: string[]) => list.filter((entry) => !removed.has(foldWord(entry)))
    return {
      ...data,
      templates: keep(data.templates),
      adjectives: {mild: keep(data.adjectives.mild), gushing: keep(data.adjectives.gushing)},
      phrases: {mild: keep(data.phrases.mild), gushing: [...keep(data.phrases.gushing), ...keep([...add])]}
    }
  },
  // "your incredible journey" → "your journey"
  suggest: (context) => dropAdjective(context, (fold) => adjectivesFor(context.data, context.lang).has(fold), copulas.get(context.lang) ?? new Set()),
  check({analysis, lang, data, options, report}) {
    const hits = findFlattery(analysis, lang, data)
    if (hits.length === 0) return
    const points = hits.reduce((sum, hit) => sum + hit.points, 0)
    const words = Math.max(analysis.words.length, 1)
    const gushing = hits.some((hit) => hit.tier === 'gushing')
    if (points < options.threshold) return // One mild compliment: fine.
    if (!gushing && (points * 100) / words < options.density) return // Two mild ones, far apart in a long draft.
    const stack = hits.length > 1 ? {messageId: 'stack', data: {count: hits.length, words}} : ''
    for (const hit of hits) {
      const excerpt = analysis.text.slice(hit.start, hit.end).replace(/\s+/g, ' ')
      report({
        start: hit.start,
        end: hit.end,
        messageId: hit.tier === 'gushing' ? 'gushing' : hit.person ? 'person' : 'stacked',
        data: {excerpt, stack},
        expected: []
      })
    }
  }
})
