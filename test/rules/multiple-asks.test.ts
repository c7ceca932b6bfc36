import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

function findings(text: string, lang: Lang): Finding[] {
  return lintText(text, {lang}).findings.filter((finding) => finding.rule === 'multiple-asks')
}

interface Bad {
  lang: Lang
  text: string
  /** The second and later asks, where the findings point. */
  excerpts: string[]
  says?: RegExp
}

const bad: Bad[] = [
  // A reply prompt that brings a meeting of its own after another ask.
  {
    lang: 'en',
    text: 'Hi Jo,\n\nCould you share your reporting template? And let me know if Tuesday works for a call.\n\nThanks,\nAl',
    excerpts: ['let me know if Tuesday works for a call.']
  },
  {
    lang: 'fr',
    text: 'Bonjour Claire,\n\nPourriez-vous me transmettre votre modèle de reporting ? Et dites-moi si mardi vous convient pour un appel.\n\nMerci,\nPaul',
    excerpts: ['dites-moi si mardi vous convient pour un appel.']
  },
  {
    lang: 'en',
    text: 'Hi Sam,\n\nThanks for your reply. Could you share the deck with your team? Also, would you be open to a call on Tuesday?\n\nAlex',
    excerpts: ['Also, would you be open to a call on Tuesday?'],
    says: /Second ask competing with `Could you share the deck with your team\?`/
  },
  {
    lang: 'en',
    text: 'Hi Sam,\n\nCan you intro me to Maya? Could you also share the report? And are you free Friday?\n\nAlex',
    excerpts: ['Could you also share the report?', 'And are you free Friday?'],
    says: /3 asks and questions compete/
  },
  {
    lang: 'en',
    text: 'Hi Sam,\n\nThanks for the note. Please share this post with your team. Could you also send me the hiring plan?\n\nAlex',
    excerpts: ['Could you also send me the hiring plan?']
  },
  {
    lang: 'en',
    text: 'Hi Sam,\n\nThanks for the chat. How do you onboard reps today? Would a call on Tuesday work?\n\nAlex',
    excerpts: ['Would a call on Tuesday work?']
  },
  {
    lang: 'en',
    text: 'Hi Sam,\n\nWould you be open to a call? I wrote up our onboarding plan. Did you see the report we sent? What did your CFO think?\n\nAlex',
    excerpts: ['Did you see the report we sent?', 'What did your CFO think?'],
    says: /3 asks and questions compete in this draft \(this is #2\)/
  },
  {
    lang: 'en',
    text: 'Would it be worth a call to see if\nthis could work for your team? Also, who runs hiring in Lyon?',
    excerpts: ['Also, who runs hiring in Lyon?']
  },
  {
    lang: 'fr',
    text: 'Bonjour Marie,\n\nMerci pour votre retour. Pourriez-vous partager le guide ? Seriez-vous disponible mardi pour un appel ?\n\nAlex',
    excerpts: ['Seriez-vous disponible mardi pour un appel ?']
  },
  {
    lang: 'fr',
    text: 'Bonjour Marie,\n\nPouvez-vous me présenter à Paul ? Auriez-vous aussi le rapport ? Et êtes-vous libre vendredi ?\n\nAlex',
    excerpts: ['Auriez-vous aussi le rapport ?', 'Et êtes-vous libre vendredi ?'],
    says: /3 asks and questions/
  },
  {
    lang: 'fr',
    text: 'Bonjour Marie,\n\nMerci pour votre message. Merci de partager ce post avec votre équipe. Pourriez-vous aussi m’envoyer le plan ?\n\nAlex',
    excerpts: ['Pourriez-vous aussi m’envoyer le plan ?']
  }
]

const good: Array<[Lang, string]> = [
  // The same meeting backed up by a reply prompt.
  ['en', 'Hi Jo,\n\nWould you be open to a call? Let me know if Tuesday works.\n\nThanks,\nAl'],
  ['en', 'Hi Sam,\n\nThanks for the reply. Would Tuesday at 10 work for a call?\n\nAlex'],
  // A booking link or a reply prompt backs up the ask; it does not compete with it.
  ['en', 'Hi Sam,\n\nWould you be open to a call? If so, pick a slot here: calendly.com/alex/30\n\nAlex'],
  ['en', 'Hi Sam,\n\nWould a short call help? Let me know.\n\nAlex'],
  // An alternative is the same ask.
  ['en', 'Hi Sam,\n\nAre you free Thursday at 10? Or Friday at 2?\n\nAlex'],
  // A wish next to the question that makes it is one ask.
  ['en', "Hi Sam,\n\nI'd love to hear how you ramped the Lyon team. Open to a call next week?\n\nAlex"],
  // Phatic questions and "any questions?" do not count.
  ['en', 'Hi Sam,\n\nHow are you? Could you send me the deck?\n\nAlex'],
  ['en', 'Hi Sam,\n\nHere is the deck. Any questions?\n\nAlex'],
  // A hard-wrapped question is one question.
  ['en', 'Hi Sam,\n\nWould it be worth a 10-minute call to see if\nthis could work for your team?\n\nAlex'],
  // Teasers answer themselves.
  ['en', 'Hi Sam,\n\nThe result? Ramp time fell by half. Worth a chat?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre retour. Seriez-vous disponible mardi à 10 h ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nSeriez-vous disponible pour un appel ? Si oui, réservez un créneau ici : calendly.com/alex/30\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nÊtes-vous libre jeudi à 10 h ? Ou vendredi à 14 h ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nUn court appel vous aiderait-il ? Dites-moi.\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nJe vous propose un audit de 30 minutes :\n- vos séquences\n- vos relances\nIntéressée ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nComment allez-vous ? Pourriez-vous me rappeler ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nVoici le guide. Des questions ?\n\nAlex'],
  // A hook or rhetorical opener is not an ask (SPEC, hard cases): it does not compete with the ask.
  ['en', 'Hi Sam,\n\nEver wondered why reps quit in month one? Would you be open to a call?\n\nAlex'],
  ['en', 'Hi Sam,\n\nLosing new reps in their first month? Most teams your size do. Would a call on Tuesday help?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nEt si vos commerciaux restaient deux fois plus longtemps ? Seriez-vous disponible pour un appel ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nVous perdez vos nouveaux commerciaux le premier mois ? C’est courant à votre taille. Un appel mardi vous aiderait-il ?\n\nAlex'],
  ['fr', 'Bonjour Marie,\n\nUn appel mardi ? Marre de relancer vos commerciaux pour le CRM ?\n\nAlex'],
  // Numbered options offered as one choice are one ask.
  ['en', 'Hi Sam,\n\nI do not want to fill your inbox. Should I:\n\n1. Close the file for now?\n2. Check back in January?\n3. Send the checklist so your team can run it alone?\n\nReply with the number.\n\nThanks,\nAlex'],
  ['fr', 'Bonjour Marie,\n\nJe ne veux pas encombrer votre boîte. Dois-je :\n\n1. Clore le dossier pour l’instant ?\n2. Vous recontacter en janvier ?\n3. Vous envoyer la grille pour que votre équipe l’utilise seule ?\n\nRépondez simplement par le chiffre.\n\nMerci,\nAlex']
]

describe('multiple-asks', () => {
  for (const item of bad) {
    it(`fires on ${item.lang}: ${JSON.stringify(item.text.slice(0, 70))}`, () => {
      const own = findings(item.text, item.lang)
      expect(own.map((finding) => finding.excerpt)).toEqual(item.excerpts)
      for (const finding of own) {
        expect(finding.severity).toBe('warning')
        expect(item.text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
      }
      if (item.says) expect(own.some((finding) => item.says!.test(finding.message))).toBe(true)
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 70))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }
})
