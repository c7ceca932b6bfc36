import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import buzzEn from '../../rules/buzzword-overuse/en.json' with {type: 'json'}
import buzzFr from '../../rules/buzzword-overuse/fr.json' with {type: 'json'}
import {findBuzzwords} from '../../rules/buzzword-overuse/index.js'
import en from '../../rules/marketing-speak/en.json' with {type: 'json'}
import fr from '../../rules/marketing-speak/fr.json' with {type: 'json'}
import {findPhrases} from '../../src/kinds.js'
import type {Analysis} from '../../src/text/analysis.js'
import {lintText} from '../../src/engine.js'
import retextFrench from '../../langs/fr/parser.js'
import {analyze} from '../../src/text/analysis.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'marketing-speak'

/** The jargon a draft uses, as the rule finds it (a substitution rule: src/kinds.ts). */
const findJargon = (analysis: Analysis, lang: Lang) => findPhrases({analysis, lang, data: lang === 'fr' ? fr : en})

function findings(text: string, lang: Lang): Finding[] {
  const report = lintText(text, {lang})
  const own = report.findings.filter((finding) => finding.rule === ID)
  // Positions point at the words reported.
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** [lang, draft, excerpts reported, first suggestion] */
const bad: Array<[Lang, string, string[], string?]> = [
  ['en', 'Our best-in-class platform helps.', ['best-in-class'], 'better at <one thing> than <the alternative>'],
  ['en', 'Best In Class support, every day.', ['Best In Class']],
  ['en', 'A seamless, turnkey set-up.', ['seamless', 'turnkey'], 'simple'],
  ['en', 'We drive engagement and unlock value.', ['drive engagement', 'unlock value'], 'get more replies'],
  ['en', 'Our cutting-edge tool is ready.', ['cutting-edge']],
  ['en', 'That change moved the needle for Acme.', ['moved the needle']],
  ['en', 'Start with the LOW-HANGING FRUIT.', ['LOW-HANGING FRUIT']],
  ['en', 'An end-to-end platform and a scalable solution.', ['end-to-end platform', 'scalable solution']],
  ['en', 'We help teams streamline their processes.', ['streamline their processes'], 'simplify <task>'],
  ['en', 'Do you have the bandwidth for a call?', ['have the bandwidth'], 'have time'],
  ['fr', 'Notre solution clé en main est prête.', ['solution clé en main'], "prêt à l'emploi"],
  ['fr', 'Des offres clés en main, et une formule clé-en-main.', ['offres clés en main', 'formule clé-en-main']],
  ['fr', 'Découvrez notre plateforme d’engagement.', ['plateforme d’engagement']],
  ['fr', 'Trois leviers de croissance pour vous.', ['leviers de croissance']],
  ['fr', 'Un accompagnement sur-mesure, puis un accompagnement sur mesure.', ['accompagnement sur-mesure', 'accompagnement sur mesure']],
  ['fr', 'Boostez votre ROI dès ce mois-ci.', ['Boostez votre ROI'], 'Augmenter <X> de <Y>'], // a capital, as the excerpt has
  ['fr', 'Une approche 360° de vos ventes.', ['approche 360']],
  ['fr', 'Une technologie de pointe, et une solution performante.', ['technologie de pointe', 'solution performante']],
  ['fr', 'PASSEZ À LA VITESSE SUPÉRIEURE.', ['PASSEZ À LA VITESSE SUPÉRIEURE']]
]

const good: Array<[Lang, string]> = [
  ['en', 'Thanks for the demo. Our tool cut onboarding from six weeks to two at Acme.'],
  ['en', 'Thanks for the robust debate on Tuesday, and for the seating plan.'],
  // Quoted, or in a merge field.
  ['en', 'Thanks for the tip: we banned "best-in-class" and "seamless" from our deck.'],
  ['en', 'To recap: [one-sentence value proposition]. Thanks!'],
  ['fr', 'Merci pour la démo. Notre outil a réduit l’intégration de six à deux semaines.'],
  ['fr', 'Merci, je passe chercher la clé en fin de matinée, hors des heures de pointe.'],
  ['fr', 'Merci pour le conseil : nous avons retiré « solution clé en main » de la plaquette.'],
  ['fr', 'Pour résumer : [proposition de valeur en une phrase]. Merci !'],
  // Owned by buzzword-overuse (innovant, valeur ajoutée): not reported twice.
  ['fr', 'Merci pour votre temps. Notre solution innovante a une vraie valeur ajoutée.']
]

const parsers = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)} as const

/** Texts a pattern matches: each alternative of each word at least once, optional words included. */
function samples(pattern: string): string[] {
  const steps = pattern
    .trim()
    .split(/\s+/)
    .map((raw) => {
      const body = raw.endsWith('?') && raw.length > 1 ? raw.slice(0, -1) : raw
      return body === '*' ? ['truc'] : body.split('|').map((alternative) => alternative.replace(/^=/, ''))
    })
  const width = Math.max(...steps.map((step) => step.length))
  return Array.from({length: width}, (_, k) => steps.map((step) => step[k % step.length]).join(' '))
}

describe(ID, () => {
  for (const [lang, text, excerpts, suggestion] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const own = findings(text, lang)
      expect(own.map((finding) => finding.excerpt)).toEqual(excerpts)
      for (const finding of own) {
        expect(finding.severity).toBe('warning')
        expect(finding.message).toContain('sales jargon')
        expect(finding.suggestions.length).toBeGreaterThan(0)
      }
      if (suggestion) expect(own[0].suggestions[0].fix.text).toBe(suggestion)
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('has at least 30 phrases per language, each with a plainer alternative', () => {
    for (const data of [en, fr]) {
      expect(data.phrases.length).toBeGreaterThanOrEqual(30)
      for (const phrase of data.phrases) expect(phrase.expected.length).toBeGreaterThan(0)
    }
  })

  // A word is reported by one rule only: no text either list matches is
  // matched, even in part, by the other.
  const lists = {
    en: {jargon: en.phrases.flatMap((phrase) => phrase.patterns), buzz: [...Object.values(buzzEn.virtue), ...Object.values(buzzEn.hype)].flat()},
    fr: {jargon: fr.phrases.flatMap((phrase) => phrase.patterns), buzz: [...Object.values(buzzFr.virtue), ...Object.values(buzzFr.hype)].flat()}
  }
  for (const lang of ['en', 'fr'] as const) {
    it(`keeps its ${lang} list disjoint from buzzword-overuse`, () => {
      const overlaps: string[] = []
      for (const pattern of [...lists[lang].jargon, ...lists[lang].buzz]) {
        for (const text of samples(pattern)) {
          const analysis = analyze(parsers[lang].parse(text) as any, text, lang)
          const jargon = findJargon(analysis, lang)
          const buzz = findBuzzwords(analysis, lang, (lang === 'en' ? buzzEn : buzzFr) as Parameters<typeof findBuzzwords>[2])
          for (const a of jargon) for (const b of buzz) if (a.start < b.end && b.start < a.end) overlaps.push(`${text}: ${text.slice(a.start, a.end)} / ${text.slice(b.start, b.end)}`)
        }
      }
      expect(overlaps).toEqual([])
    })
    it(`finds every ${lang} pattern in text written from it`, () => {
      const missed: string[] = []
      for (const pattern of lists[lang].jargon) {
        for (const text of samples(pattern)) {
          if (findJargon(analyze(parsers[lang].parse(text) as any, text, lang), lang).length === 0) missed.push(text)
        }
      }
      expect(missed).toEqual([])
    })
  }
})

// Words in another sense: a negated or quoted piece of jargon is denied or mentioned, not used.
describe(`${ID}: negated and quoted`, () => {
  const quiet: Array<[Lang, string]> = [
    ['en', 'Thanks for the frank notes. This is not a turnkey solution, and it is not a best-in-class platform either.'],
    ['en', "Thanks. It isn't a seamless switch: plan two weeks. We never promised a cutting-edge tool."],
    ['en', 'Your last vendor sold you a "turnkey solution" that took nine months; thanks for telling us.'],
    ['fr', "Merci pour votre retour. Ce n'est pas une solution clé en main, et ce n'est pas non plus une plateforme d'engagement."],
    ['fr', 'Merci. Votre ancien prestataire vous a vendu une « solution clé en main » ; la nôtre demande deux semaines.'],
    ['fr', "Merci. Nous n'avons jamais vendu d'offre clé en main, sans aucune approche 360."]
  ]
  for (const [lang, text] of quiet) it(`stays quiet in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang)).toEqual([]))

  const loud: Array<[Lang, string, string[]]> = [
    ['en', 'Thanks. Ours is not just a turnkey solution, it is a seamless one.', ['turnkey', 'seamless']],
    ['en', 'No doubt about it, our best-in-class platform helps.', ['best-in-class']],
    ['fr', "Merci. Ce n'est pas seulement une solution clé en main : c'est un levier de croissance.", ['solution clé en main', 'levier de croissance']],
    ['fr', 'Non, vraiment, notre solution clé en main vous aidera.', ['solution clé en main']]
  ]
  for (const [lang, text, expected] of loud) {
    it(`still flags "not only" and other clauses in ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang).map((finding) => finding.excerpt)).toEqual(expected))
  }
})

describe(`${ID}: AI as a selling point`, () => {
  it('flags "AI-powered" and its French equivalents', () => {
    expect(findings('Thanks. ShiftPilot is the leading AI-powered platform, driven by AI.', 'en').map((finding) => finding.excerpt)).toEqual(['AI-powered', 'driven by AI'])
    expect(findings("Merci. Stockia est la plateforme n°1 propulsée par l'IA, alimentée par l'intelligence artificielle.", 'fr').map((finding) => finding.excerpt)).toEqual(["propulsée par l'IA", "alimentée par l'intelligence artificielle"])
  })
})
