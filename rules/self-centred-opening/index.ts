import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import {isQuoted, type Analysis, type Sentence} from '../../src/text/analysis.js'
import {draftFields, fieldAt, fieldKey, type Field} from '../../src/text/fields.js'
import {inclusiveSentences, isPlural} from '../../src/text/inclusive.js'
import {isUsed} from '../../src/text/prose.js'
import {foldWord} from '../../src/text/normalize.js'
import {compilePhrases, type Match, type PhraseMatcher} from '../../src/text/phrases.js'
import {TakenSpans} from '../../src/text/spans.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Tic {
  pattern: string
  /** What to write instead ("je"). */
  fix: string
  /** Only at the start of a sentence: "Me, I think" is the tic, "email me, I reply" is not. */
  sentenceStart?: boolean
}

interface Data {
  /** How a first sentence opens on the writer ("je suis", "our *", "at * we"). */
  openers: string[]
  /** Starts that are not about the writer: shared ("we met", "notre échange") or courtesy ("I hope", "je vous remercie"). */
  notWriter: string[]
  /** Merge fields standing for the writer ("[Your Company]", "[Votre entreprise]"). */
  writerFields: string[]
  /** The "moi je" tic, anywhere. */
  tic: Tic[]
  /** A sentence whose first word is one of these opens on the writer. */
  starters: string[]
  /** One of these may come before the opener or starter ("And we…", "Alors je…"). */
  skipFirst: string[]
  /** An opener starting with one of these ("at", "chez") needs a name or a merge field after it. */
  placeWords: string[]
  /** Pleasantries and stock lines a draft opens on ("I hope this email finds you well", "Je me permets de vous contacter"). */
  stock: string[]
  /** The first sentence after stock lines opening on one of these presents the writer ("I am the founder…", "Nous sommes…"). */
  presenting: string[]
  /** A body sentence opening on one of these defines the writer ("I am the CEO of…", "Je suis responsable commercial"). */
  identity: string[]
  /** A body sentence opening on one of these then a name (capitalised, or a merge field) introduces the writer by name ("We are Leadspark, …", "Je suis Margaux, …"). */
  naming?: string[]
  /** Openings whose subject, left out, is the writer ("Just checking in on my email", "Petite relance"): they count as opening on the writer. */
  implicitWriter: string[]
  /** The reader's pronoun, as the message names it. */
  readerPronoun: string
}

interface Options extends Record<string, unknown> {
  /** The share rule needs at least this many body sentences (greeting and sign-off excluded). */
  minSentences: number
  /** Reported when more than this share of the body's sentences open on the writer ("most": 0.5). */
  share: number
}

interface Prepared {
  openers: PhraseMatcher<string>
  presenting: PhraseMatcher<string>
  stock: PhraseMatcher<string>
  identity: PhraseMatcher<string>
  naming: PhraseMatcher<string>
  implicitWriter: PhraseMatcher<string>
  notWriter: PhraseMatcher<string>
  writerFields: Set<string>
  tic: PhraseMatcher<Tic>
  starters: Set<string>
  skip: Set<string>
  place: Set<string>
}

const prepare = perList(
  (data: Data, lang: Lang): Prepared => ({
    openers: compilePhrases(data.openers, lang),
    presenting: compilePhrases(data.presenting, lang),
    stock: compilePhrases(data.stock, lang),
    identity: compilePhrases(data.identity, lang),
    naming: compilePhrases(data.naming ?? [], lang),
    implicitWriter: compilePhrases(data.implicitWriter, lang),
    notWriter: compilePhrases(data.notWriter, lang),
    writerFields: new Set(data.writerFields.map((field) => fieldKey(`[${field}]`))),
    tic: compilePhrases(data.tic, lang, (tic) => tic.pattern),
    starters: new Set(data.starters.map(foldWord)),
    skip: new Set(data.skipFirst.map(foldWord)),
    place: new Set(data.placeWords.map(foldWord))
  })
)

/** Where a sentence really starts: its first word, or the second after "and", "alors"... */
function leadWord(analysis: Analysis, sentence: Sentence, skip: Set<string>): number {
  const {words} = sentence
  return words.length > 1 && skip.has(analysis.tokens[words[0]].fold) ? 1 : 0
}

/** "At Acme, we": the word after "at" / "chez" must be a name (capitalised) or a merge field. */
function placeOk(analysis: Analysis, match: Match<unknown>, place: Set<string>, fields: Field[]): boolean {
  return !place.has(analysis.tokens[match.first].fold) || nameAfter(analysis, match.first, fields)
}

/** "We are Leadspark", "At Acme": the word after `word`, in its sentence, is a name (capitalised, not "I") or a merge field. */
function nameAfter(analysis: Analysis, word: number, fields: Field[]): boolean {
  const {tokens} = analysis
  const next = analysis.sentences[tokens[word].sentence].words.find((w) => w > word)
  if (next === undefined) return false
  const {value, start} = tokens[next]
  return fieldAt(fields, start) !== undefined || (/^\p{Lu}/u.test(value) && value !== 'I')
}

/** Keeps an elided "J'" with its word, so the excerpt reads "J'ai". */
function openingSpan(analysis: Analysis, sentence: Sentence, index: number): [number, number] {
  const token = analysis.tokens[sentence.words[index]]
  const next = sentence.words[index + 1]
  if (token.norm.endsWith("'") && next !== undefined) return [token.start, analysis.tokens[next].end]
  return [token.start, token.end]
}

/** After word `last`, in its sentence: a name (a capitalised word, not "I", "I'm") or a figure, written by the writer. */
function hasDetailAfter(analysis: Analysis, last: number, starters: Set<string>): boolean {
  const {tokens} = analysis
  for (const index of analysis.sentences[tokens[last].sentence].words) {
    if (index <= last) continue
    const value = tokens[index].value
    if (!isUsed(analysis, tokens[index].start, tokens[index].end)) continue // quoted, or a merge field
    if (/^\p{N}/u.test(value) || (/^\p{Lu}/u.test(value) && !starters.has(tokens[index].fold))) return true
  }
  return false
}

function sameCase(fix: string, written: string): string {
  return /^\p{Lu}/u.test(written) ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix
}

export default defineRule({
  id: 'self-centred-opening',
  summary: 'The draft or most of its sentences open on the writer: "Moi je", "Je suis", "Nous sommes", "I am", "We are", "Our company"',
  rationale:
    'The first words after the greeting are the only ones a busy reader is sure to see, and in the preview they decide whether the rest gets read. ' +
    'Spend them on the writer ("I am…", "Notre société…", "Chez X, nous…") and the reader learns only that this is a pitch. ' +
    'Open on them instead: something you noticed about their work, why you write to them now; who you are fits in one line after that. ' +
    'The same holds for the whole draft: when most sentences start with I, we or our, the message is about the sender. ' +
    'And "moi je" says "me" twice before saying anything: before being empathetic, be courteous. ' +
    'The rule reports the opening words of the first sentence when they are about the writer, every "moi je" / "Me, I", and, once, ' +
    'a draft where more than half the body sentences (at least 3; greeting and sign-off left out) open on the writer.',
  category: 'focus',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 12,
  messages,
  options: {minSentences: 3, share: 0.5} as Options,
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  // Config `words` edits the openers: `add` patterns ("je représente"), `remove` listed ones ("we *").
  extend(data, add, remove) {
    const removed = new Set(remove.map(foldWord))
    const openers = data.openers.filter((pattern) => !removed.has(foldWord(pattern)))
    for (const pattern of add) if (!removed.has(foldWord(pattern)) && !openers.some((item) => foldWord(item) === foldWord(pattern))) openers.push(pattern)
    return {...data, openers}
  },
  check({analysis, data, lang, options, report}) {
    const {sentences, tokens, text} = analysis
    const body = analysis.bodySentence
    const end = analysis.closingSentence
    if (body >= end) return
    const prepared = prepare(data, lang)
    const fields = draftFields(analysis)
    const reported = new TakenSpans(text.length)
    const overlaps = (start: number, stop: number) => reported.overlaps(start, stop)
    const notWriter = new Set(prepared.notWriter.find(analysis, body, end).map((match) => match.first))
    // "We sat next to each other", "nous avons déjeuné ensemble": we/nous means the writer and the reader.
    const inclusive = inclusiveSentences(analysis)
    const shared = (s: number, lead: number) => inclusive.has(s) && isPlural(lang, tokens[lead].fold)
    const implicit = new Map(prepared.implicitWriter.find(analysis, body, end).map((match) => [match.first, match] as const))

    /** The opening words of sentence `s` when it opens on the writer: a starter word or a writer merge field. */
    const writerStart = (s: number): [number, number] | undefined => {
      const sentence = sentences[s]
      const index = leadWord(analysis, sentence, prepared.skip)
      const lead = sentence.words[index]
      if (notWriter.has(lead) || shared(s, lead)) return undefined
      // "Just checking in on my last email": the writer, unsaid. (A match may start on a skipped first word.)
      const unsaid = implicit.get(lead) ?? implicit.get(sentence.words[0])
      if (unsaid) return [unsaid.start, unsaid.end]
      const field = fieldAt(fields, tokens[lead].start)
      if (field) return prepared.writerFields.has(field.key) ? [field.start, field.end] : undefined
      return prepared.starters.has(tokens[lead].fold) ? openingSpan(analysis, sentence, index) : undefined
    }

    const tics = prepared.tic.find(analysis, body, end).filter((match) => {
      if (isQuoted(analysis, match.start, match.end)) return false
      if (!match.entry.sentenceStart) return true
      const sentence = sentences[tokens[match.first].sentence]
      return sentence.words[leadWord(analysis, sentence, prepared.skip)] === match.first
    })

    // 1. The first sentence of the body opens on the writer.
    const first = sentences[body]
    const lead = first.words[leadWord(analysis, first, prepared.skip)]
    let opener: {start: number; end: number} | undefined
    if (!notWriter.has(lead) && !shared(body, lead)) {
      const field = fieldAt(fields, tokens[lead].start)
      if (field) {
        if (prepared.writerFields.has(field.key)) opener = field
      } else {
        opener = prepared.openers
          .find(analysis, body, body + 1)
          .find((match) => match.first === lead && placeOk(analysis, match, prepared.place, fields) && !isQuoted(analysis, match.start, match.end))
      }
    }
    if (opener) {
      const written = text.slice(opener.start, opener.end)
      const tic = tics.find((match) => match.start < opener.end && match.end > opener.start)
      report({
        start: opener.start,
        end: opener.end,
        messageId: 'opensOnYou',
        data: {written},
        expected: tic ? [sameCase(tic.entry.fix, written)] : []
      })
      reported.take(opener.start, opener.end)
    }

    let presented = false
    // 1b. A stock first line does not hide a self-centred second one: after the stock lines the
    // draft opens on ("I hope this email finds you well."), a sentence presenting the writer.
    if (!opener) {
      // A pleasantry with a detail only this reader has ("Congrats on the new warehouse in Leeds!", a
      // name or a number after it) is no stock line: what follows it is read as the opening is.
      const stock = new Set(
        prepared.stock
          .find(analysis, body, end)
          .filter((match) => !hasDetailAfter(analysis, match.last, prepared.starters))
          .map((match) => tokens[match.first].sentence)
      )
      let next = body
      while (next < end && stock.has(next)) next++
      if (next > body && next < end) {
        const sentence = sentences[next]
        const lead = sentence.words[leadWord(analysis, sentence, prepared.skip)]
        const match = prepared.presenting.find(analysis, next, next + 1).find((item) => item.first === lead)
        if (match && !notWriter.has(lead) && !shared(next, lead) && !isQuoted(analysis, match.start, match.end)) {
          const written = text.slice(match.start, match.end)
          report({
            start: match.start,
            end: match.end,
            messageId: 'afterStockLine',
            data: {written},
            expected: []
          })
          reported.take(match.start, match.end)
          presented = true
        }
      }
    }

    // 1c. Praise or a question first does not hide it either: the first sentence that defines the
    // writer ("I am the founder of…", "Je suis responsable commercial chez…"), wherever it stands.
    if (!opener && !presented) {
      const named = prepared.naming.find(analysis, body + 1, end).filter((match) => nameAfter(analysis, match.last, fields))
      const defining = named.length === 0 ? prepared.identity.find(analysis, body + 1, end) : [...prepared.identity.find(analysis, body + 1, end), ...named].sort((a, b) => a.start - b.start)
      for (const match of defining) {
        const s = tokens[match.first].sentence
        const sentence = sentences[s]
        if (sentence.words[leadWord(analysis, sentence, prepared.skip)] !== match.first) continue
        if (notWriter.has(match.first) || shared(s, match.first) || isQuoted(analysis, match.start, match.end)) continue
        const written = text.slice(match.start, match.end)
        report({
          start: match.start,
          end: match.end,
          messageId: 'presentsYou',
          data: {written},
          expected: []
        })
        reported.take(match.start, match.end)
        break
      }
    }

    // 2. The "moi je" tic, anywhere in the body.
    for (const match of tics) {
      if (overlaps(match.start, match.end)) continue
      const written = text.slice(match.start, match.end)
      const fix = sameCase(match.entry.fix, written)
      report({
        start: match.start,
        end: match.end,
        messageId: 'moiJe',
        data: {written, fix},
        expected: [fix]
      })
      reported.take(match.start, match.end)
    }

    // 3. Most sentences of the body open on the writer.
    let total = 0
    const openings: Array<[number, number]> = []
    for (let s = body; s < end; s++) {
      let visible = 0
      for (const w of sentences[s].words) if (!fieldAt(fields, tokens[w].start)) visible++
      if (visible < 2) continue // "[Link]", "Thanks!": not a sentence that opens on anyone
      total += 1
      const span = writerStart(s)
      if (span) openings.push(span)
    }
    if (total >= options.minSentences && openings.length > options.share * total) {
      const [start, stop] = openings.find(([from, to]) => !overlaps(from, to)) ?? openings[0]
      const reader = data.readerPronoun
      report({
        start,
        end: stop,
        messageId: 'mostSentences',
        data: {count: openings.length, total, pronoun: reader},
        expected: []
      })
    }
  }
})
