import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang, Severity} from '../../src/types.js'

function findings(text: string, lang: Lang, rule = 'missing-thanks'): Finding[] {
  return lintText(text, {lang}).findings.filter((finding) => finding.rule === rule)
}

interface Bad {
  lang: Lang
  text: string
  severity: Severity
  /** The words the finding points at: the ask, else the first sentence of the body. */
  excerpt: string
  /** Something the message must say. */
  says?: RegExp
  expected?: string[]
}

const bad: Bad[] = [
  // Something the reader gave or did, and no thanks for it.
  {lang: 'en', text: 'Hi Sam,\n\nI enjoyed our call yesterday. The proposal follows on Friday.\n\nAlex', severity: 'warning', excerpt: 'our call', says: /mentions what the reader gave \(`our call`\)/},
  {lang: 'en', text: 'Hi Sam,\n\nYour reply on Friday changed my plan. Here is the route sheet. Could you pass it to Maya?\n\nAlex', severity: 'warning', excerpt: 'Your reply', says: /mentions what the reader gave/},
  {lang: 'fr', text: "Bonjour Marie,\n\nL'interview que vous m'avez accordée paraîtra lundi.\n\nAlex", severity: 'warning', excerpt: "L'interview que vous", says: /mentions what the reader gave/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nVotre réponse de vendredi a tout changé. Voici la feuille de route. Pourriez-vous la transmettre à Paul ?\n\nAlex', severity: 'warning', excerpt: 'Votre réponse', says: /mentions what the reader gave/},
  // An ask with something given: ask-without-thanks stays quiet, the thanks are still missing.
  {lang: 'en', text: 'Hi Sam,\n\nHere is the checklist we use for new reps. Could you share it with Maya?\n\nAlex', severity: 'warning', excerpt: 'Could you share it with Maya?', says: /asks for something/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nCi-joint le planning de formation. Merci de le valider avant jeudi.\n\nAlex', severity: 'warning', excerpt: 'Merci de le valider avant jeudi.', says: /polite order, not thanks/, expected: ['Pourriez-vous le valider avant jeudi ? Merci.']},
  // Irony is not thanks.
  {lang: 'en', text: 'Hi Marc,\n\nThanks for nothing: you took the time to sit through the demo, then went silent. Here is the price list anyway.\n\nLea', severity: 'warning', excerpt: 'took the time'},
  {lang: 'fr', text: "Bonjour Marc,\n\nMerci pour rien : vous avez pris le temps de voir la démo, puis plus de nouvelles. Voici tout de même la grille.\n\nLéa", severity: 'warning', excerpt: 'pris le temps'}
]

const good: Array<[Lang, string]> = [
  ['en', 'Hi Sam,\n\nThank you for your post on onboarding reps.\n\nAlex'],
  ['en', 'Hi Sam,\n\nTHANK YOU for the intro to Maya.\n\nAlex'],
  ['en', 'Hi Sam,\n\nThx for the quick reply. Could you send the deck too?\n\nAlex'],
  ['en', 'Hi Sam,\n\nI really appreciate the time you gave me on Tuesday.\n\nAlex'],
  ['en', 'Hi Sam,\n\nGrateful for your notes on the Lyon hires.\n\nAlex'],
  ['en', 'Hi Sam,\n\nThanks to you, we hired three reps in May.\n\nAlex'],
  ['en', 'Hi Sam,\n\nCould you call me on Friday? Thanks for the intro to Maya, by the way.\n\nAlex'],
  // Nothing to thank for: no finding (SPEC, hard cases).
  ['en', 'Hi Sam,\n\nYour team in Lyon doubled this year.\n\nAlex'],
  ['en', 'Thanks to our new API, your reps log calls in one click.'],
  // Give-only: a congratulation and a resource, nothing asked.
  ['en', 'Hi Sam,\n\nCongratulations on the Lyon office. Here is the hiring checklist we use, free to copy.\n\nAlex'],
  // An ask with nothing given: ask-without-thanks's finding, not this rule's (one problem, one finding).
  ['en', 'Hi Sam,\n\nCould you send me the pricing for Lyon?\n\nAlex'],
  ['en', 'Hi Sam,\n\nBook a slot here: calendly.com/alex/15\n\nAlex'],
  // Thanks in advance and a closing "Thanks," count.
  ['en', 'Hi Sam,\n\nThanks in advance for your reply. Can we talk on Tuesday?\n\nAlex'],
  ['en', 'Hi Sam,\n\nHere is the deck. Would you be open to a call next week?\n\nThanks,\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre article sur le recrutement à Lyon.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci de votre aide sur le recrutement.\n\nAlex'],
  ['fr', "Bonjour Marie,\n\nMerci de m'avoir reçu hier.\n\nAlex"],
  ['fr', "Bonjour Marie,\n\nMerci de faire partie de l'aventure depuis trois ans.\n\nAlex"],
  ['fr', 'Bonjour Marie,\n\nJe vous remercie pour votre accueil mardi.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nNous vous remercions pour cet échange.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nAvec tous nos remerciements pour la relecture.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nJe vous suis très reconnaissante pour la mise en relation avec Paul.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMille mercis pour votre retour. Pourriez-vous me rappeler jeudi ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nVotre équipe de Lyon a doublé cette année.\n\nAlex'],
  ['fr', 'Grâce à notre outil, vos équipes gagnent une heure par jour.'],
  ['fr', 'Bonjour Marie,\n\nFélicitations pour le bureau de Lyon. Voici la grille de recrutement que nous utilisons, libre de droits.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci de me rappeler.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nPourriez-vous transmettre ce message à votre équipe ?\n\nAlex'],
  ["fr", "Bonjour Marie,\n\nMerci d'avance pour votre retour. Seriez-vous disponible mardi ?\n\nAlex"],
  ['fr', 'Bonjour Marie,\n\nVoici le guide. Auriez-vous 15 minutes jeudi ?\n\nMerci !\nAlex']
]

describe('missing-thanks', () => {
  for (const item of bad) {
    it(`fires (${item.severity}) on ${item.lang}: ${JSON.stringify(item.text.slice(0, 70))}`, () => {
      const own = findings(item.text, item.lang)
      expect(own).toHaveLength(1)
      const [finding] = own
      expect(finding.severity).toBe(item.severity)
      expect(finding.excerpt).toBe(item.excerpt)
      expect(item.text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
      if (item.says) expect(finding.message).toMatch(item.says)
      expect(finding.suggestions.map((suggestion) => suggestion.fix.text)).toEqual(item.expected ?? [])
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 70))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('says nothing on a draft that is only a greeting', () => {
    expect(findings('Hi Sam,', 'en')).toEqual([])
  })

  it('"Merci de me rappeler" is an ask, not thanks (issue 3): ask-without-thanks reports it, alone', () => {
    const text = "Moi je pense que l'empathie et l'humain sont au cœur de notre démarche. L'empathie, c'est notre ADN. Merci de me rappeler."
    const report = lintText(text, {lang: 'fr'})
    expect(report.findings.filter((finding) => finding.rule === 'missing-thanks')).toEqual([])
    const own = report.findings.filter((finding) => finding.rule === 'ask-without-thanks')
    expect(own).toHaveLength(1)
    expect(own[0]).toMatchObject({severity: 'warning', excerpt: 'Merci de me rappeler.'})
    // No finding of any rule calls it thanks: where the words come up, they are called an order.
    for (const finding of report.findings) {
      if (!/merci de me rappeler/i.test(finding.message + ' ' + finding.excerpt)) continue
      expect(finding.message).not.toMatch(/weak thanks|thanks in advance|sign-off/i)
      if (/thank/i.test(finding.message)) expect(finding.message).toMatch(/order, not thanks/)
    }
  })
})
