import retextEnglish from 'retext-english'
import {unified} from 'unified'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../langs/fr/parser.js'
import {analyze, isQuoted, type Analysis} from '../../src/text/analysis.js'
import type {Lang} from '../../src/types.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)}

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

describe('analysis: sign-off', () => {
  // The sign-off is the last closing formula: two or three words ("Best regards"), or a line of a few
  // words on a closing word ended by a comma ("Merci de votre lecture,", "Thanks for reading,").
  const table: Array<[Lang, string, string]> = [
    ['en', 'Hi Sam,\n\nHere is the report.\n\nBest regards,\nAlex', 'Best regards,'],
    ['en', 'Hi Sam,\n\nHere is the report.\n\nThanks for reading,\nAlex', 'Thanks for reading,'],
    ['fr', 'Bonjour Claire,\n\nVoici le rapport.\n\nMerci de votre lecture,\nPaul', 'Merci de votre lecture,'],
    ['fr', 'Bonjour Claire,\n\nVoici le rapport.\n\nAu plaisir d’échanger,\nPaul', 'Au plaisir d’échanger,'],
    // A formal sign-off, whatever its length.
    ['fr', "Madame,\n\nVoici le rapport.\n\nVeuillez agréer, Madame, l'expression de mes salutations distinguées.\n\nPaul", "Veuillez agréer, Madame, l'expression de mes salutations distinguées."],
    ['fr', "Madame,\n\nVoici le rapport.\n\nJe vous prie d'agréer, Madame, mes salutations distinguées.\n\nPaul", "Je vous prie d'agréer, Madame, mes salutations distinguées."]
  ]
  for (const [lang, text, signOff] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const a = analysis(text, lang)
      expect(slice(a, a.sentences[a.closingSentence])).toBe(signOff)
    })
  }
  it('leaves a sentence on a closing word that ends with a full stop in the body', () => {
    const a = analysis('Hi Sam,\n\nThanks for your time, Tom.\n\nAlex', 'en')
    expect(a.closingSentence).toBe(a.sentences.length)
  })
})

describe('analysis: sentences', () => {
  // parse-latin reads "365." as an ordinal: a number with a full stop, then a capital, ends the sentence.
  const table: Array<[Lang, string, string[]]> = [
    ['en', 'He uses Microsoft 365. Have you tried it?', ['He uses Microsoft 365.', 'Have you tried it?']],
    ['fr', 'Il utilise Microsoft 365. Avez-vous essayé ?', ['Il utilise Microsoft 365.', 'Avez-vous essayé ?']],
    ['fr', "1. Qu'est-ce qui vous plaît ?", ["1. Qu'est-ce qui vous plaît ?"]],
    ['en', 'We grew 3. 5 times faster.', ['We grew 3. 5 times faster.']],
    // A sentence mark with no space after it still ends the sentence ("bien?Je", "plan?I", "May.The").
    ['fr', "J'espère que vous allez bien?Je suis Camille.", ["J'espère que vous allez bien?", 'Je suis Camille.']],
    ['fr', 'Le devis est parti en mai.Le voici.', ['Le devis est parti en mai.', 'Le voici.']],
    ['en', 'Did you see the plan?I am the one who sent it.', ['Did you see the plan?', 'I am the one who sent it.']],
    ['en', 'It shipped in May.The rest follows!', ['It shipped in May.', 'The rest follows!']],
    // ...not inside a name or an address.
    ['en', 'We use Node.js and example.com daily.', ['We use Node.js and example.com daily.']],
    ['en', 'The U.S. team grew.', ['The U.S. team grew.']],
    // A hard wrap does not cut a sentence: the next line starts in lower case...
    ['en', 'I hope this email\nfinds you well. I am Tom.', ['I hope this email\nfinds you well.', 'I am Tom.']],
    ['fr', "J'espère que vous allez\nbien. Je suis Tom.", ["J'espère que vous allez\nbien.", 'Je suis Tom.']],
    // ...or its first word would not have fitted on the line above (a draft wrapped at 43 columns).
    ['en', 'Our team has measured the queues in forty\nUK grocers since 2015, and the numbers are\nclear.', ['Our team has measured the queues in forty\nUK grocers since 2015, and the numbers are\nclear.']],
    ['fr', "Notre équipe mesure les files d'attente des\nOfficines de Nantes depuis dix ans, et les\nchiffres parlent.", ["Notre équipe mesure les files d'attente des\nOfficines de Nantes depuis dix ans, et les\nchiffres parlent."]],
    // ...or the line ends on a word no sentence ends on ("à", "the"), whatever the next one starts with.
    ['fr', 'Merci pour votre visite au salon. Seriez-vous disponible jeudi pour\nune visite de notre atelier à\nVénissieux ? Nous vous montrerons la ligne.', ['Merci pour votre visite au salon.', 'Seriez-vous disponible jeudi pour\nune visite de notre atelier à\nVénissieux ?', 'Nous vous montrerons la ligne.']],
    ['en', 'Thanks for the visit at the fair. Would you be free on Thursday for\na tour of our workshop in the\nMidlands? We will show you the line.', ['Thanks for the visit at the fair.', 'Would you be free on Thursday for\na tour of our workshop in the\nMidlands?', 'We will show you the line.']],
    // Layout still makes units: greeting line, list items, sign-off, lines that would have fitted.
    ['en', 'Hi Sam,\nTwo options\n- a call on Tuesday\n- a short report\nBest regards,\nAlex Martin\nHead of Sales', ['Hi Sam,', 'Two options', '- a call on Tuesday', '- a short report', 'Best regards,', 'Alex Martin', 'Head of Sales']],
    ['fr', 'Bonjour Marie,\nDeux options\n1. un appel mardi\n2. un court rapport\nBien cordialement,\nAlex Martin\nDirecteur commercial', ['Bonjour Marie,', 'Deux options', '1. un appel mardi', '2. un court rapport', 'Bien cordialement,', 'Alex Martin', 'Directeur commercial']]
  ]
  for (const [lang, text, sentences] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const a = analysis(text, lang)
      expect(a.sentences.map((sentence) => slice(a, sentence))).toEqual(sentences)
      expect(a.sentences[a.sentences.length - 1].question).toBe(text.endsWith('?'))
    })
  }
  it('marks the question glued to the next sentence as a question', () => {
    const a = analysis('Did you see the plan?I am the one who sent it.', 'en')
    expect(a.sentences.map((sentence) => sentence.question)).toEqual([true, false])
  })
})

describe('quotations', () => {
  const table: Array<[Lang, string, string[]]> = [
    // Straight marks hold a quotation of several sentences, as « » and curly marks do.
    ['en', 'The text is: "You are on at 9am. Can\'t make it? Reply NO." Could I send it?', ['"You are on at 9am. Can\'t make it? Reply NO."']],
    ['fr', 'Vous avez dit : "Nous sommes débordés. Notre société ne suit plus." Voici la liste.', ['"Nous sommes débordés. Notre société ne suit plus."']],
    ['fr', 'Vous avez dit : « Nous sommes débordés. Notre société ne suit plus. » Voici la liste.', ['« Nous sommes débordés. Notre société ne suit plus. »']],
    // Two quotations in a row stay two.
    ['en', 'I liked "less is more". We also liked "ship it".', ['"less is more"', '"ship it"']],
    // An inch mark neither opens nor closes; a stray mark is dropped past its sentence when another opens.
    ['en', 'The 27" screen is fine. She said "ship it" then.', ['"ship it"']],
    ['en', 'It costs "a lot. Then she said "ship it" to us.', ['"ship it"']],
    // A mark never closed quotes nothing, and no quotation runs past its paragraph.
    ['en', 'He wrote "we will see.\n\nCould we talk on Tuesday? Thanks', []]
  ]
  for (const [lang, text, quoted] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      expect(analysis(text, lang).quoted.map(([from, to]) => text.slice(from, to))).toEqual(quoted)
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
