import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import type {Analysis} from '../../src/text/analysis.js'
import {courtesy, quote} from '../../src/text/courtesy.js'
import {foldWord} from '../../src/text/normalize.js'
import {hasNegator} from '../../src/text/negation.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** A sentence opening on one of these, right after an ask, offers an alternative or follows it through ("Or Thursday?", "If so, send me…"): the same ask. */
  alternatives: string[]
  /**
   * A sentence opening on one of these with a negation before its first comma, right after an ask,
   * is its fallback ("If neither works, suggest another day.", "Si aucun ne va, proposez-en un autre."): the same ask.
   */
  fallbacks?: string[]
  /**
   * Right after an ask for a meeting, a sentence that narrows it to a time or a way to meet is the
   * same ask: a short one made only of these words, `narrowingGlue` and figures ("And morning or
   * afternoon?", "At 10am?", "À quelle heure ?", "Vers 10h ?"), or one offering a choice between two
   * of them ("And would morning or afternoon suit the team better?", "Et plutôt le matin ou
   * l'après-midi pour l'équipe ?").
   */
  narrowing?: string[]
  /** Words a short narrowing sentence may also hold ("and", "at", "the", "quelle", "vers"). */
  narrowingGlue?: string[]
  /** The words that offer a choice ("or", "ou"). */
  choices?: string[]
  /**
   * A line ending with ":" that starts with one of these asks for one choice among the list items
   * after it ("Should I:", "Which would help most:", "Préférez-vous :"): the items are its options.
   * After another line ("Quick questions:"), items that are questions each ask.
   */
  optionStems?: string[]
}

/** One thing the draft asks of the reader's attention: an ask, or a question. */
export interface Competitor {
  start: number
  end: number
  /** Index into the courtesy units (sentences with hard-wrapped lines joined). */
  unit: number
  kind: 'ask' | 'rhetorical' | 'question'
}

const alternativesOf = perList((data: Data): string[][] => data.alternatives.map((entry) => entry.split(/\s+/).map(foldWord)))
const fallbacksOf = perList((data: Data) => new Set((data.fallbacks ?? []).map(foldWord)))
const stemsOf = perList((data: Data) => new Set((data.optionStems ?? []).map(foldWord)))
const narrowingOf = perList((data: Data) => ({
  content: new Set((data.narrowing ?? []).map(foldWord)),
  glue: new Set((data.narrowingGlue ?? []).map(foldWord)),
  choices: new Set((data.choices ?? []).map(foldWord))
}))
/** At most this many words in a narrowing sentence made of its words only. */
const NARROWING_WORDS = 8

/** Does the unit narrow a meeting to a time or a way to meet (see `Data.narrowing`)? */
function isNarrowing(analysis: Analysis, data: Data, words: number[]): boolean {
  const {content, glue, choices} = narrowingOf(data)
  if (words.length === 0 || content.size === 0) return false
  const folds = words.map((w) => analysis.tokens[w].fold)
  const isContent = (fold: string | undefined) => fold !== undefined && (content.has(fold) || /^\d/u.test(fold))
  if (folds.length <= NARROWING_WORDS && folds.every((fold) => isContent(fold) || glue.has(fold))) return true
  // "morning or afternoon", "le matin ou l'après-midi": a choice between two of them.
  for (let i = 0; i + 2 < folds.length; i++) {
    if (!isContent(folds[i]) || !choices.has(folds[i + 1])) continue
    if (isContent(folds[i + 2]) || (glue.has(folds[i + 2]) && isContent(folds[i + 3]))) return true
  }
  return false
}

/** Does the unit open on a fallback word ("if", "si") with a negation before its first comma? */
function isFallback(analysis: Analysis, data: Data, words: number[]): boolean {
  const {tokens} = analysis
  if (words.length === 0 || !fallbacksOf(data).has(tokens[words[0]].fold)) return false
  const to = tokens[words[words.length - 1]].end
  let end = words[0]
  while (end < tokens.length && tokens[end].end <= to && tokens[end].value !== ',') end++
  return hasNegator(analysis, words[0] + 1, end)
}

/**
 * The asks and questions competing in a draft, one per sentence. Not counted
 * again: a reply prompt or booking link right after an ask ("Would you be
 * open to a call? Book here: calendly.com/…", "… Let me know."), a wish next
 * to the question that makes it ("I'd love to hear how you did it. Open to a
 * call?"), and an alternative or follow-on ("Tuesday at 10? Or Thursday?",
 * "Have you tried X? If so, what stopped you?").
 */
export function competingAsks(analysis: Analysis, data: Data): Competitor[] {
  const found = courtesy(analysis)
  const byUnit = new Map<number, Competitor & {follow: boolean; soft: boolean; meeting?: boolean; condition?: boolean}>()
  const chained = new Map<number, Competitor[]>()
  for (const ask of found.asks) {
    byUnit.set(ask.unit, {start: ask.start, end: ask.end, unit: ask.unit, kind: 'ask', follow: ask.follow, soft: ask.soft, meeting: ask.meeting, condition: ask.condition})
    // "Merci de me retourner le devis, de me confirmer la date et de me rappeler": three orders in one sentence.
    if (ask.chained.length > 0) chained.set(ask.unit, ask.chained.map((order) => ({start: order.start, end: order.end, unit: ask.unit, kind: 'ask'})))
  }
  for (const question of found.questions) {
    // A hook or rhetorical opener is not an ask (SPEC, hard cases): it does not compete.
    if (byUnit.has(question.unit) || question.kind === 'rhetorical') continue
    const kind = question.kind === 'ask' ? 'ask' : 'question'
    byUnit.set(question.unit, {start: question.start, end: question.end, unit: question.unit, kind, follow: false, soft: false})
  }
  const items: Array<Competitor & {follow: boolean; soft: boolean; meeting?: boolean; condition?: boolean}> = []
  // Numbered options offered as one choice are one ask ("Should I:\n1. …?\n2. …?\nReply with the
  // number"): the list items after a sentence ending with ":" are its options, not asks of their own.
  const options = new Set<number>()
  const stems = stemsOf(data)
  let announced = false
  let stem = false
  found.units.forEach((unit, u) => {
    if (unit.listItem) {
      // "Quick questions:\n- Who…?\n- What…?": a questionnaire, each question asks.
      if (announced && (stem || !unit.question)) options.add(u)
    } else {
      announced = /:\s*$/u.test(analysis.text.slice(unit.start, unit.end))
      stem = unit.words.length > 0 && stems.has(analysis.tokens[unit.words[0]].fold)
    }
  })
  /** The orders chained to the ask of unit `u` compete on their own. */
  const pushChained = (u: number) => {
    for (const order of chained.get(u) ?? []) items.push({...order, follow: false, soft: false})
  }
  for (const u of [...byUnit.keys()].sort((a, b) => a - b)) {
    const item = byUnit.get(u)!
    const previous = items[items.length - 1]
    if (options.has(u)) continue
    if (previous) {
      // How far apart, not counting list items in between ("I propose an audit:\n- …\n- …\nInterested?").
      let gap = 1
      for (let between = previous.unit + 1; between < u; between++) if (!found.units[between].listItem) gap++
      // "Tuesday at 10? Or Thursday?", "Would a demo help? If so, send me a sample file.", "Sinon,
      // proposez-moi un autre créneau.": the same ask, its alternative or its follow-through.
      if (gap === 1 && (startsWithAny(analysis, found.units[u].words, alternativesOf(data)) || isFallback(analysis, data, found.units[u].words))) continue
      if (gap === 1 && previous.kind === 'ask' && previous.meeting === true && isNarrowing(analysis, data, found.units[u].words)) continue
      // "Je clôturerai votre dossier vendredi sans réponse de votre part. Merci de me dire si vous
      // souhaitez avancer.": what happens without a reply backs up the ask after it too.
      if (previous.condition && gap <= 2 && item.kind === 'ask') {
        items[items.length - 1] = item
        pushChained(u)
        continue
      }
      // A reply prompt that brings a meeting of its own after another ask asks again: "Could you share the
      // template? And let me know if Tuesday works for a call."
      const newMeeting = item.follow && item.meeting === true && previous.meeting === false
      if (previous.kind === 'ask' && gap <= 2 && !newMeeting && (item.follow || ((item.soft || previous.soft) && item.kind === 'ask'))) {
        // One ask said twice: keep the firmer of the two (and the orders chained to it).
        if (previous.soft && !item.soft) items[items.length - 1] = {...item, soft: false}
        pushChained(u)
        continue
      }
    }
    items.push(item)
    pushChained(u)
  }
  return items.map(({start, end, unit, kind}) => ({start, end, unit, kind}))
}

function startsWithAny(analysis: Analysis, words: number[], phrases: string[][]): boolean {
  return phrases.some((phrase) => phrase.every((word, index) => analysis.tokens[words[index]]?.fold === word))
}

export default defineRule<Data, Record<string, never>>({
  id: 'multiple-asks',
  summary: 'Several requests or questions competing in one draft instead of one clear ask.',
  rationale:
    'A reader gives a cold message a few seconds and answers at most one thing. Two asks split that attention; three make the message homework, and the easy answer is none. ' +
    'Keep the one ask that matters (a call, a reply, an introduction), make it easy to say yes to, and cut or merge the rest. ' +
    'Counted: each sentence that asks for an action or asks the reader a question. Not counted: a hook or rhetorical opener ("Struggling with churn? Most teams are.", "Et si… ?"), which asks nothing of the reader; phatic questions ("How are you?", which canned-personalization handles). ' +
    'Not counted again: a reply prompt or booking link backing up the ask just before it ("Book here: …", "Let me know"), an alternative ("Or Thursday?"), a question narrowing a meeting to a time or a way to meet ("Which day suits you? And morning or afternoon?"), and numbered options offered as one choice ("Should I: 1… 2… 3…? Reply with the number"). Questions listed under a label ("Quick questions: - Who…? - When…?") are a questionnaire: each counts. ' +
    'Two competing asks are a warning; from three on, the message says the draft has become a questionnaire.',
  category: 'focus',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 8,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, report}) {
    const items = competingAsks(analysis, data)
    if (items.length < 2) return
    const first = items[0]
    const total = items.length
    items.slice(1).forEach((item, index) => {
      const excerpt = quote(analysis, item)
      const messageId = item.kind === 'rhetorical' ? 'rhetorical' : total === 2 && first.kind === 'rhetorical' ? 'openingQuestion' : total === 2 ? 'secondAsk' : 'tooMany'
      const data = {excerpt, first: quote(analysis, first), total, index: index + 2}
      report({start: item.start, end: item.end, messageId, data, expected: []})
    })
  }
})
