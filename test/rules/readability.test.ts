import {describe, expect, it} from 'vitest'
import rule, {isAcronym} from '../../rules/readability/index.js'
import frenchData from '../../langs/fr/syllables.json' with {type: 'json'}
import {englishSyllables, frenchSyllables} from '../../src/text/syllables.js'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

function readability(text: string, lang: Lang, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, ruleOptions: options && {readability: options}})
  return report.findings.filter((finding) => finding.rule === 'readability')
}

describe('French syllable counter', () => {
  // Spoken syllables, counted by hand.
  const table: Array<[string, number]> = [
    // Vowel groups, silent final e / es.
    ['table', 1], ['tables', 1], ['entreprise', 3], ['chaque', 1], ['que', 1], ['le', 1], ['les', 1], ['semaine', 2],
    ['beaucoup', 2], ['travail', 2], ['travailler', 3], ['feuille', 1], ['vie', 1], ['partie', 2], ['parties', 2],
    ['nation', 2], ['million', 2], ['société', 3], ['premier', 2], ['disponible', 3], ['accompagnons', 4],
    // é starts a new syllable before a vowel; -ée, -ées.
    ['idée', 2], ['idées', 2], ['année', 2], ['créer', 2], ['créée', 2], ['réalité', 4], ['réunion', 3], ['théâtre', 2],
    ['aéroport', 4], ['poésie', 3],
    // Diaeresis.
    ['naïf', 2], ['Noël', 2], ['égoïste', 3],
    // u and ou before a vowel.
    ['actuel', 3], ['situation', 4], ['évaluation', 5], ['rue', 1], ['avenue', 3], ['bleue', 1], ['suis', 1],
    ['nuit', 1], ['depuis', 2], ['jouer', 2], ['oui', 1],
    // -ent: silent in verbs, heard in nouns, adjectives and adverbs.
    ['parlent', 1], ['peuvent', 1], ['utilisent', 3], ['jouent', 1], ['avaient', 2], ['étudient', 3], ['remercient', 3],
    ['confient', 2], ['envoient', 2], ['aiment', 1], ['moment', 2], ['vraiment', 2], ['comment', 2], ['souvent', 2],
    ['client', 2], ['clients', 2], ['patient', 2], ['efficient', 3], ['présent', 2], ['président', 3], ['fréquent', 2],
    ['intelligent', 4],
    // i after consonant + l/r.
    ['prier', 2], ['oublier', 3], ['février', 3], ['science', 1], ['expérience', 3],
    // qu, gu, y.
    ['question', 2], ['guerre', 1], ['langue', 1], ['payer', 2], ['crayon', 2], ['essayer', 3], ['voyage', 2],
    // Elisions, hyphens, table of exceptions, loanwords.
    ["aujourd'hui", 3], ["c'est-à-dire", 3], ['e-mail', 2], ['email', 2], ['peut-être', 2], ["j'ai", 1], ["l'équipe", 2],
    ["qu'il", 1], ["jusqu'à", 2], ['Auriez-vous', 3], ['pays', 2], ['business', 2], ['meeting', 2], ['startup', 2],
    ['marketing', 3], ['LinkedIn', 3],
    // Acronyms said letter by letter, figures read at a glance.
    ['PME', 3], ['IA', 2], ['RGPD', 4], ['SaaS', 1], ['15', 1], ['2026', 1]
  ]
  for (const [word, count] of table) {
    it(`${word}: ${count}`, () => expect(frenchSyllables(word, frenchData)).toBe(count))
  }
})

describe('English syllables', () => {
  const table: Array<[string, number]> = [
    ['the', 1], ['Tuesday', 2], ['revenue', 3], ['operations', 4], ['implementation', 5], ['CRM', 3], ['SDR', 3],
    ['B2B', 3], ['2026', 1], ['SaaS', 1]
  ]
  for (const [word, count] of table) {
    it(`${word}: ${count}`, () => expect(englishSyllables(word)).toBe(count))
  }
})

describe('readability: scores compared with a hand computation', () => {
  const table: Array<{lang: Lang; sentence: string; words: number; syllables: number; flagged: boolean}> = [
    // We1 help1 revenue3 operations4 leaders2 automate3 territory4 planning2 with1 predictive3 analytics4
    {lang: 'en', sentence: 'We help revenue operations leaders automate territory planning with predictive analytics.', words: 11, syllables: 28, flagged: true},
    // Our1 comprehensive4 implementation5 methodology5 facilitates4 organizational6 transformation4 initiatives4
    // across2 geographically6 distributed4 enterprise3 environments4
    {lang: 'en', sentence: 'Our comprehensive implementation methodology facilitates organizational transformation initiatives across geographically distributed enterprise environments.', words: 13, syllables: 52, flagged: true},
    // Thank1 you1 for1 the1 notes1 you1 sent1 after2 our1 call1 last1 week1
    {lang: 'en', sentence: 'Thank you for the notes you sent after our call last week.', words: 12, syllables: 13, flagged: false},
    // Nous1 accompagnons4 les1 directions3 commerciales3 dans1 l'optimisation5 de1 la1 performance3
    // opérationnelle5 de1 leurs1 équipes2
    {lang: 'fr', sentence: "Nous accompagnons les directions commerciales dans l'optimisation de la performance opérationnelle de leurs équipes.", words: 14, syllables: 32, flagged: true},
    // Merci2 pour1 le1 temps1 que1 vous1 m'avez2 donné2 mardi2 dernier2 au1 salon2 de1 Lyon1
    {lang: 'fr', sentence: "Merci pour le temps que vous m'avez donné mardi dernier au salon de Lyon.", words: 14, syllables: 20, flagged: false}
  ]
  for (const {lang, sentence, words, syllables, flagged} of table) {
    it(`${lang}: ${sentence.slice(0, 50)}`, () => {
      const {base, perWord, perSyllable} = rule.data[lang].formula
      const hand = Math.round(base - perWord * words - perSyllable * (syllables / words))
      const text = (lang === 'en' ? 'Hi Dana,\n\n' : 'Bonjour Claire,\n\n') + sentence
      const found = readability(text, lang)
      if (!flagged) {
        expect(hand).toBeGreaterThanOrEqual(30)
        expect(found).toEqual([])
        // The same score, seen through a threshold above it.
        const forced = readability(text, lang, {hard: hand + 1})
        expect(forced).toHaveLength(1)
        expect(forced[0].message).toContain(` ${hand} for this sentence (${words} words, ${(syllables / words).toFixed(1)} syllables a word`)
        return
      }
      expect(found).toHaveLength(1)
      expect(found[0].message).toContain(`${rule.data[lang].name} ${hand} for this sentence (${words} words, ${(syllables / words).toFixed(1)} syllables a word`)
      expect(found[0].excerpt).toBe(sentence)
      expect(text.slice(found[0].offset, found[0].endOffset)).toBe(sentence)
    })
  }
})

describe('readability: thresholds and severity', () => {
  const hard = 'Hi Dana,\n\nWe help revenue operations leaders automate territory planning with predictive analytics.' // -20
  it('is a warning below 10 and a note below 30', () => {
    expect(readability(hard, 'en').map((finding) => finding.severity)).toEqual(['warning'])
    expect(readability(hard, 'en', {veryHard: -30}).map((finding) => finding.severity)).toEqual(['info'])
    expect(readability(hard, 'en', {hard: -30})).toEqual([])
  })
  it('is a note between 10 and 30', () => {
    // Kandel-Moles 25.
    const text = "Bonjour Sophie,\n\nNous accompagnons les directions commerciales dans l'optimisation de la performance opérationnelle de leurs équipes."
    expect(readability(text, 'fr').map((finding) => finding.severity)).toEqual(['info'])
  })
  it('says what to do: split long sentences, swap long words', () => {
    const long = 'Hi Dana,\n\nGiven the considerable organizational complexity of your international operations, our consultants would recommend a comprehensive evaluation of your existing infrastructure before any implementation.'
    const [finding] = readability(long, 'en')
    expect(finding.message).toMatch(/: split it in two, and swap long words such as `\w+`, `\w+`, `\w+` for everyday ones$/)
    const [short] = readability(hard, 'en')
    expect(short.message).toMatch(/: swap long words such as `operations`, `territory`, `analytics` for everyday ones$/)
  })
  it('does not name everyday words or names as words to swap', () => {
    const text = 'Hi Dana,\n\nI especially appreciated your generous and considerate conversation with Salesforce Australia yesterday.'
    const found = readability(text, 'en', {hard: 100})
    expect(found).toHaveLength(1)
    expect(found[0].message).not.toContain('`especially`')
    expect(found[0].message).not.toContain('Australia')
    expect(found[0].message).toContain('`considerate`')
  })
})

describe('readability: what is scored', () => {
  const good: Array<[Lang, string]> = [
    // Too short to score (9 words), however long the words.
    ['en', 'Hi Dana,\n\nOur comprehensive implementation methodology facilitates organizational transformation across enterprises.'],
    // Mostly merge fields.
    ['en', 'Hi {{first_name}},\n\nWe help [Company Type] teams at {{company}} with [Pain Point] in [Industry] using [Your Solution Category] today.'],
    // Merge fields are not words: five real words are left, too few to score.
    ['en', 'Hi Sam,\n\nYour [article title] on [specific topic] really resonated, especially [specific point or insight].'],
    // A list of names.
    ['en', 'Hi Sam,\n\nThanks for the intro to Maya Patel, Tom Richardson, Priya Raman, Jordan Alvarez and Oluwaseun Adebayo at Northwind.'],
    // Links do not count as words.
    ['en', 'Hi Sam,\n\nThe figures are at https://example.com/reports/organizational-transformation-implementation-methodology-2026 now.'],
    // The subject line, greeting and sign-off are not scored.
    ['en', 'Subject: comprehensive implementation methodology for organizational transformation initiatives across enterprises\n\nHi Sam,\n\nThanks for the call.'],
    ['fr', "Bonjour Léa,\n\nMerci de m'avoir présenté Marc Dupont, Chloé Lefebvre, Sami Benali, Inès Moreau et Hugo Martin chez Terrain."],
    ['fr', 'Objet : méthodologie d’industrialisation des transformations organisationnelles pour les entreprises internationales\n\nBonjour Léa,\n\nMerci pour votre temps.']
  ]
  for (const [lang, text] of good) {
    it(`skips ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => expect(readability(text, lang)).toEqual([]))
  }

  it('joins a sentence hard-wrapped over several lines, and points at all of it', () => {
    const sentence = 'We help revenue operations leaders\nautomate territory planning with predictive\nanalytics and [Your Solution].'
    const text = 'Hi Dana,\n\n' + sentence + '\n\nBest,\nChris'
    const found = readability(text, 'en')
    expect(found).toHaveLength(1)
    expect(found[0].excerpt).toBe(sentence)
    expect(found[0].line).toBe(3)
    expect(found[0].endLine).toBe(5)
  })
  it('does not join list items or separate lines', () => {
    const text = 'Hi Dana,\n\nThree things we could automate for your revenue operations team\n- territory planning with predictive analytics\n- quarterly forecasting\n\nBest,\nChris'
    expect(readability(text, 'en')).toEqual([])
  })
  it('flags only the sentences that pull the draft down', () => {
    const text =
      'Hi Dana,\n\nThank you for the notes you sent after our call last week. ' +
      'We help revenue operations leaders automate territory planning with predictive analytics. ' +
      'Would a short call next Tuesday suit you?\n\nBest,\nChris'
    const found = readability(text, 'en')
    expect(found.map((finding) => finding.excerpt)).toEqual(['We help revenue operations leaders automate territory planning with predictive analytics.'])
    for (const finding of found) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  })
})

// Readability judges words, not acronyms.
describe('readability: acronyms', () => {
  it('tells acronyms from words', () => {
    for (const word of ['US', 'EMEA', 'SaaS', 'B2B', 'R&D', 'PDFs', 'iOS', 'URSSAF', 'SIRET', 'GmbH']) expect(isAcronym(word), word).toBe(true)
    for (const word of ['I', 'A', 'McKinsey', 'Salesforce', 'LinkedIn', 'REVOLUTIONARY', 'implementation', 'Q3']) expect(isAcronym(word), word).toBe(false)
  })
  const plain: Array<[Lang, string]> = [
    ['en', 'Hi Dana,\n\nThanks. US SaaS companies expanding into EMEA need VAT, OSS and GDPR filings through the EU portal.\n\nBest,\nRavi'],
    ['en', 'Hi Dana,\n\nThanks. Two HR tech firms and one B2B CRM vendor file VAT through OSS with a SOC 2 note in the DPA.\n\nBest,\nRavi'],
    ['fr', 'Bonjour,\n\nMerci. Le numéro SIRET, le code NAF et le bilan GES de la PME sont transmis par la DAF à l’ADEME et à l’URSSAF.\n\nRavi'],
    ['fr', 'Bonjour,\n\nMerci. Les PME du BTP déclarent la TVA et la CFE avant le CA de mai, avec le Kbis et le RIB de la SAS.\n\nRavi']
  ]
  for (const [lang, text] of plain) it(`does not flag a plain sentence for its acronyms in ${lang}`, () => expect(readability(text, lang)).toEqual([]))
  it('still flags long words around acronyms', () => {
    expect(readability('Hi Dana,\n\nThanks. Our EMEA organization facilitates comprehensive implementation methodologies across geographically distributed enterprise environments.\n\nBest,\nRavi', 'en')).toHaveLength(1)
    expect(readability("Bonjour,\n\nMerci pour votre temps. Notre organisation EMEA facilite l'industrialisation opérationnelle des transformations organisationnelles des PME.\n\nRavi", 'fr')).toHaveLength(1)
  })
})
