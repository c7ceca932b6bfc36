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
  // No thanks at all.
  {lang: 'en', text: 'Hi Sam,\n\nYour team in Lyon doubled this year.\n\nAlex', severity: 'info', excerpt: 'Your team in Lyon doubled this year.', says: /No thank-you/},
  {lang: 'en', text: 'Hi Sam,\n\nCould you send me the pricing for Lyon?\n\nAlex', severity: 'warning', excerpt: 'Could you send me the pricing for Lyon?', says: /asks for something/},
  {lang: 'en', text: 'Hi Sam,\n\nBook a slot here: calendly.com/alex/15\n\nAlex', severity: 'warning', excerpt: 'Book a slot here: calendly.com/alex/15'},
  {lang: 'en', text: 'Hi Sam,\n\nI enjoyed our call yesterday. The proposal follows on Friday.\n\nAlex', severity: 'warning', excerpt: 'I enjoyed our call yesterday.', says: /mentions what the reader gave \(`our call`\)/},
  {lang: 'en', text: 'Thanks to our new API, your reps log calls in one click.', severity: 'info', excerpt: 'Thanks to our new API, your reps log calls in one click.'},
  // Weak thanks only: a note, saying so.
  {lang: 'en', text: 'Hi Sam,\n\nThanks in advance for your reply. Can we talk on Tuesday?\n\nAlex', severity: 'info', excerpt: 'Can we talk on Tuesday?', says: /Only weak thanks.*`Thanks in advance`/},
  {lang: 'en', text: 'Hi Sam,\n\nWould you be open to a call next week?\n\nThanks,\nAlex', severity: 'info', excerpt: 'Would you be open to a call next week?', says: /bare sign-off/},
  {lang: 'en', text: 'Hi Sam,\n\nI’d be grateful if you could share the job post.\n\nAlex', severity: 'info', excerpt: 'I’d be grateful if you could share the job post.', says: /conditional thanks/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMerci de me rappeler.\n\nAlex', severity: 'warning', excerpt: 'Merci de me rappeler.', says: /polite order, not thanks/, expected: ['Pourriez-vous me rappeler ?']},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMERCI DE ME RAPPELER.\n\nAlex', severity: 'warning', excerpt: 'MERCI DE ME RAPPELER.', says: /polite order, not thanks/, expected: ['Pourriez-vous me rappeler ?']},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMerci d’ajouter le lien vers notre guide sur votre page.\n\nAlex', severity: 'warning', excerpt: 'Merci d’ajouter le lien vers notre guide sur votre page.', expected: ['Pourriez-vous ajouter le lien vers notre guide sur votre page ?']},
  {lang: 'fr', text: 'Bonjour Marie,\n\nPourriez-vous transmettre ce message à votre équipe ?\n\nAlex', severity: 'warning', excerpt: 'Pourriez-vous transmettre ce message à votre équipe ?'},
  {lang: 'fr', text: "Bonjour Marie,\n\nL'interview que vous m'avez accordée paraîtra lundi.\n\nAlex", severity: 'warning', excerpt: "L'interview que vous m'avez accordée paraîtra lundi.", says: /mentions what the reader gave/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nVotre équipe de Lyon a doublé cette année.\n\nAlex', severity: 'info', excerpt: 'Votre équipe de Lyon a doublé cette année.'},
  {lang: 'fr', text: "Bonjour Marie,\n\nMerci d'avance pour votre retour.\n\nAlex", severity: 'info', excerpt: "Merci d'avance pour votre retour.", says: /Only weak thanks.*`Merci d'avance`/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nJe vous serais reconnaissante de me rappeler.\n\nAlex', severity: 'info', excerpt: 'Je vous serais reconnaissante de me rappeler.', says: /conditional/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nAuriez-vous 15 minutes jeudi ?\n\nMerci !\nAlex', severity: 'info', excerpt: 'Auriez-vous 15 minutes jeudi ?', says: /bare sign-off/},
  {lang: 'fr', text: 'Grâce à notre outil, vos équipes gagnent une heure par jour.', severity: 'info', excerpt: 'Grâce à notre outil, vos équipes gagnent une heure par jour.'}
]

const good: Array<[Lang, string]> = [
  ['en', 'Hi Sam,\n\nThank you for your post on onboarding reps.\n\nAlex'],
  ['en', 'Hi Sam,\n\nTHANK YOU for the intro to Maya.\n\nAlex'],
  ['en', 'Hi Sam,\n\nThx for the quick reply. Could you send the deck too?\n\nAlex'],
  ['en', 'Hi Sam,\n\nI really appreciate the time you gave me on Tuesday.\n\nAlex'],
  ['en', 'Hi Sam,\n\nGrateful for your notes on the Lyon hires.\n\nAlex'],
  ['en', 'Hi Sam,\n\nThanks to you, we hired three reps in May.\n\nAlex'],
  ['en', 'Hi Sam,\n\nCould you call me on Friday? Thanks for the intro to Maya, by the way.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre article sur le recrutement à Lyon.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci de votre aide sur le recrutement.\n\nAlex'],
  ['fr', "Bonjour Marie,\n\nMerci de m'avoir reçu hier.\n\nAlex"],
  ['fr', "Bonjour Marie,\n\nMerci de faire partie de l'aventure depuis trois ans.\n\nAlex"],
  ['fr', 'Bonjour Marie,\n\nJe vous remercie pour votre accueil mardi.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nNous vous remercions pour cet échange.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nAvec tous nos remerciements pour la relecture.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nJe vous suis très reconnaissante pour la mise en relation avec Paul.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMille mercis pour votre retour. Pourriez-vous me rappeler jeudi ?\n\nAlex']
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
      expect(finding.suggestions).toEqual(item.expected ?? [])
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

  it('"Merci de me rappeler" is an ask, not thanks (issue 3)', () => {
    const text = "Moi je pense que l'empathie et l'humain sont au cœur de notre démarche. L'empathie, c'est notre ADN. Merci de me rappeler."
    const report = lintText(text, {lang: 'fr'})
    const own = report.findings.filter((finding) => finding.rule === 'missing-thanks')
    expect(own).toHaveLength(1)
    expect(own[0]).toMatchObject({severity: 'warning', excerpt: 'Merci de me rappeler.'})
    expect(text.slice(own[0].offset, own[0].endOffset)).toBe('Merci de me rappeler.')
    // No finding of any rule calls it thanks: where the words come up, they are called an order.
    for (const finding of report.findings) {
      if (!/merci de me rappeler/i.test(finding.message + ' ' + finding.excerpt)) continue
      expect(finding.message).not.toMatch(/weak thanks|thanks in advance|sign-off/i)
      if (/thank/i.test(finding.message)) expect(finding.message).toMatch(/order, not thanks/)
    }
  })
})
