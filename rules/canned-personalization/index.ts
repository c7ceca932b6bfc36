import {editPatterns} from '../../src/config/words.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import {compilePhrases, type PhraseMatcher} from '../../src/text/phrases.js'
import {foldWord} from '../../src/text/normalize.js'
import {isUsed} from '../../src/text/prose.js'
import {inflect} from '../../src/text/inflect.js'
import type {Lang, PerLanguage} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import {deleteStockLine, replacements} from '../../src/suggest.js'
import suggestions from './suggestions.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

/** One stock line: its patterns (src/text/phrases.ts syntax) and what to write instead. */
interface Line {
  patterns: string[]
  /** What to write instead: a message id of messages.json, whose `{{example}}` is `example`. */
  instead: string
  example?: string
  /** Drop-in replacements, when there is one. */
  expected?: string[]
  /** The line says the writer saw something of the reader's: followed by a detail of it, it is personal. */
  observation?: boolean
  /**
   * A follow-up ("Je reviens vers vous", "Just following up"): with a new fact for the reader in its
   * own sentence (a figure, a name, a quotation, a topic), it does what the advice says, and is not stock.
   */
  news?: boolean
  /** Stock only where it opens its sentence or the subject line, after `openingLeads` at most ("Just a quick question"). */
  opening?: boolean
}

interface Data {
  /** Words skipped between the words of a pattern ("I just came across"). */
  fillers: string[]
  lines: Line[]
  /** Words that may come before an `opening` line in its sentence ("just", "a", "Subject"). */
  openingLeads?: string[]
  /** What is not a detail after an observation line: see `hasDetail`. */
  details: {generic: string[]; agoAfter: string[]; agoBefore: string[]; writerOpeners: string[]; topicCues: string[]; topicStop: string[]; praise?: string[]}
}

export interface CannedHit {
  line: Line
  start: number
  end: number
}

const GENERIC = 'generic'

/**
 * "i? hope this email…" as two patterns, "i hope this email…" and "hope this
 * email…": the matcher indexes patterns by their first word, and one with an
 * optional first word would be tried at every word of every draft.
 */
export function withoutOptionalHead(pattern: string): string[] {
  const [head, ...rest] = pattern.trim().split(/\s+/)
  if (rest.length === 0 || !head.endsWith('?') || head === '?') return [pattern]
  return [rest.join(' '), head.slice(0, -1) + ' ' + rest.join(' ')]
}

const matcherFor = perList(
  (data: Data, lang: Lang): PhraseMatcher<Line> => compilePhrases(data.lines, lang, (line) => line.patterns.flatMap(withoutOptionalHead), data.fillers)
)

const leadsFor = perList((data: Data) => new Set((data.openingLeads ?? []).map(foldWord)))

/** Does the match open its sentence, after lead words at most? */
function opensSentence(analysis: Analysis, data: Data, first: number): boolean {
  const {tokens, sentences} = analysis
  const leads = leadsFor(data)
  for (const w of sentences[tokens[first].sentence].words) {
    if (w >= first) return true
    if (!leads.has(tokens[w].fold)) return false
  }
  return true
}

const detailsFor = perList((data: Data, lang: Lang) => ({
  praise: new Set((data.details.praise ?? []).flatMap((word) => inflect(word, lang))),
  generic: new Set(data.details.generic.map(foldWord)),
  agoAfter: new Set(data.details.agoAfter.map(foldWord)),
  agoBefore: new Set(data.details.agoBefore.map(foldWord)),
  writerOpeners: new Set(data.details.writerOpeners.map(foldWord)),
  topicCues: new Set(data.details.topicCues.map(foldWord)),
  topicStop: new Set(data.details.topicStop.map(foldWord))
}))

/** How many words of four letters or more name a topic after "on" / "sur" for it to be this reader's ("sur l'abandon de la prospection téléphonique"). */
const TOPIC_WORDS = 3

/**
 * Does a detail only this reader has come in tokens [from, to): a number
 * (not "two days ago" / "il y a deux jours"), a quotation of two words or
 * more, or a name (a capitalised word inside a sentence, not a platform such
 * as LinkedIn, not the reader's own name, not a merge field)? After praise
 * ("and loved your journey from intern to VP"), numbers and names are what is
 * praised, not a detail of what was seen: only a quotation or a topic counts.
 */
function hasDetail(analysis: Analysis, data: Data, from: number, to: number, topics = true, smallNumbers = true): boolean {
  const {tokens, sentences} = analysis
  const sets = detailsFor(data, analysis.lang)
  let praised = false
  for (let index = from; index < to && !praised; index++) praised = tokens[index].kind === 'word' && sets.praise.has(tokens[index].fold)
  const start = tokens[from]?.start ?? analysis.text.length
  const end = tokens[to - 1]?.end ?? start
  for (const [open, close] of analysis.quoted) if (open < end && close > start && /\s/.test(analysis.text.slice(open, close).trim())) return true
  const greetingName = analysis.greeting?.name ? foldWord(analysis.greeting.name.value) : undefined
  const wordAt = (index: number, step: number, count: number): string[] => {
    const out: string[] = []
    for (let k = index + step; k >= from - 3 && k < to + 3 && k >= 0 && k < tokens.length && out.length < count; k += step) if (tokens[k].kind === 'word') out.push(tokens[k].fold)
    return out
  }
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (token.kind !== 'word' || !isUsed(analysis, token.start, token.end)) continue
    // A named topic: "on why your team dropped cold calling", "sur l'abandon de la prospection
    // téléphonique" (not "on LinkedIn", not "about growth"): enough words of its own, up to a comma.
    if (topics && sets.topicCues.has(token.fold) && namesTopic(analysis, sets, index + 1, to)) return true
    if (praised) continue
    // After a follow-up, "depuis l'envoi de la proposition le 4" is the writer's own date, not news.
    if (!smallNumbers && /^\p{N}{1,2}\.?$/u.test(token.value)) continue
    if (/^\p{N}/u.test(token.value)) {
      const after = wordAt(index, 1, 2)
      const before = wordAt(index, -1, 3).reverse().join(' ')
      if (after.some((word) => sets.agoAfter.has(word)) || [...sets.agoBefore].some((words) => before.endsWith(words))) continue
      return true
    }
    if (!/^\p{Lu}/u.test(token.value) || sentences[token.sentence]?.words[0] === index) continue
    if (sets.generic.has(token.fold) || token.fold === greetingName) continue
    return true
  }
  return false
}

/** From `from`, before a punctuation mark or `to`: at least TOPIC_WORDS long words, none generic (a platform), the first not a stop ("sur ce", "about it"). */
function namesTopic(analysis: Analysis, sets: ReturnType<typeof detailsFor>, from: number, to: number): boolean {
  const {tokens} = analysis
  let words = 0
  for (let index = from; index < to; index++) {
    const token = tokens[index]
    if (token.kind === 'punctuation') break
    if (token.kind !== 'word') continue
    if (sets.generic.has(token.fold) || (words === 0 && sets.topicStop.has(token.fold))) return false
    if (token.fold.length >= 4 && ++words >= TOPIC_WORDS) return true
  }
  return false
}

/**
 * Every stock line in the draft that is used, not quoted. An observation
 * ("I noticed your post", "J'ai vu votre post") followed, in its sentence or
 * the next, by a detail of what was seen is personal: not a stock line.
 */
export function findCanned(analysis: Analysis, lang: Lang, data: Data): CannedHit[] {
  const {tokens, sentences} = analysis
  return matcherFor(data, lang)
    .find(analysis)
    .filter((match) => isUsed(analysis, match.start, match.end)) // Don't write "I hope this email finds you well".
    .filter((match) => !match.entry.opening || opensSentence(analysis, data, match.first)) // "Thanks for the quick question"
    .filter((match) => {
      if (!data.details) return true
      const sentence = tokens[match.last].sentence
      if (match.entry.news) return !hasDetail(analysis, data, match.last + 1, sentences[sentence].last, true, false)
      if (!match.entry.observation) return true
      if (hasDetail(analysis, data, match.last + 1, sentences[sentence].last)) return false
      // The next sentence too, unless it opens on the writer ("I am a Senior Account Executive at
      // Growlytics", "Chez Expensio, on…") or asks ("Auriez-vous 15 minutes mardi ?"): then its
      // figures and names are not of what was seen. A topic counts in the observation's own sentence.
      const next = sentence + 1 < analysis.closingSentence ? sentences[sentence + 1] : undefined
      if (!next || next.question || detailsFor(data, lang).writerOpeners.has(tokens[next.words[0]]?.fold ?? '')) return true
      return !hasDetail(analysis, data, next.first, next.last, false)
    })
    .map((match) => ({line: match.entry, start: match.start, end: match.end}))
}

export default defineRule<Data, Record<string, never>>({
  id: 'canned-personalization',
  summary: 'Stock fake-personal lines: "I came across your profile", "I hope this email finds you well", "J\'ai vu votre profil", "Je me permets de vous contacter"…',
  rationale:
    'These lines pretend to be personal and are sent to everyone: the reader has seen "I came across your profile" and "J\'espère que vous allez bien" in a hundred cold messages, and stops reading there. ' +
    '"Personal is human. Personalized isn\'t." (Cluetrain, thesis 62.) Replace the stock line with something only this reader could receive: what you read of theirs, the fact that made you write, or nothing at all. ' +
    'Matched tolerantly: any inflection, case, punctuation, apostrophes, and filler words ("I just came across", "je me permets donc").',
  category: 'personalization',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 15,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  extend(data, add, remove) {
    return {...data, lines: editPatterns(data.lines, add, remove, (pattern) => ({patterns: [pattern], instead: GENERIC}))}
  },
  // The stock sentence deleted, or its opening clause (the next word gets its capital); else the rule's replacements.
  suggest: (context) => [...deleteStockLine(context, (suggestions as PerLanguage<{connectors: string[]}>)[context.lang]?.connectors ?? []), ...replacements(context)],
  check({analysis, lang, data, report}) {
    for (const hit of findCanned(analysis, lang, data)) {
      const words = analysis.text.slice(hit.start, hit.end).replace(/\s+/g, ' ')
      report({
        start: hit.start,
        end: hit.end,
        messageId: 'stockLine',
        data: {words, instead: {messageId: hit.line.instead, data: {example: hit.line.example ?? ''}}},
        expected: hit.line.expected ?? []
      })
    }
  }
})
