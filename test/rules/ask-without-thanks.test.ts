import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

function findings(text: string, lang: Lang): Finding[] {
  return lintText(text, {lang}).findings.filter((finding) => finding.rule === 'ask-without-thanks')
}

interface Bad {
  lang: Lang
  text: string
  /** The ask the finding points at. */
  excerpt: string
  says?: RegExp
  expected?: string[]
}

const bad: Bad[] = [
  {lang: 'fr', text: 'Bonjour, pourriez-vous ajouter le lien vers mon livre sur la page ? Cordialement', excerpt: 'pourriez-vous ajouter le lien vers mon livre sur la page ?', says: /no thanks and nothing given/},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMerci de partager ce post avec votre équipe.\n\nAlex', excerpt: 'Merci de partager ce post avec votre équipe.', says: /is an order, not thanks/, expected: ['Pourriez-vous partager ce post avec votre équipe ? Merci.']},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMerci d’ajouter le lien.\n\nAlex', excerpt: 'Merci d’ajouter le lien.', expected: ['Pourriez-vous ajouter le lien ? Merci.']},
  {lang: 'fr', text: 'Bonjour Marie,\n\nMERCI DE BIEN VOULOIR ME RAPPELER.\n\nAlex', excerpt: 'MERCI DE BIEN VOULOIR ME RAPPELER.', expected: ['Pourriez-vous me rappeler ? Merci.']},
  {lang: 'fr', text: 'Réservez un créneau ici : calendly.com/alex/30', excerpt: 'Réservez un créneau ici : calendly.com/alex/30'},
  {lang: 'fr', text: 'Bonjour Marie,\n\nJe vous serais reconnaissante de transmettre ce message à votre équipe.\n\nAlex', excerpt: 'Je vous serais reconnaissante de transmettre ce message à votre équipe.'},
  {lang: 'fr', text: 'Bonjour Marie,\n\nGrâce à notre outil, vos commerciaux gagnent une heure. Découvrez la démo ici.\n\nAlex', excerpt: 'Découvrez la démo ici.'},
  {lang: 'en', text: 'Hi Sam, could you add a link to my book on your resources page?', excerpt: 'could you add a link to my book on your resources page?'},
  {lang: 'en', text: 'Book a call here: calendly.com/alex/30', excerpt: 'Book a call here: calendly.com/alex/30'},
  {lang: 'en', text: 'Hi Sam,\n\nPLEASE FORWARD THIS TO YOUR HEAD OF SALES.\n\nAlex', excerpt: 'PLEASE FORWARD THIS TO YOUR HEAD OF SALES.'},
  {lang: 'en', text: 'Hi Sam,\n\nThanks to our new dashboard, managers see every pipeline. Worth a quick look?\n\nAlex', excerpt: 'Worth a quick look?'},
  {lang: 'en', text: 'Hi Sam,\n\nI’d appreciate it if you could introduce me to your head of sales.\n\nAlex', excerpt: 'I’d appreciate it if you could introduce me to your head of sales.'},
  // Irony is not thanks.
  {lang: 'en', text: 'Hi Victor,\n\nFive emails and not a word back. Thanks for nothing.\n\nGrab a slot on my calendar: calendly.com/sam/payroll\n\nSam', excerpt: 'Grab a slot on my calendar: calendly.com/sam/payroll'},
  {lang: 'fr', text: 'Bonjour Victor,\n\nCinq relances et pas de nouvelles. Merci pour rien.\n\nSi vous changez d’avis, appelez-moi au 06 45 78 12 90.\n\nSam', excerpt: 'appelez-moi au 06 45 78 12 90.'},
  // Points at the firm ask, not at the question that leads to it.
  {lang: 'en', text: 'Hi Sam,\n\nQuick question: how do you onboard reps today? Worth a chat?\n\nAlex', excerpt: 'Worth a chat?'}
]

const good: Array<[Lang, string]> = [
  ['en', 'Thanks for the chat yesterday. Here is the deck I promised. Could you forward it to Sam?'],
  ['en', 'Hi Sam,\n\nThank you for your question on ramp time. Would Tuesday work to go through it?\n\nAlex'],
  ['en', 'Hi Maya,\n\nThanks for introducing me to Sam. Could you tell me the best time to reach him?\n\nAlex'],
  // Something given is enough, even without thanks (missing-thanks still has its say).
  ['en', 'Hi Sam,\n\nHere is the checklist we use for new reps. Could you share it with Maya?\n\nAlex'],
  ['en', 'Hi Sam,\n\nYou asked about ramp time: it is six weeks in Lyon. Would a call help?\n\nAlex'],
  ['en', 'Hi Sam,\n\nHappy to introduce you to Maya, who hired twelve reps last year. Are you free on Friday?\n\nAlex'],
  ['en', 'Hi Sam,\n\nMind if I send over the three fixes I noticed on your pricing page?\n\nAlex'],
  ['en', 'Hi Sam,\n\nYour team in Lyon doubled this year.\n\nAlex'],
  ['fr', "Merci pour l'échange d'hier. Voici le guide promis. Pourriez-vous le transmettre à Paul ?"],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre recommandation auprès de Paul. Auriez-vous son numéro ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nJe vous remercie pour votre accueil. Pourriez-vous me rappeler jeudi ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nCi-joint le planning de formation. Pourriez-vous le valider ?\n\nAlex'],
  ["fr", "Bonjour Marie,\n\nVous m'aviez demandé nos délais : deux semaines. Un appel mardi pour en parler ?\n\nAlex"],
  ['fr', 'Bonjour Marie,\n\nJe peux vous mettre en relation avec Paul, qui forme nos commerciaux. Seriez-vous disponible jeudi ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nOn vous offre un audit gratuit de vos séquences de relance. Intéressée ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nVotre équipe de Lyon a doublé cette année.\n\nAlex'],
  // Any real thanks counts: a closing "Thanks," / "Merci," and thanks in advance (SPEC, hard cases).
  ['en', 'Hi Sam,\n\nCan you share this post with your team? Thanks in advance.\n\nAlex'],
  ['en', 'Hi Sam,\n\nWould you be open to a call next week?\n\nThanks,\nAlex'],
  ['fr', 'Bonjour Marie,\n\nSeriez-vous disponible mardi pour un appel ? Merci d’avance.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nAuriez-vous 15 minutes cette semaine ?\n\nMerci,\nAlex']
]

describe('ask-without-thanks', () => {
  for (const item of bad) {
    it(`fires on ${item.lang}: ${JSON.stringify(item.text.slice(0, 70))}`, () => {
      const own = findings(item.text, item.lang)
      expect(own).toHaveLength(1)
      const [finding] = own
      expect(finding.severity).toBe('warning')
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
})
