import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {MAX_CHARS, detectLanguage, detectLanguageScores} from '../../src/lang/detect.js'
import type {Lang} from '../../src/types.js'
import {sharedCorpus} from '../corpus.js'

const english: string[] = [
  'Hi Marie, thanks for your time.',
  'Hi François, quick question about your pipeline.',
  'Hi {{first_name}}, is this still a priority for you?',
  'Thanks for the chat yesterday!',
  'Would you be open to a quick call next week?',
  'I came across your profile and loved your post on empathy.',
  'We help SaaS teams like [Company] cut churn by 20%.',
  'Hope all is well, Hélène.',
  "I'm Sébastien from Qonto.",
  "Let's find a time: https://calendly.com/le-pour-vous/30min",
  'Can you send me the deck at jean.dupont@acme.fr?',
  "Congrats on the new role at L'Oréal!",
  'Merci for your time, {{first_name}}!',
  'THANKS FOR YOUR TIME',
  'No pressure at all — just thought it might help.',
  'Quick question, Zoé: are you the right person to talk to about hiring at Société Générale?',
  // A 25-word LinkedIn note.
  'Hi Camille, I enjoyed your talk at the Paris SaaS meetup. Would love to hear how your team handles onboarding these days. Thanks, Julien',
  'Hi *|FNAME|*, %COMPANY% is growing fast. Worth a chat?'
]

const french: string[] = [
  'Bonjour Marie, merci pour votre temps.',
  'Merci pour votre temps !',
  'On peut caler un call de 15 min ?',
  'Le ROI est clair.',
  "J'ai vu votre post sur LinkedIn.",
  'Je me permets de vous contacter.',
  'Votre pipeline sales mérite mieux.',
  'Hello Marie, dispo pour un call cette semaine ?',
  'Qu’en pensez-vous ?',
  "Merci d'avance, {{first_name}} !",
  'C’est noté, à jeudi.',
  'Votre article «\u00A0Le futur du SDR\u00A0» m’a beaucoup plu.',
  'Dispo pour un échange rapide ?',
  'Top, merci beaucoup !',
  "Salut Tom, t'as vu le webinar ?",
  'Pour info, voici le deck : https://acme.com/the-deck-for-you-and-your-team',
  // Without accents.
  'Est ce que vous etes dispo mardi pour en parler ?',
  'Je serais ravi d echanger avec vous, ca vous dit ?',
  // A 25-word LinkedIn note.
  'Bonjour Camille, votre intervention au meetup SaaS de Paris m’a marqué. J’aimerais savoir comment votre équipe gère l’onboarding aujourd’hui. Merci, Julien',
  'BONJOUR, MERCI POUR VOTRE RETOUR !',
  'Hi [Prénom], je reviens vers vous au sujet de notre échange.'
]

describe('detectLanguage: English', () => {
  it.each(english)('%j', (text) => {
    expect(detectLanguage(text, 'fr')).toBe('en')
  })
})

describe('detectLanguage: French', () => {
  it.each(french)('%j', (text) => {
    expect(detectLanguage(text, 'en')).toBe('fr')
  })
})

describe('detectLanguage: nothing known', () => {
  const unknown = [
    '',
    '   \n',
    'Marie Dupont',
    'OK 👍',
    '{{first_name}}',
    '[Nom de l’entreprise] {{ contact.firstname }} %FIRSTNAME% *|FNAME|* <Prénom>',
    'https://example.com/the/and/le/la www.vous.fr jean@pour-vous.fr @thefor',
    '12 345,67 € — 30 %'
  ]

  it.each(unknown)('%j falls back', (text) => {
    expect(detectLanguageScores(text)).toEqual({en: 0, fr: 0})
    expect(detectLanguage(text)).toBe('en')
    expect(detectLanguage(text, 'fr')).toBe('fr')
  })

  it('falls back on a tie', () => {
    expect(detectLanguageScores('the le')).toEqual({en: 1, fr: 1})
    expect(detectLanguage('the le', 'fr')).toBe('fr')
    expect(detectLanguage('the le', 'en')).toBe('en')
  })
})

describe('detectLanguageScores', () => {
  const cases: Array<[string, {en: number; fr: number}]> = [
    ['Merci pour votre temps', {en: 0, fr: 3}],
    ['Thanks for your time', {en: 3, fr: 0}],
    // Elisions are split off and counted, with either apostrophe.
    ["j'ai qu’il", {en: 0, fr: 3}],
    ["aujourd'hui", {en: 0, fr: 1}],
    // Contractions are English words.
    ["don't I'm you’re", {en: 3, fr: 0}],
    // Accents: a weak hint, not on capitalised words (names).
    ['échange', {en: 0, fr: 0.5}],
    ['Échange Hélène François', {en: 0, fr: 0}],
    // Percentages are not %FIELDS%.
    ['30 % de remise et 40 %', {en: 0, fr: 2}],
    // Hyphens split words.
    ['avez-vous', {en: 0, fr: 2}]
  ]

  it.each(cases)('%j', (text, expected) => {
    expect(detectLanguageScores(text)).toEqual(expected)
  })

  it(`reads only the first ${MAX_CHARS} characters`, () => {
    const filler = 'x '.repeat(MAX_CHARS / 2)
    expect(detectLanguageScores(filler + 'the and you')).toEqual({en: 0, fr: 0})
    expect(detectLanguage('merci ' + filler + 'the and you for your')).toBe('fr')
  })

  it('reads hostile inputs only up to the cut-off', () => {
    const inputs = ['{'.repeat(1e6), '[a '.repeat(1e6), '%a'.repeat(1e6), "'".repeat(1e6)]
    for (const input of inputs) expect(detectLanguageScores(input)).toEqual({en: 0, fr: 0})
    expect(detectLanguageScores('the '.repeat(1e6)).en).toBeLessThanOrEqual(MAX_CHARS / 4)
  })
})

// The shared corpus of real drafts: read in place, never copied.
const corpus = sharedCorpus('detectLanguage over the shared corpus')

describe.skipIf(!corpus)('detectLanguage: corpus', () => {
  const files: Array<[Lang, string]> = []
  for (const lang of corpus ? (['en', 'fr'] as const) : []) {
    const dir = join(corpus!, lang)
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.txt')) files.push([lang, join(dir, name)])
    }
  }

  it('has drafts in both languages', () => {
    expect(files.filter(([lang]) => lang === 'en').length).toBeGreaterThan(0)
    expect(files.filter(([lang]) => lang === 'fr').length).toBeGreaterThan(0)
  })

  it('gets every draft of each folder right', () => {
    const wrong: string[] = []
    for (const [lang, file] of files) {
      const text = readFileSync(file, 'utf8')
      // The fallback is the other language, so a tie counts as wrong.
      const other: Lang = lang === 'en' ? 'fr' : 'en'
      if (detectLanguage(text, other) !== lang) {
        wrong.push(`${file} ${JSON.stringify(detectLanguageScores(text))}`)
      }
    }
    const accuracy = (files.length - wrong.length) / files.length
    console.info(
      `language detection on the corpus: ${files.length - wrong.length}/${files.length} (${(accuracy * 100).toFixed(1)}%)`
    )
    expect(wrong).toEqual([])
  })
})
