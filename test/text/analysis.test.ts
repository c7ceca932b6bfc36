import retextEnglish from 'retext-english'
import {unified} from 'unified'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../src/parsers/french.js'
import {analyze, isQuoted, type Analysis} from '../../src/text/analysis.js'
import type {Lang} from '../../src/types.js'

const parsers = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)} as const

function analysis(text: string, lang: Lang): Analysis {
  return analyze(parsers[lang].parse(text) as any, text, lang)
}

const slice = (a: Analysis, span?: {start: number; end: number}) => (span ? a.text.slice(span.start, span.end) : undefined)
const body = (a: Analysis) => slice(a, a.sentences[a.bodySentence])

// [lang, draft, greeting, name, merge field, first sentence of the body]
const frames: Array<[Lang, string, string | undefined, string | undefined, string | undefined, string]> = [
  ['en', 'Hi John,\n\nI am Sam.', 'Hi John,', 'John', undefined, 'I am Sam.'],
  ['en', 'Hi John, I am Sam.', 'Hi John,', 'John', undefined, 'I am Sam.'],
  ['en', 'Hi [First Name],\n\nThanks.', 'Hi [First Name],', undefined, '[First Name]', 'Thanks.'],
  ['en', 'Hey [NAME] - saw you are hiring.', 'Hey [NAME] -', undefined, '[NAME]', 'saw you are hiring.'],
  ['en', 'Hi [NAME] - [FRIEND] suggested we connect.', 'Hi [NAME] -', undefined, '[NAME]', '[FRIEND] suggested we connect.'],
  ['en', 'Hi Sam — quick one: are you hiring?', 'Hi Sam —', 'Sam', undefined, 'quick one: are you hiring?'],
  // A line that only names the reader is a greeting.
  ['en', 'Subject: breakfast\n\nWayne --\n\nPutting together a breakfast.', 'Wayne --', 'Wayne', undefined, 'Putting together a breakfast.'],
  ['en', '[THEIR_NAME],\n\nTwo things.', '[THEIR_NAME],', undefined, '[THEIR_NAME]', 'Two things.'],
  ['en', '{{First_Name}} -- any thoughts on this?', '{{First_Name}} --', undefined, '{{First_Name}}', 'any thoughts on this?'],
  ['en', '[NAME] - saw [COMPANY] is hiring.', '[NAME] -', undefined, '[NAME]', 'saw [COMPANY] is hiring.'],
  // ...but a closing formula, a plain word or a name with more on its line is not.
  ['en', 'Thanks, [Name] — great point.', undefined, undefined, undefined, 'Thanks, [Name] — great point.'],
  ['en', 'Yes - that works for us.', undefined, undefined, undefined, 'Yes - that works for us.'],
  ['en', 'Wayne, I am writing about March.', undefined, undefined, undefined, 'Wayne, I am writing about March.'],
  ['fr', 'Bonjour [Nom de l’Artisan],\n\nJe vous écris.', 'Bonjour [Nom de l’Artisan],', undefined, '[Nom de l’Artisan]', 'Je vous écris.'],
  ['fr', 'Bonjour {{prénom}},\n\nMerci.', 'Bonjour {{prénom}},', undefined, '{{prénom}}', 'Merci.'],
  ['fr', 'Bonjour Marie, je suis Paul.', 'Bonjour Marie,', 'Marie', undefined, 'je suis Paul.'],
  // A subject line that the sentence splitter cut in several sentences is skipped whole.
  ['fr', 'Subject: Merci, [Prénom]. Sincèrement.\n\nBonjour [Prénom],\n\nPas de promotion.', 'Bonjour [Prénom],', undefined, '[Prénom]', 'Pas de promotion.'],
  ['fr', 'Objet : Votre projet est prêt ! | [Nom du projet]\n\nBonjour Léa,\n\nLe projet est fini.', 'Bonjour Léa,', 'Léa', undefined, 'Le projet est fini.']
]

describe('analysis: greeting and body', () => {
  for (const [lang, text, greeting, name, field, first] of frames) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const a = analysis(text, lang)
      expect(slice(a, a.greeting)).toBe(greeting)
      expect(a.greeting?.name?.value).toBe(name)
      expect(a.greeting?.field?.value).toBe(field)
      if (a.greeting?.field) expect(slice(a, a.greeting.field)).toBe(a.greeting.field.value)
      expect(body(a)).toBe(first)
    })
  }
})

describe('analysis: sentences', () => {
  // parse-latin reads "365." as an ordinal: a number with a full stop, then a capital, ends the sentence.
  const table: Array<[Lang, string, string[]]> = [
    ['en', 'He uses Microsoft 365. Have you tried it?', ['He uses Microsoft 365.', 'Have you tried it?']],
    ['fr', 'Il utilise Microsoft 365. Avez-vous essayé ?', ['Il utilise Microsoft 365.', 'Avez-vous essayé ?']],
    ['fr', "1. Qu'est-ce qui vous plaît ?", ["1. Qu'est-ce qui vous plaît ?"]],
    ['en', 'We grew 3. 5 times faster.', ['We grew 3. 5 times faster.']]
  ]
  for (const [lang, text, sentences] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const a = analysis(text, lang)
      expect(a.sentences.map((sentence) => slice(a, sentence))).toEqual(sentences)
      expect(a.sentences[1]?.question ?? a.sentences[0].question).toBe(text.endsWith('?'))
    })
  }
})

describe('isQuoted', () => {
  it('says, for every token, what a scan of every quotation would say', () => {
    const pieces = fc.constantFrom('« ', ' »', '"', '“', '”', '„', '‘', '’', '»«', '""', 'mot', 'word', ' ', '\n', '. ', 'l’', ', ')
    fc.assert(
      fc.property(fc.array(pieces, {maxLength: 80}), fc.constantFrom<Lang>('en', 'fr'), (parts, lang) => {
        const a = analysis(parts.join(''), lang)
        for (const token of a.tokens) {
          const scan = a.quoted.some(([from, to]) => token.start >= from && token.end <= to)
          expect(isQuoted(a, token.start, token.end)).toBe(scan)
        }
      }),
      {numRuns: 300}
    )
  })
})
