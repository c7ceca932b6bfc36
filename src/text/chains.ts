import type {Analysis} from './analysis.js'
import {packFor} from '../lang/packs.js'
import {perList} from '../rule.js'
import {foldWord} from './normalize.js'

/**
 * Chained orders: one sentence that asks for several things ("Merci de me retourner le devis, de
 * me confirmer la date et de me rappeler", "Can you confirm who joins, and send over the budget?").
 * Each further order competes with the first for the reader's attention (multiple-asks), though
 * the sentence stays one ask for the courtesy rules.
 *
 * After an order, a coordinator ("and", ",", "et", "puis") followed by a verb in its base form
 * starts another. Which words are verbs is the language pack's to say (`baseVerbs`: English reads
 * compromise's tags, French its infinitive endings); the words around it are data
 * (`langs/<code>/courtesy.json`, `chains`): the heads and pronouns that may stand between the
 * coordinator and the verb ("de me", "to"), whether one is required (French: "et de me rappeler",
 * not "et le premier"), and the verbs that do not make a new order ("and see how…", "and let me
 * know", which back up the first).
 */

export interface ChainData {
  coordinators: string[]
  heads: string[]
  pronouns: string[]
  /** A head or a pronoun must come before the verb. */
  needsHead: boolean
  /** Verbs that follow an order without being one: purposes ("see", "découvrir") and reply prompts ("let", "tell"). */
  notOrders: string[]
  /** Words that end the first order's clause: another subject ("or should I close your file and stop…"), a condition, an alternative. */
  stops: string[]
  /** Words that are never a verb there (articles, possessives, prepositions, numbers are left out too): no need to ask the pack. */
  notVerbs: string[]
  /** Verbs an order commonly chains ("send", "confirm", "forward"): known without asking the pack. */
  verbs: string[]
  /**
   * Pronouns that take up the first order's object, where the language puts them (French before the
   * verb, English after it): an order whose verb has one does the same task in a further step
   * ("sign it and send it back", "le signer et le renvoyer"), it asks nothing more.
   */
  sameObject?: {before?: string[]; after?: string[]}
  /**
   * After an ask for a meeting, these verbs say what the meeting is for ("Could we meet on Tuesday and
   * go through your numbers?", "Pourrions-nous nous voir mardi et faire le point ?"): no further order.
   */
  meetingVerbs?: string[]
}

interface Prepared {
  coordinators: Set<string>
  heads: Set<string>
  pronouns: Set<string>
  needsHead: boolean
  notOrders: Set<string>
  stops: Set<string>
  notVerbs: Set<string>
  verbs: Set<string>
  sameBefore: Set<string>
  sameAfter: Set<string>
  meetingVerbs: Set<string>
}

/** Prepared once per list object: the pack's lists, or a processor's configured copy. */
const preparedFor = perList((data: ChainData): Prepared => {
  const set = (list: string[]) => new Set(list.map(foldWord))
  return {coordinators: set(data.coordinators), heads: set(data.heads), pronouns: set(data.pronouns), needsHead: data.needsHead, notOrders: set(data.notOrders), stops: set(data.stops), notVerbs: set(data.notVerbs), verbs: set(data.verbs), sameBefore: set(data.sameObject?.before ?? []), sameAfter: set(data.sameObject?.after ?? []), meetingVerbs: set(data.meetingVerbs ?? [])}
})

/** A further order of the sentence: from its first word (after the coordinator) to the next coordinator or the sentence's end. */
export interface Chained {
  start: number
  end: number
}

/**
 * The further orders of one sentence after `from` (an offset: where the first order's trigger
 * ends), up to `to`. `words` are the sentence's word tokens, in order; `meeting`: the sentence asks
 * for a meeting (see `meetingVerbs`).
 */
export function chainedOrders(analysis: Analysis, words: readonly number[], from: number, to: number, meeting = false): Chained[] {
  const pack = packFor(analysis.lang)
  const data = ((analysis.courtesyLists ?? pack.courtesy) as {chains?: ChainData}).chains
  if (!data || !pack.baseVerbs) return []
  const prepared = preparedFor(data)
  const baseVerbs = pack.baseVerbs
  const {tokens, text} = analysis
  // Where a coordinator opens a place for an order: the index in `words` of the word after it.
  // `cut`: where the order before it ends (the coordinator or the comma).
  const openings: Array<{at: number; cut: number}> = []
  for (let w = 0; w < words.length; w++) {
    const token = tokens[words[w]]
    if (token.start < from) continue
    if (token.end > to || prepared.stops.has(token.fold)) break
    if (prepared.coordinators.has(token.fold)) openings.push({at: w + 1, cut: token.start})
    else if (w > 0 && tokens[words[w - 1]].start >= from) {
      const comma = commaBetween(analysis, words[w - 1], words[w])
      if (comma !== undefined) openings.push({at: w, cut: comma})
    }
  }
  // The word that would be the verb of each opening, when it may be one.
  const candidates: Array<{opening: number; cut: number; verb: number}> = []
  for (const {at: opening, cut} of openings) {
    let w = opening
    let head = false
    while (w < words.length && (prepared.heads.has(tokens[words[w]].fold) || prepared.pronouns.has(tokens[words[w]].fold))) {
      head = true
      w++
    }
    if (w >= words.length || tokens[words[w]].end > to) continue
    const verb = tokens[words[w]]
    if (prepared.needsHead && !head) continue
    if (prepared.notOrders.has(verb.fold) || prepared.notVerbs.has(verb.fold) || !/^\p{Ll}+$/u.test(verb.value)) continue
    if (meeting && prepared.meetingVerbs.has(verb.fold)) continue
    if (w > opening && prepared.sameBefore.has(tokens[words[w - 1]].fold)) continue
    if (w + 1 < words.length && prepared.sameAfter.has(tokens[words[w + 1]].fold)) continue
    candidates.push({opening, cut, verb: words[w]})
  }
  if (candidates.length === 0) return []
  // The pack is asked (English: compromise, slow to load) only about a word the lists do not know.
  const unknown = candidates.some(({verb}) => !prepared.verbs.has(tokens[verb].fold))
  const verbs = unknown ? baseVerbs(text.slice(from, to)) : undefined
  const found: Array<Chained & {cut: number}> = []
  for (const {opening, cut, verb: index} of candidates) {
    const verb = tokens[index]
    if (!prepared.verbs.has(verb.fold) && !verbs?.has(verb.start - from)) continue
    const start = tokens[words[opening]]?.start ?? verb.start
    if (found.length > 0 && found[found.length - 1].start === start) continue
    found.push({start, end: verb.end, cut})
  }
  // Each runs to the next one, or to the end.
  return found.map((item, index) => ({start: item.start, end: trimEnd(text, index + 1 < found.length ? found[index + 1].cut : to)}))
}

/** The offset of a comma between two consecutive word tokens, if there is one. */
function commaBetween(analysis: Analysis, before: number, after: number): number | undefined {
  for (let t = before + 1; t < after; t++) if (analysis.tokens[t].value === ',') return analysis.tokens[t].start
  return undefined
}

/** `end`, moved back over spaces, commas and coordinators' punctuation. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && /[\s,;.!?…]/u.test(text[end - 1])) end--
  return end
}
