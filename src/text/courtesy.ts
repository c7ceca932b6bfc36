import type {Lang} from '../types.js'
import type {Analysis, Sentence} from './analysis.js'
import {derivation, derive} from './derived.js'
import {packFor} from '../lang/packs.js'
import {perList} from '../rule.js'
import {escapeRegExp, foldWord} from './normalize.js'
import {compilePhrases, type Match, type PhraseMatcher} from './phrases.js'
import {draftFields, fieldAt} from './fields.js'
import {isUsed} from './prose.js'
import {chainedOrders, type Chained} from './chains.js'

/**
 * Courtesy, as the rules missing-thanks, ask-without-thanks and
 * multiple-asks read it: what the draft thanks the reader for, what it asks
 * of them, what it gives them, and what it says they already gave.
 *
 * Everything is data (`langs/<code>/courtesy.json`, phrase syntax of
 * `phrases.ts`); the code only holds what a list cannot say:
 *
 * - "Merci de + infinitive" is a polite order ("Merci de me rappeler"), not
 *   thanks; "Merci de votre aide", "Merci de m'avoir reçu" (past infinitive)
 *   and a few verbs of an ongoing state ("Merci de faire partie de…", "Merci
 *   de nous faire confiance") are thanks.
 * - Thanks for what the reader has not given yet ("merci d'avance", "thanks
 *   in advance", "I'd be grateful if you could") is *weak*, and so is a bare
 *   "Thanks," / "Merci !" as the sign-off: it names nothing, and after an ask
 *   it reads as thanks in advance.
 * - Imperatives ("Book a call", "Réservez un créneau") only count at the start
 *   of a clause, so "Shared your post" or "the booking" are not asks.
 * - Questions: a question to the reader is an ask (it asks for a reply);
 *   rhetorical openers ("Ever wondered why…?", "Et si…?") and phatic ones
 *   ("How are you?") are not asks, but rhetorical ones still compete for
 *   attention (see multiple-asks).
 *
 * The result is computed once per draft and kept on the analysis (`courtesy`).
 */

export interface Span {
  /** Offsets into `analysis.text`. */
  start: number
  end: number
  /** Index into `analysis.sentences` (for a sentence wrapped over several lines, its first line). */
  sentence: number
}

/**
 * A sentence of the body. The analysis finds sentences from punctuation and
 * layout together, so a hard-wrapped sentence ("Would it be worth a call to
 * see if\nit could work for you?") is already one.
 */
export interface Unit {
  start: number
  end: number
  /** First and last index into `analysis.sentences`. */
  head: number
  tail: number
  /** Its word token indices, in order. */
  words: number[]
  question: boolean
  /** Starts with a bullet or a number ("- ", "• ", "2. "): an item of a list. */
  listItem: boolean
}

export type GratitudeReason = 'thanks' | 'in-advance' | 'conditional' | 'sign-off'

export interface Gratitude extends Span {
  /** Weak: thanks in advance, conditional ("I'd be grateful if"), a bare sign-off. */
  strength: 'strong' | 'weak'
  reason: GratitudeReason
}

export type AskKind = 'polite-order' | 'request' | 'imperative' | 'booking' | 'question'

export interface Ask extends Span {
  kind: AskKind
  /** Index into `Courtesy.units`. */
  unit: number
  /** Where the ask starts (its first trigger words); `end` is the end of its sentence. */
  trigger: {start: number; end: number}
  /** Only a reply prompt ("Let me know", "Reply YES") or a booking link: it backs up an ask just before it. */
  follow: boolean
  /** Only what happens without a reply ("If I don't hear back", "Sans réponse de votre part"): it backs up the ask before or after it. */
  condition: boolean
  /** Only a wish or a proposal ("I'd love to chat", "Je vous propose un échange"): the question next to it is the same ask. */
  soft: boolean
  /** For a polite order ("Merci de me rappeler"): the same request as a question ("Pourriez-vous me rappeler ?"). */
  rewrite?: string
  /** Further orders of the same sentence ("…, de me confirmer la date et de me rappeler"): see chains.ts. */
  chained: Chained[]
  /** The sentence names a meeting or a time ("a call", "Tuesday", "un rendez-vous"): what is asked. */
  meeting: boolean
}

export interface Question extends Span {
  /** `ask`: a request to the reader; `rhetorical`: an opener that answers itself; `plain`: any other question. */
  kind: 'ask' | 'rhetorical' | 'plain'
  unit: number
}

export type OfferKind = 'resource' | 'introduction' | 'answer' | 'observation'
export interface Offer extends Span {
  kind: OfferKind
}

/** `encounter`: a meeting both sides had ("we met at the fair"), not something the reader gave on their own. */
export type GiftKind = 'time' | 'meeting' | 'encounter' | 'interview' | 'recommendation' | 'reply'
export interface Gift extends Span {
  kind: GiftKind
}

export interface Courtesy {
  gratitude: Gratitude[]
  /**
   * The draft thanks the reader: a closing "Thanks," and "thanks in advance" count; conditional
   * gratitude ("I'd be grateful if you could…") is the ask itself, said politely, and does not
   * (irony, "thanks to our API" and "merci de + infinitive" are not gratitude at all).
   */
  thanked: boolean
  /** One ask per unit (sentence), in order. */
  asks: Ask[]
  /** Every question of the body (after subject line and greeting), phatic ones and "Any questions?" left out. */
  questions: Question[]
  offers: Offer[]
  gifts: Gift[]
  /** The body's sentences, hard-wrapped lines joined. */
  units: Unit[]
  /** For each index into `analysis.sentences` from the body on, its index into `units`. */
  unitOf: Map<number, number>
}

interface CourtesyData {
  /** Chained orders (src/text/chains.ts); only the coordinators are read here. */
  chains?: {coordinators: string[]}
  gratitude: Record<'not' | 'weak' | 'conditional' | 'strong', string[]>
  signOffWords: string[]
  merciDe?: {skip: string[]; articles: string[]; thanksVerbs: string[]; endings: string[]; strictEndings: string[]; notInfinitives: string[]; clitics?: string[]}
  asks: Record<'not' | 'invitations' | 'requests' | 'wishes' | 'questionRequests' | 'followUps' | 'booking' | 'desires' | 'desireNot', string[]> & {conditions?: string[]}
  imperatives: {
    verbs: string[]
    followUps: string[]
    not: string[]
    leads: string[]
    commaLeads?: string[]
    conditionals: string[]
    vousEnding?: string
    /** Object pronouns joined to an imperative by a hyphen, whatever its person ("Présente-moi", "Envoyez-nous"). */
    pronounEndings?: string[]
  }
  bookingHosts: string[]
  questions: Record<'rhetorical' | 'phatic' | 'teasers' | 'readerWords' | 'meetingWords' | 'readerFields' | 'writerFields', string[]>
  offers: Record<'not' | OfferKind | 'findings' | 'forWriter' | 'people' | 'platforms', string[]>
  gifts: Record<GiftKind, string[]>
}

/** The language's courtesy lists (langs/<code>/courtesy.json). */
export const courtesyData = (lang: Lang): CourtesyData => packFor(lang).courtesy as CourtesyData

interface Tagged<K> {
  kind: K
  pattern: string
}

type AskTag = 'not' | 'invitation' | 'request' | 'wish' | 'desire' | 'questionRequest' | 'followUp' | 'condition' | 'booking' | 'imperative' | 'imperativeFollowUp'
type GiveTag = 'not' | OfferKind | 'findings' | `gift:${GiftKind}`
type QuestionTag = 'rhetorical' | 'phatic' | 'teaser'

interface Prepared {
  gratitude: PhraseMatcher<Tagged<'not' | 'weak' | 'conditional' | 'strong'>>
  /** Requests, wishes, reply prompts, booking phrases and imperatives: one pass. */
  asks: PhraseMatcher<Tagged<AskTag>>
  /** Offers and the reader's gifts: one pass. */
  gives: PhraseMatcher<Tagged<GiveTag>>
  /** Rhetorical, phatic and teaser questions: one pass. */
  questions: PhraseMatcher<Tagged<QuestionTag>>
  signOff: Set<string>
  leads: Set<string>
  /** Lead words that open a clause after a comma ("…, so tell me"): coordinators, not "now". */
  commaLeads: Set<string>
  conditionals: Set<string>
  notImperatives: Set<string>
  vousEnding?: string
  pronounEndings: string[]
  readerWords: Set<string>
  meetingWords: Set<string>
  readerFields: Set<string>
  writerFields: Set<string>
  merciDe?: {
    heads: Set<string>
    skip: Set<string>
    articles: Set<string>
    thanksVerbs: string[][]
    endings: string[]
    strictEndings: string[]
    notInfinitives: Set<string>
    clitics: Set<string>
  }
  /** An offer whose object is one of these is the writer's, not a gift ("our contract", "notre devis"). */
  forWriter: Set<string>
  /** Words naming a person: an introduction introduces one. */
  people: Set<string>
  /** Not detail after "your post": platforms and praise. */
  platforms: Set<string>
  /** Verbs after a wish that make it no ask ("I'd like to congratulate you"). */
  desireNot: Set<string>
  /** Words that join a second verb to a wish ("and", "et"): the chains' coordinators. */
  joiners: Set<string>
  hosts: RegExp | undefined
  /** Any of the hosts, anywhere: a cheap check before `hosts`. */
  anyHost: RegExp | undefined
}

/** Entries of several lists, tagged with their list; earlier lists win ties between matches of the same length. */
function tagged<K extends string>(groups: Array<[K, string[]]>): Array<Tagged<K>> {
  return groups.flatMap(([kind, patterns]) => patterns.map((pattern) => ({kind, pattern})))
}

/** Imperative verbs are matched as written ("Book", not "Booked a call last week"). */
function exact(pattern: string): string {
  return pattern
    .split(/\s+/)
    .map((word) => (word === '*' || word.includes("'") ? word : word.split('|').map((alt) => '=' + alt).join('|')))
    .join(' ')
}

const words = (list: readonly string[]) => new Set(list.flatMap((entry) => entry.split(/\s+/)).map(foldWord))

function prepare(data: CourtesyData, lang: Lang): Prepared {
  const g = data.gratitude
  const a = data.asks
  const i = data.imperatives
  const q = data.questions
  const m = data.merciDe
  return {
    gratitude: compilePhrases(tagged([['not', g.not], ['weak', g.weak], ['conditional', g.conditional], ['strong', g.strong]]), lang, (entry) => entry.pattern),
    // Passes over the draft are the cost: lists that never compete for the same words share one matcher.
    asks: compilePhrases(
      tagged<AskTag>([
        ['not', a.not],
        ['invitation', a.invitations],
        ['followUp', a.followUps],
        ['condition', a.conditions ?? []],
        ['booking', a.booking],
        ['request', a.requests],
        ['wish', a.wishes],
        ['desire', a.desires],
        ['questionRequest', a.questionRequests],
        ['imperativeFollowUp', i.followUps],
        ['imperative', i.verbs]
      ]),
      lang,
      (entry) => (entry.kind === 'imperative' || entry.kind === 'imperativeFollowUp' ? exact(entry.pattern) : entry.pattern)
    ),
    gives: compilePhrases(
      tagged<GiveTag>([
        ['not', data.offers.not],
        ['resource', data.offers.resource],
        ['introduction', data.offers.introduction],
        ['answer', data.offers.answer],
        ['observation', data.offers.observation],
        ['findings', data.offers.findings],
        ['gift:time', data.gifts.time],
        ['gift:meeting', data.gifts.meeting],
        ['gift:encounter', data.gifts.encounter],
        ['gift:interview', data.gifts.interview],
        ['gift:recommendation', data.gifts.recommendation],
        ['gift:reply', data.gifts.reply]
      ]),
      lang,
      (entry) => entry.pattern
    ),
    questions: compilePhrases(tagged<QuestionTag>([['phatic', q.phatic], ['rhetorical', q.rhetorical], ['teaser', q.teasers]]), lang, (entry) => entry.pattern),
    signOff: words(data.signOffWords),
    leads: new Set(i.leads.map(foldWord)),
    commaLeads: new Set((i.commaLeads ?? []).map(foldWord)),
    conditionals: new Set(i.conditionals.map(foldWord)),
    notImperatives: new Set(i.not.map(foldWord)),
    vousEnding: i.vousEnding,
    pronounEndings: (i.pronounEndings ?? []).map(foldWord),
    readerWords: new Set(q.readerWords.map(foldWord)),
    meetingWords: new Set(q.meetingWords.map(foldWord)),
    readerFields: new Set(q.readerFields.map(foldWord)),
    writerFields: new Set(q.writerFields.map(foldWord)),
    merciDe: m && {
      heads: new Set(['de', "d'"]),
      skip: new Set(m.skip.map(foldWord)),
      articles: new Set(m.articles.map(foldWord)),
      thanksVerbs: m.thanksVerbs.map((verb) => verb.split(/\s+/).map(foldWord)),
      endings: m.endings.map(foldWord),
      strictEndings: m.strictEndings.map(foldWord),
      notInfinitives: new Set(m.notInfinitives.map(foldWord)),
      clitics: new Set((m.clitics ?? []).map(foldWord))
    },
    forWriter: new Set(data.offers.forWriter.map((entry) => entry.split(' ').map(foldWord).join(' '))),
    people: new Set(data.offers.people.map(foldWord)),
    platforms: new Set(data.offers.platforms.map(foldWord)),
    desireNot: new Set(data.asks.desireNot.map(foldWord)),
    joiners: new Set((data.chains?.coordinators ?? []).map(foldWord)),
    ...(data.bookingHosts.length > 0 ? bookingPatterns(data.bookingHosts) : {hosts: undefined, anyHost: undefined})
  }
}

/**
 * A booking link (`calendly.com/sam`), and the hosts alone: most drafts have none, and the hosts
 * alone rule that out sooner. Hosts are literal strings joined by `|`, then one character class.
 */
export function bookingPatterns(hosts: readonly string[]): {hosts: RegExp; anyHost: RegExp} {
  const alternatives = hosts.map(escapeRegExp).join('|')
  return {
    hosts: new RegExp(`(?:https?://)?(?:www\\.)?(?:${alternatives})[^\\s)\\]>"'»]*`, 'giu'),
    anyHost: new RegExp(alternatives, 'iu')
  }
}

/** Prepared once per list object: the pack's lists, or a processor's configured copy (which goes with it). */
const preparedFor = perList(prepare)

/** The courtesy lists a draft is read with: its processor's, else its language pack's. */
export function listsOf(analysis: Analysis): CourtesyData {
  return (analysis.courtesyLists ?? packFor(analysis.lang).courtesy) as CourtesyData
}

/**
 * The draft's speech acts (gratitude, asks, questions, offers and the reader's gifts): one model
 * shared by every courtesy rule, computed on first use and kept on the draft's analysis.
 */
export function courtesy(analysis: Analysis): Courtesy {
  return derive(analysis, ACTS)
}

const ACTS = derivation('speech acts', (analysis) => compute(analysis))

/**
 * The ask a finding should point at: a firm request (not a reply prompt, not
 * a wish, not just a question to the reader) when there is one, else the first.
 */
export function mainAsk(asks: readonly Ask[]): Ask | undefined {
  return (
    asks.find((ask) => ask.kind !== 'question' && !ask.follow && !ask.soft) ??
    asks.find((ask) => !ask.follow && !ask.soft) ??
    asks.find((ask) => !ask.follow) ??
    asks[0]
  )
}

export const findGratitude = (analysis: Analysis): Gratitude[] => courtesy(analysis).gratitude
export const findAsks = (analysis: Analysis): Ask[] => courtesy(analysis).asks
export const findQuestions = (analysis: Analysis): Question[] => courtesy(analysis).questions
export const findOffers = (analysis: Analysis): Offer[] => courtesy(analysis).offers
export const findReaderGifts = (analysis: Analysis): Gift[] => courtesy(analysis).gifts

interface Trigger {
  start: number
  end: number
  kind: AskKind
  follow: boolean
  soft: boolean
  rewrite?: string
  condition?: boolean
}

const ASK_PRIORITY: Record<AskKind, number> = {'polite-order': 0, request: 1, imperative: 2, booking: 3, question: 4}

/** The body's sentences (the analysis already joins hard-wrapped lines): one unit each, in one pass. */
function findUnits(analysis: Analysis): {units: Unit[]; unitOf: Map<number, number>} {
  const {sentences, tokens} = analysis
  const units: Unit[] = []
  const unitOf = new Map<number, number>()
  const signature = signatureStart(analysis)
  for (let s = analysis.bodySentence; s < sentences.length; s++) {
    const sentence = sentences[s]
    // The signature's lines ("Suivez-nous sur LinkedIn !", "Book a demo: …") ask nothing of this reader; a P.S. does.
    if (s >= signature && !POSTSCRIPT.test(analysis.text.slice(sentence.start, sentence.start + 8))) continue
    const opening = tokens[sentence.first]
    const listItem = (opening.kind !== 'word' && /^[-•*–·▪◦→]$/u.test(opening.value)) || /^\d{1,2}[.)]?$/u.test(opening.value)
    units.push({start: sentence.start, end: sentence.end, head: s, tail: s, words: sentence.words, question: sentence.question, listItem})
    unitOf.set(s, units.length - 1)
  }
  return {units, unitOf}
}

const POSTSCRIPT = /^p\.?\s?(?:p\.?\s?)?s\b/iu

/**
 * Where the signature starts (a sentence index; `sentences.length` without one): after the sign-off
 * ("Cordialement,", "Best,") standing alone on its line and the name under it (a short line that
 * asks nothing). "Thanks! Could you send the deck?" has no signature.
 */
function signatureStart(analysis: Analysis): number {
  const {sentences, text} = analysis
  const closing = analysis.closingSentence
  if (closing + 2 >= sentences.length) return sentences.length
  const sign = sentences[closing]
  const name = sentences[closing + 1]
  const alone = (from: number, to: number) => !text.slice(from, to).includes('\n') && text.slice(from, to).trim() === ''
  const lineEnd = text.indexOf('\n', sign.end)
  if (lineEnd < 0 || !alone(sign.end, lineEnd)) return sentences.length
  if (name.words.length > 4 || name.question) return sentences.length
  return closing + 2
}

function compute(analysis: Analysis): Courtesy {
  const prepared = preparedFor(listsOf(analysis), analysis.lang)
  const {tokens} = analysis
  const body = analysis.bodySentence
  const {units, unitOf} = findUnits(analysis)
  const unitAt = (token: number) => unitOf.get(tokens[token].sentence)
  const triggers = new Map<number, Trigger[]>()
  const addTrigger = (unit: number | undefined, trigger: Trigger) => {
    if (unit === undefined) return // subject line or greeting
    // Words quoted from someone else ("Vous m'écriviez : « pouvez-vous m'envoyer le contrat ? »") ask nothing.
    if (!isUsed(analysis, trigger.start, Math.min(trigger.end, trigger.start + 1))) return
    let list = triggers.get(unit)
    if (!list) triggers.set(unit, (list = []))
    list.push(trigger)
  }

  // Gratitude, and the polite orders that look like it ("Merci de me rappeler").
  const gratitude: Gratitude[] = []
  for (const match of prepared.gratitude.find(analysis)) {
    const kind = match.entry.kind
    if (kind === 'not' || !isUsed(analysis, match.start, match.end)) continue
    // "Chez Merci, les plaids partent vite": a shop's name ("Encore Merci", "Many Thanks" still thank).
    const named = nameBefore(tokens, match.first)
    if (named !== undefined && !prepared.signOff.has(tokens[named].fold)) continue
    const s = tokens[match.first].sentence
    const order = prepared.merciDe ? merciDe(analysis, prepared, match) : undefined
    if (order) {
      addTrigger(unitAt(match.first), {start: match.start, end: order.end, kind: 'polite-order', follow: false, soft: false, rewrite: order.rewrite})
      if (kind === 'strong') continue // "Merci de me rappeler": an order, not thanks.
    }
    // "I'd appreciate a reply": a request.
    if (kind === 'conditional') addTrigger(unitAt(match.first), {start: match.start, end: match.end, kind: 'request', follow: false, soft: false})
    if (kind === 'strong') {
      const bare = isBareSignOff(analysis, prepared, match, s)
      gratitude.push({start: match.start, end: match.end, sentence: s, strength: bare ? 'weak' : 'strong', reason: bare ? 'sign-off' : 'thanks'})
    } else {
      gratitude.push({start: match.start, end: match.end, sentence: s, strength: 'weak', reason: kind === 'weak' ? 'in-advance' : 'conditional'})
    }
  }

  // Offers and the reader's gifts, first: "See attached" gives, it does not ask.
  const offers: Offer[] = []
  const gifts: Gift[] = []
  const blocked: Array<[number, number]> = []
  for (const match of prepared.gives.find(analysis)) {
    const kind = match.entry.kind
    if (!isUsed(analysis, match.start, match.end)) continue
    const s = tokens[match.first].sentence
    if (kind === 'not') {
      blocked.push([match.start, match.end])
    } else if (kind.startsWith('gift:')) {
      gifts.push({start: match.start, end: match.end, sentence: s, kind: kind.slice(5) as GiftKind})
    } else {
      const unit = unitAt(match.first)
      const words = unit === undefined ? analysis.sentences[s].words : units[unit].words
      if (kind === 'observation') {
        // "Your point about onboarding reps in their first two weeks…": specific only with some detail
        // after it; "your post on LinkedIn and loved it!" has none (platforms and praise are not detail).
        let detail = 0
        for (const w of words) if (w > match.last && !prepared.platforms.has(tokens[w].fold)) detail++
        if (detail < 4) continue
      }
      // "I have attached our contract", "Voici notre devis": the writer's papers are not for the reader.
      // "Notre catalogue complet est en pièce jointe", "Our price list is attached": the subject, before.
      if (kind === 'resource' && (objectIs(tokens, words, match.last, prepared.forWriter) || subjectIs(tokens, words, match.first, prepared.forWriter))) continue
      // "Introduce you to our platform", "je vous présente notre offre": a person is introduced, not a product.
      if (kind === 'introduction' && !introducesPerson(tokens, words, match.last, prepared.people)) continue
      // "I noticed three quick wins on your pricing page": observations announced as such.
      offers.push({start: match.start, end: match.end, sentence: s, kind: kind === 'findings' ? 'observation' : (kind as OfferKind)})
    }
  }
  // "Free trial", "démo gratuite": an offer word inside a span that is not an offer.
  if (blocked.length > 0 && offers.length > 0) {
    const spans = [...blocked].sort((x, y) => x[0] - y[0])
    let b = 0
    let reach = -1
    const kept = offers.filter((offer) => {
      while (b < spans.length && spans[b][0] <= offer.start) reach = Math.max(reach, spans[b++][1])
      return !(offer.start < reach)
    })
    offers.length = 0
    for (const offer of kept) offers.push(offer)
  }
  const isBlocked = (offset: number) => blocked.some(([from, to]) => offset >= from && offset < to)

  // Requests, wishes, reply prompts and booking phrases anywhere in the body; imperatives at the start of a clause.
  const starts = clauseStarts(analysis, prepared, units)
  const invited = new Set<number>()
  const imperatives: Array<Match<Tagged<AskTag>>> = []
  for (const match of prepared.asks.find(analysis, body)) {
    const kind = match.entry.kind
    if (kind === 'imperative' || kind === 'imperativeFollowUp') {
      imperatives.push(match) // once every "not" span is known
      continue
    }
    // A booking placeholder ("[Calendly link]") still stands for an ask.
    if (kind !== 'booking' && !isUsed(analysis, match.start, match.end)) continue
    // "the team at Kindly, the HR platform": a capitalised word after another word is a name.
    if (nameBefore(tokens, match.first) !== undefined) continue
    const unit = unitAt(match.first)
    // "N'hésitez pas à me dire si jeudi vous convient", "Don't hesitate to reach out if you'd like a demo":
    // an invitation that names a meeting or a time asks for one (softly); "if you have questions" does not.
    if (kind === 'invitation' && unit !== undefined && namesMeeting(analysis, prepared, units[unit], match.last)) {
      addTrigger(unit, {start: match.start, end: match.end, kind: 'request', follow: false, soft: true})
      continue
    }
    if (kind === 'not' || kind === 'invitation') {
      blocked.push([match.start, match.end])
      if (kind === 'invitation' && unit !== undefined) invited.add(unit)
      continue
    }
    if (kind === 'questionRequest' && !(unit !== undefined && units[unit].question)) continue
    // An indirect ask: the writer wants something that involves the reader ("I'd love 30 minutes on
    // your calendar", "J'aimerais vous montrer…"), not a courtesy ("I'd like to congratulate you").
    if (kind === 'desire' && (unit === undefined || !wantsFromReader(analysis, prepared, units[unit], match.last))) continue
    addTrigger(unit, {
      start: match.start,
      end: match.end,
      kind: kind === 'booking' ? 'booking' : 'request',
      follow: kind === 'followUp' || kind === 'condition' || kind === 'booking',
      condition: kind === 'condition',
      soft: kind === 'wish' || kind === 'desire'
    })
  }
  for (const match of imperatives) {
    if (!starts.has(match.first) || isBlocked(match.start) || !isUsed(analysis, match.start, match.end)) continue
    addTrigger(unitAt(match.first), {start: match.start, end: match.end, kind: 'imperative', follow: match.entry.kind === 'imperativeFollowUp', soft: false})
  }
  if (prepared.vousEnding || prepared.pronounEndings.length > 0) {
    // French "vous" imperatives: "Réservez", "Découvrez", "Contactez-nous" (not "Avez-vous… ?", "Chez…");
    // any imperative with its object pronoun: "Présente-moi ton DAF", "Envoie-nous le fichier".
    for (const index of starts) {
      const token = tokens[index]
      const hyphen = token.fold.indexOf('-')
      const head = hyphen === -1 ? token.fold : token.fold.slice(0, hyphen)
      const unit = unitAt(index)
      if (unit === undefined) continue
      const vous = prepared.vousEnding !== undefined && head.length >= 5 && head.endsWith(prepared.vousEnding)
      if (!vous && !(hyphen >= 2 && prepared.pronounEndings.some((ending) => token.fold.endsWith(ending)))) continue
      if (prepared.notImperatives.has(token.fold) || prepared.notImperatives.has(head)) continue
      if (token.fold.includes('-') && units[unit].question) continue // inversion: a question
      if (isBlocked(token.start) || !isUsed(analysis, token.start, token.end)) continue
      if (triggers.get(unit)?.some((trigger) => trigger.start === token.start)) continue
      addTrigger(unit, {start: token.start, end: token.end, kind: 'imperative', follow: false, soft: false})
    }
  }

  // Calendar and booking links.
  if (prepared.hosts && prepared.anyHost!.test(analysis.text)) {
    for (const found of analysis.text.matchAll(prepared.hosts)) {
      const s = sentenceAt(analysis, found.index)
      if (s === undefined) continue
      addTrigger(unitOf.get(s), {start: found.index, end: found.index + found[0].length, kind: 'booking', follow: true, soft: false})
    }
  }

  // Questions.
  const questions: Question[] = []
  const rhetorical = new Set<number>()
  const phatic = new Set<number>()
  const teasers: Array<Match<Tagged<QuestionTag>>> = []
  for (const unit of units) {
    if (!unit.question) continue // only questions are read for openers
    for (const match of prepared.questions.find(analysis, unit.head, unit.tail + 1)) {
      if (match.entry.kind === 'teaser') teasers.push(match)
      else (match.entry.kind === 'phatic' ? phatic : rhetorical).add(match.first)
    }
  }
  units.forEach((unit, u) => {
    if (!unit.question) return
    const mark = lastQuestionMark(analysis, analysis.sentences[unit.tail])
    if (mark && !isUsed(analysis, mark.start, mark.end)) return // a question inside quotes or a merge field
    const first = firstWord(prepared, tokens, unit.words)
    if (first === undefined) return
    // An opener may begin with a lead word itself ("Et si… ?", "And how are you?").
    const opens = (set: Set<number>) => set.has(first) || set.has(unit.words[0])
    if (opens(phatic) || (invited.has(u) && !triggers.has(u))) return // "How are you?", "Any questions?"
    const lastWord = unit.words[unit.words.length - 1]
    // "The result? 34% less churn.", "Agents vs chatbots: what's the difference?"
    if (teasers.some((match) => match.last === lastWord && (match.first === first || starts.has(match.first)))) return
    const span = {start: tokens[unit.words[0]].start, end: unit.end, sentence: unit.head, unit: u}
    if (triggers.has(u)) questions.push({...span, kind: 'ask'})
    else if (opens(rhetorical) || isHook(analysis, prepared, units, u)) questions.push({...span, kind: 'rhetorical'})
    else if (addressesReader(analysis, prepared, unit)) {
      questions.push({...span, kind: 'ask'})
      addTrigger(u, {start: span.start, end: span.end, kind: 'question', follow: false, soft: false})
    } else questions.push({...span, kind: 'plain'})
  })

  // One ask per unit: from its first trigger to the end of the sentence.
  const asks: Ask[] = []
  for (const u of [...triggers.keys()].sort((x, y) => x - y)) {
    const list = triggers.get(u)!
    const unit = units[u]
    const main = list.reduce((best, trigger) => (ASK_PRIORITY[trigger.kind] < ASK_PRIORITY[best.kind] ? trigger : best))
    const first = list.reduce((best, trigger) => (trigger.start < best.start ? trigger : best))
    // A question is asked as a whole: "How much time do you spend after demos?" starts at "How".
    asks.push({
      start: unit.question ? Math.min(first.start, tokens[unit.words[0]].start) : first.start,
      end: list.reduce((end, trigger) => Math.max(end, trigger.end), unit.end),
      sentence: unit.head,
      unit: u,
      kind: main.kind,
      trigger: {start: first.start, end: first.end},
      // "Let me know." / "Book here: calendly.com/…" back up the ask before them; "Share this" does not.
      follow: list.some((trigger) => trigger.follow) && list.every((trigger) => trigger.follow || trigger.kind === 'imperative'),
      soft: list.every((trigger) => trigger.soft),
      condition: list.every((trigger) => trigger.condition === true),
      rewrite: list.find((trigger) => trigger.rewrite)?.rewrite,
      chained: [],
      meeting: namesMeeting(analysis, prepared, unit, -1)
    })
  }
  for (const ask of asks) {
    // An order, a request or a question to the reader may chain further orders; a wish or a reply prompt does not.
    if (ask.soft || ask.follow || ask.kind === 'booking') continue
    ask.chained = chainedOrders(analysis, units[ask.unit].words, ask.trigger.end, units[ask.unit].end, ask.meeting)
  }

  // "I would value your feedback", "Looking forward to your reply", "Could you spare some of your
  // time?": a reply or time named after an ask, in its sentence, is what it asks for, not something
  // the reader gave. (A meeting there was had: "Shall we pick up our conversation from Tuesday?")
  const asked = (gift: Gift) =>
    (gift.kind === 'reply' || gift.kind === 'time') &&
    asks.some((ask) => ask.trigger.start <= gift.start && gift.start < units[ask.unit].end && units[ask.unit].start <= gift.start)
  const given = gifts.some(asked) ? gifts.filter((gift) => !asked(gift)) : gifts

  // "Auriez-vous quinze minutes pour que je vous présente Payloop ?", "Would love a quick call so I can
  // share what my team is building": what the writer offers after an ask for a meeting, in its sentence,
  // is what the meeting is for, not a gift.
  const forMeeting = (offer: Offer) => asks.some((ask) => ask.meeting && ask.unit === unitOf.get(offer.sentence) && ask.trigger.start <= offer.start)
  const offered = offers.some(forMeeting) ? offers.filter((offer) => !forMeeting(offer)) : offers

  return {gratitude, thanked: gratitude.some((item) => item.reason !== 'conditional'), asks, questions, offers: offered, gifts: given, units, unitOf}
}

/**
 * "Merci de + infinitive" is an order: returns where it ends and, for a plain
 * "Merci de …", the same request as a question. Undefined when the words
 * after "merci" are thanks ("Merci de votre aide", "Merci de m'avoir reçu").
 */
function merciDe(analysis: Analysis, prepared: Prepared, match: Match<unknown>): {end: number; rewrite?: string} | undefined {
  const rules = prepared.merciDe!
  const {tokens} = analysis
  const sentence = analysis.sentences[tokens[match.last].sentence]
  const words = sentence.words
  const at = words.indexOf(match.last)
  // "Merci aussi de…", "Merci également de…": an adverb may come before "de".
  let head = at + 1
  while (head < words.length && !rules.heads.has(tokens[words[head]].fold) && rules.skip.has(tokens[words[head]].fold)) head++
  const de = words[head]
  if (de === undefined || !rules.heads.has(tokens[de].fold)) return undefined
  let index = head + 1
  let article = false
  let clitic = false
  while (index < words.length && (rules.skip.has(tokens[words[index]].fold) || rules.articles.has(tokens[words[index]].fold))) {
    if (rules.articles.has(tokens[words[index]].fold)) article = true
    if (rules.clitics.has(tokens[words[index]].fold)) clitic = true
    index++
  }
  if (index >= words.length) return undefined
  const verb = tokens[words[index]].fold
  for (const phrase of rules.thanksVerbs) {
    if (phrase.every((word, offset) => tokens[words[index + offset]]?.fold === word)) return undefined
  }
  // After an object pronoun the word is a verb ("Merci de me dire si…"), though it may be a noun elsewhere ("le dire").
  if ((rules.notInfinitives.has(verb) && !clitic) || verb.length < 4) return undefined
  const endings = article ? rules.strictEndings : rules.endings
  if (!endings.some((ending) => verb.endsWith(ending))) return undefined
  let rewrite: string | undefined
  if (match.first === match.last && tokens[match.first].fold === 'merci') {
    const rest = analysis.text
      .slice(tokens[words[head + 1]].start, sentence.end)
      .replace(/^bien vouloir\s+/i, '')
      // `(?<!…)`: a trailing run is tried from its first character only (linear on 10,000 marks, test/robustness).
      .replace(/(?<![\s.!…,;])[\s.!…,;]+$/u, '')
    const shouted = rest === rest.toUpperCase() // "MERCI DE ME RAPPELER"
    if (rest && !rest.includes('\n')) rewrite = `Pourriez-vous ${shouted ? rest.toLowerCase() : rest} ?`
  }
  return {end: tokens[words[index]].end, rewrite}
}

/**
 * A bare "Thanks," / "Merci !" closing the draft: the sentence holds nothing
 * but the thanks (and "again", "beaucoup", a name), and only the signature
 * follows it.
 */
function isBareSignOff(analysis: Analysis, prepared: Prepared, match: Match<unknown>, s: number): boolean {
  const {tokens, sentences} = analysis
  const sentence = sentences[s]
  for (const index of sentence.words) {
    if (index >= match.first && index <= match.last) continue
    const token = tokens[index]
    if (prepared.signOff.has(token.fold)) continue
    if (index > match.last && /^\p{Lu}\p{Ll}*$/u.test(token.value)) continue // "Thanks, Alex" (not "THANKS FOR THE INTRO")
    return false
  }
  if (s >= analysis.closingSentence) return true
  for (let t = s + 1; t < sentences.length; t++) {
    if (sentences[t].words.length > 4 || sentences[t].question) return false
  }
  return true
}

/** How far after an offer's words its object is looked for ("here is the two-page guide…"). */
const OBJECT_WINDOW = 5

/** Is one of the next few words of the sentence (the offer's object) in `nouns`? */
function objectIs(tokens: Analysis['tokens'], words: number[], after: number, nouns: Set<string>): boolean {
  let seen = 0
  for (let n = 0; n < words.length; n++) {
    const w = words[n]
    if (w <= after) continue
    const fold = tokens[w].fold
    // An entry of two words ("cover letter", "mon agenda") is the word and the next.
    if (nouns.has(fold) || (n + 1 < words.length && nouns.has(fold + ' ' + tokens[words[n + 1]].fold))) return true
    if (++seen >= OBJECT_WINDOW) break
  }
  return false
}

/** Is one of the few words before `before`, in the same clause (no punctuation between), in `nouns`? */
function subjectIs(tokens: Analysis['tokens'], words: number[], before: number, nouns: Set<string>): boolean {
  let at = words.indexOf(before)
  for (let seen = 0; at > 0 && seen < OBJECT_WINDOW; seen++) {
    const previous = words[at - 1]
    for (let t = previous + 1; t < words[at]; t++) if (tokens[t].kind === 'punctuation') return false
    const fold = tokens[previous].fold
    // An entry of two words ("pitch deck", "notre deck") ends on the word before.
    if (nouns.has(fold) || (at > 1 && nouns.has(tokens[words[at - 2]].fold + ' ' + fold))) return true
    at--
  }
  return false
}

/** "Introduce you to Maya", "to our head of sales", "à mon associé": a name or a person word follows. */
function introducesPerson(tokens: Analysis['tokens'], words: number[], after: number, people: Set<string>): boolean {
  let seen = 0
  for (const w of words) {
    if (w <= after) continue
    const token = tokens[w]
    if (people.has(token.fold) || /^\p{Lu}\p{Ll}/u.test(token.value)) return true
    if (++seen >= 3) break
  }
  return false
}

/**
 * Token indices of the words that open a clause: the sentence start, after ":", ";" or a dash, after
 * the comma closing "If …,", and after a comma and a lead word ("…, so just tell me what you think").
 */
function clauseStarts(analysis: Analysis, prepared: Prepared, units: Unit[]): Set<number> {
  const {tokens, sentences} = analysis
  const starts = new Set<number>()
  for (const unit of units) {
    const first = firstWord(prepared, tokens, unit.words)
    if (first === undefined) continue
    starts.add(first)
    const conditional = prepared.conditionals.has(tokens[first].fold)
    let open = false
    /** After a comma: a lead word there opens a clause ("…, so tell me"). */
    let comma = false
    for (let t = first + 1; t < sentences[unit.tail].last; t++) {
      const token = tokens[t]
      if (token.kind === 'punctuation' || token.kind === 'symbol') {
        if (/[:;—–→]/.test(token.value) || token.value === '-' || (conditional && token.value === ',')) open = true
        comma = token.value === ','
      } else if (token.kind === 'word') {
        if (comma && prepared.commaLeads.has(token.fold)) open = true
        comma = false
        if (open && !prepared.leads.has(token.fold)) {
          starts.add(t)
          open = false
        }
      }
    }
  }
  return starts
}

/** The first word after lead words ("So", "P.S.", "Alors"). */
function firstWord(prepared: Prepared, tokens: Analysis['tokens'], words: number[]): number | undefined {
  for (const index of words) {
    if (!prepared.leads.has(tokens[index].fold)) return index
  }
  return undefined
}

function lastQuestionMark(analysis: Analysis, sentence: Sentence) {
  for (let t = sentence.last - 1; t >= sentence.first; t--) {
    const token = analysis.tokens[t]
    if (token.kind !== 'whitespace' && token.value.includes('?')) return token
  }
  return undefined
}

/**
 * A hook: the body opens on a question that the next sentence answers or moves on from ("Losing
 * trial users on day two? Plenty of product teams are.", "Vous passez vos dimanches sur les
 * plannings ? C'est le cas de…"). It asks nothing of the reader: it is not an ask, and it does not
 * compete with the real one. A question naming a meeting ("a call Tuesday?") is never a hook.
 */
function isHook(analysis: Analysis, prepared: Prepared, units: Unit[], u: number): boolean {
  if (u !== 0) return false
  const next = units[1]
  if (next === undefined || next.question || next.listItem || next.head >= analysis.closingSentence) return false
  for (const index of units[0].words) {
    if (isMeetingWord(prepared, analysis.tokens[index].fold)) return false
  }
  return true
}

/**
 * After a wish ("I'd love", "j'aimerais"), does the rest of the sentence ask something of the reader:
 * it names them or a meeting ("30 minutes on your calendar", "vous présenter", "a call"), and its
 * verb is not a courtesy or a gift ("to congratulate you", "to share our guide with you")?
 */
function wantsFromReader(analysis: Analysis, prepared: Prepared, unit: Unit, after: number): boolean {
  const {tokens} = analysis
  let first = true
  let reader = false
  let courteous = false
  for (const w of unit.words) {
    if (w <= after) continue
    const token = tokens[w]
    const parts = token.fold.split('-')
    // "Je serais ravi de vous ajouter à mon réseau et d'échanger par téléphone": the wish goes on to a second verb.
    if (courteous && prepared.joiners.has(token.fold)) {
      first = true
      courteous = false
      continue
    }
    // The first word after the wish: "to", "de" and object pronouns are skipped to reach the verb.
    if (first && !/^(?:to|de|d'|vous|te|t'|en|y)$/.test(token.fold)) {
      first = false
      if (parts.some((part) => prepared.desireNot.has(part))) courteous = true
    }
    if (!courteous && (isMeetingWord(prepared, token.fold) || parts.some((part) => prepared.readerWords.has(part)))) reader = true
  }
  return reader
}

/** A meeting word, whole: "rendez-vous", "catch-up" (not the "time" of "time-consuming" or "real-time"). */
function isMeetingWord(prepared: Prepared, fold: string): boolean {
  return prepared.meetingWords.has(fold)
}

/** Does the rest of the unit after `after` name a meeting or a time ("a call", "jeudi", "un rendez-vous")? */
function namesMeeting(analysis: Analysis, prepared: Prepared, unit: Unit, after: number): boolean {
  for (const w of unit.words) {
    if (w <= after) continue
    if (isMeetingWord(prepared, analysis.tokens[w].fold)) return true
  }
  return false
}

/**
 * Does the question speak to the reader ("you", "-vous"), about a meeting
 * ("a call Tuesday?"), or about a merge field standing for the reader
 * ("How is [Company] handling onboarding?", not "[Your Name]")?
 */
function addressesReader(analysis: Analysis, prepared: Prepared, unit: Unit): boolean {
  const fields = draftFields(analysis)
  for (const index of unit.words) {
    const token = analysis.tokens[index]
    const field = fieldAt(fields, token.start)
    if (field) {
      const keys = field.key.split(' ')
      if (keys.some((key) => prepared.readerFields.has(key)) && !keys.some((key) => prepared.writerFields.has(key))) return true
      continue
    }
    if (isMeetingWord(prepared, token.fold)) return true
    for (const part of token.fold.split('-')) {
      if (prepared.readerWords.has(part)) return true
    }
  }
  return false
}

/**
 * A capitalised word ("Kindly", "Merci"; not "KINDLY") right after a word of its line and sentence is
 * a name, not the word it spells: the index of that word before it, else undefined.
 */
function nameBefore(tokens: Analysis['tokens'], index: number): number | undefined {
  const token = tokens[index]
  if (!/^\p{Lu}\p{Ll}/u.test(token.value)) return undefined
  let before = index - 1
  while (before >= 0 && tokens[before].kind === 'whitespace' && !tokens[before].value.includes('\n')) before--
  return before >= 0 && tokens[before].kind === 'word' && tokens[before].sentence === token.sentence ? before : undefined
}

function sentenceAt(analysis: Analysis, offset: number): number | undefined {
  const {sentences} = analysis
  let low = 0
  let high = sentences.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (offset < sentences[middle].start) high = middle - 1
    else if (offset >= sentences[middle].end) low = middle + 1
    else return middle
  }
  return undefined
}

/** Short quote of a span for messages: at most `max` characters, on one line. */
export function quote(analysis: Analysis, span: {start: number; end: number}, max = 60): string {
  const text = analysis.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim()
  return text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text
}
