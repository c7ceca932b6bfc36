import {decimal, type MessageRef} from '../../src/i18n.js'
import {defineRule, exampleTexts, perList} from '../../src/rule.js'
import {isQuoted, type Analysis, type Sentence} from '../../src/text/analysis.js'
import {courtesy} from '../../src/text/courtesy.js'
import {draftFields, fieldAt, type Field} from '../../src/text/fields.js'
import {inclusiveSentences, isPlural} from '../../src/text/inclusive.js'
import {foldWord} from '../../src/text/normalize.js'
import {loadTagger, type Tagger} from '../../src/text/tagger.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** Words pointing at the writer: je, nous, notre; I, we, our. */
  writer: string[]
  /** Words pointing at the reader: vous, votre, tu; you, your. */
  reader: string[]
  /** Forms that, not written in lower case ("US"), may not be pronouns: compromise decides. */
  ambiguous: string[]
  /** Count the parts of hyphenated words ("avez-vous", "dites-moi"). */
  splitHyphens: boolean
  /** Hyphenated words whose parts are not pronouns ("rendez-vous"). */
  notHyphenated: string[]
  /** A form right after one of these words is not a pronoun ("le ton"). */
  notAfter: Record<string, string[]>
  /** How the message names each side's words in this language, and the reader's pronoun. */
  messageWords: {writer: string; reader: string; you: string}
}

interface Options extends Record<string, unknown> {
  /** Reported only when the body has at least this many writer-centred words. */
  minWriter: number
  /** ...and at least `ratio` times as many as reader-centred ones. */
  ratio: number
}

type Side = 'writer' | 'reader'

interface Prepared {
  sides: Map<string, Side>
  ambiguous: Set<string>
  splitHyphens: boolean
  notHyphenated: Set<string>
  notAfter: Map<string, Set<string>>
}

const prepare = perList((data: Data): Prepared => {
  const sides = new Map<string, Side>()
  for (const word of data.writer) sides.set(foldWord(word), 'writer')
  for (const word of data.reader) sides.set(foldWord(word), 'reader')
  return {
    sides,
    ambiguous: new Set(data.ambiguous.map(foldWord)),
    splitHyphens: data.splitHyphens,
    notHyphenated: new Set(data.notHyphenated.map(foldWord)),
    notAfter: new Map(Object.entries(data.notAfter).map(([word, before]) => [foldWord(word), new Set(before.map(foldWord))]))
  }
})

/**
 * compromise (English part-of-speech tags) takes most of a second to load
 * and a few milliseconds a sentence: it is loaded on first need, and only
 * asked about sentences holding an ambiguous form ("US"). A typical draft
 * never calls it. `taggerCalls` counts the sentences it tagged (for tests).
 */
let tagger: Tagger | undefined
export const taggerStats = {sentences: 0}

function pronounOffsets(text: string): Set<number> {
  tagger ??= loadTagger()
  taggerStats.sentences += 1
  const offsets = new Set<number>()
  for (const sentence of tagger(text).json({offset: true})) {
    for (const term of sentence.terms) if (term.tags.includes('Pronoun')) offsets.add(term.offset.start)
  }
  return offsets
}

interface Tally {
  writer: number
  reader: number
}

/** Counts one sentence's writer and reader words (merge fields and quotations left out). */
function tally(analysis: Analysis, sentence: Sentence, prepared: Prepared, fields: Field[], inclusive: boolean): Tally {
  const {tokens, text} = analysis
  const result: Tally = {writer: 0, reader: 0}
  let pronouns: Set<number> | undefined
  let previous = ''
  for (const index of sentence.words) {
    const token = tokens[index]
    const before = previous
    previous = token.fold
    if (fieldAt(fields, token.start) || isQuoted(analysis, token.start, token.end)) continue
    const hyphenated = prepared.splitHyphens && token.fold.includes('-') && !prepared.notHyphenated.has(token.fold)
    for (const part of hyphenated ? token.fold.split('-') : [token.fold]) {
      const side = prepared.sides.get(part)
      if (!side) continue
      // "We met last night", "nous avons déjeuné ensemble": an inclusive we is both sides, so neither.
      if (inclusive && side === 'writer' && isPlural(analysis.lang, part)) continue
      if (!hyphenated && prepared.notAfter.get(part)?.has(before)) continue
      if (prepared.ambiguous.has(part) && token.value !== token.value.toLowerCase()) {
        pronouns ??= pronounOffsets(text.slice(sentence.start, sentence.end))
        if (!pronouns.has(token.start - sentence.start)) continue
      }
      result[side] += 1
    }
  }
  return result
}

export default defineRule({
  id: 'reader-focus',
  summary: 'Writer-centred words (je, nous, notre; I, we, our) far outweigh reader-centred ones (vous, votre; you, your)',
  rationale:
    'Count the pronouns of a draft and you know who it is about. A reader skims for themselves: "you", "your team", what they said. ' +
    'When "I", "we" and "our" come back three times for every "you", the draft is a brochure with a greeting on top. ' +
    'Keep what you have to say, and turn the sentences around: "We built a tool that cuts onboarding time" becomes "Your new reps could be selling in their second week". ' +
    'The rule counts the body only (not the subject, greeting or sign-off), leaves out merge fields ("[Your Name]") and quotations, and reads "nous" in "vous nous avez" as the writer. ' +
    'In English, "US" is asked of a part-of-speech tagger so the country does not count as "us". ' +
    'It reports once, on the sentence most about the writer (most writer words beyond reader words), with both counts in the message; ' +
    'by default when there are at least 5 writer words and at least twice as many as reader words (options minWriter and ratio).',
  category: 'focus',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 10,
  messages,
  options: {minWriter: 5, ratio: 2} as Options,
  data: {en: en as Data, fr: fr as Data} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  check({analysis, data, options, report}) {
    const {sentences} = analysis
    const body = analysis.bodySentence
    const end = analysis.closingSentence
    if (body >= end) return
    const prepared = prepare(data)
    const fields = draftFields(analysis)
    let writer = 0
    let reader = 0
    // The sentence most about the writer: most writer words beyond reader words, the first on a tie.
    let worst = -1
    let worstScore = -Infinity
    const inclusive = inclusiveSentences(analysis)
    // A sentence that gives the reader something ("here's the scorecard we used when we opened our
    // Porto office", "j'ai rédigé une note sur ce que nous avons mesuré") speaks of the writer to give:
    // its writer words are the giver's, not a pitch.
    const giving = new Set(courtesy(analysis).offers.map((offer) => offer.sentence))
    for (let s = body; s < end; s++) {
      const counts = tally(analysis, sentences[s], prepared, fields, inclusive.has(s))
      if (giving.has(s)) counts.writer = 0
      writer += counts.writer
      reader += counts.reader
      if (counts.writer > 0 && counts.writer - counts.reader > worstScore) {
        worst = s
        worstScore = counts.writer - counts.reader
      }
    }
    if (worst === -1 || writer < options.minWriter || writer < options.ratio * reader) return
    const sentence = sentences[worst]
    const {writer: me, reader: you, you: pronoun} = data.messageWords
    const ratio: MessageRef = reader === 0 ? {messageId: 'ratioNone', data: {writer}} : {messageId: 'ratio', data: {writer, reader, times: decimal(writer / reader, 1)}}
    report({
      start: sentence.start,
      end: sentence.end,
      messageId: 'writerCentred',
      data: {me, you, ratio, pronoun},
      expected: []
    })
  }
})
