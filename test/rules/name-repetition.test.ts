import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {DraftMeta, Finding, Lang} from '../../src/types.js'

const ID = 'name-repetition'

function findings(text: string, lang: Lang, meta: DraftMeta = {}, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, meta, ruleOptions: options && {[ID]: options}})
  const own = report.findings.filter((finding) => finding.rule === ID)
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** The offset of the n-th (1-based) occurrence of `needle`. */
function nth(text: string, needle: string, n: number): number {
  let at = -1
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1)
  return at
}

// [lang, draft, meta, what is repeated, occurrences reported (1-based)]
const bad: Array<[Lang, string, DraftMeta, string, number[]]> = [
  ['en', 'Hi Sarah,\n\nSarah, your talk on onboarding was great. Would love your take on it, Sarah.', {}, 'Sarah', [3]],
  ['en', 'Hi Sarah, Sarah, Sarah, Sarah: thanks.', {}, 'Sarah', [3, 4]],
  ['en', "Subject: Sarah's onboarding\n\nHi Sarah,\n\nThanks for the talk, Sarah.", {}, 'Sarah', [3]],
  ['en', 'Hi {{first_name}},\n\nQuick one, {{first_name}}: is your team hiring? Thanks, {{first_name}}.', {}, '{{first_name}}', [3]],
  ['en', 'Hi {{First_Name}},\n\nQuick one, {{ first_name }}: is your team hiring? Thanks, {{FIRST_NAME}}.', {}, '{{FIRST_NAME}}', [1]],
  ['en', 'Dear Ms Smith,\n\nThank you, Ms Smith, for the visit. Smith family recipes are the best.', {}, 'Smith', [3]],
  ['en', 'Hello,\n\nAna, thanks for the demo. Ana, the team loved it. Thanks again, Ana.', {readerName: 'Ana Ruiz'}, 'Ana', [3]],
  ['en', 'Hi Tom,\n\nAcme is growing. Acme hires. Thanks to the Acme team for the demo.', {company: 'Acme Inc.'}, 'Acme', [3]],
  ['en', "Subject: [Company Name]'s hiring\n\nHi [First Name],\n\n[Company Name] is hiring fast. Would it help [Company Name]?", {}, '[Company Name]', [3]],
  ['en', 'Hi Tom,\n\nI saw your team at Brightdesk is hiring. Brightdesk is growing fast, and Brightdesk reps need ramp time.', {}, 'Brightdesk', [3]],
  ['fr', 'Bonjour Marie,\n\nMarie, votre conférence était passionnante. Merci Marie !', {}, 'Marie', [3]],
  ['fr', 'Bonjour [Prénom],\n\nMerci [Prénom] pour votre message. À très vite [Prénom] !', {}, '[Prénom]', [3]],
  ['fr', 'Bonjour {{prénom}},\n\nMerci {{prénom}} pour votre message. À très vite {{prénom}} !', {}, '{{prénom}}', [3]],
  ['fr', 'Bonjour Madame Durand,\n\nMerci Madame Durand. Durand et fils est une belle maison.', {}, 'Durand', [3]],
  ['fr', "Bonjour Luc,\n\nJ'ai vu que votre équipe chez Brightdesk recrute. Brightdesk grandit vite et Brightdesk a besoin de commerciaux.", {}, 'Brightdesk', [3]],
  ['fr', "Objet : [Nom de l'entreprise]\n\nBonjour,\n\n[Nom de l'entreprise] recrute. Bravo à [Nom de l’entreprise] !", {}, '[Nom de l’entreprise]', [1]]
]

const good: Array<[Lang, string, DraftMeta?]> = [
  ['en', 'Hi Sarah,\n\nThanks for your talk on onboarding. Would you share the slides, Sarah?'],
  ['en', 'Hi Tom,\n\nCongratulations to your team at Brightdesk on the launch. Thanks for the Brightdesk demo.'],
  ['en', 'Hi Will,\n\nThanks for the notes. Will you be in Lyon next week? I will bring the samples. Will the team join?'],
  // A capitalised word repeated is not a company unless something says so.
  ['en', 'Hi Tom,\n\nI worked at Google for years. Google taught me a lot. Google still does. Thanks for the chat.'],
  ['en', 'Hi Tom,\n\nThanks for the call. Acme, Acme and Acme: three mentions, but nobody said Acme is your company.'],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre conférence sur le recrutement. Pourriez-vous partager les diapositives ?'],
  ['fr', 'Bonjour Pierre,\n\nMerci pour la visite de la carrière : la pierre de Comblanchien est superbe. Pierre, à bientôt.'],
  // The sender's own company, signed at the bottom, is not the reader's.
  ['fr', 'Bonjour [Prénom],\n\nVoici les nouveautés de [Entreprise] ce trimestre. Merci de suivre [Entreprise] !\n\nL’équipe [Entreprise]'],
  // Quoted, the name is mentioned, not used.
  ['en', 'Hi Sarah,\n\nThanks, Sarah. Your sign "Ask Sarah" made me smile.']
]

describe(ID, () => {
  for (const [lang, text, meta, needle, which] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => {
      const own = findings(text, lang, meta)
      expect(own.map((finding) => finding.excerpt)).toEqual(which.map(() => needle))
      // `which` counts occurrences written exactly as `needle`.
      expect(own.map((finding) => finding.offset)).toEqual(which.map((n) => nth(text, needle, n)))
      expect(own[0].severity).toBe('warning')
      expect(own[0].message).toMatch(/a \d+(st|nd|rd|th) time in a \d+-word draft/)
    })
  }
  for (const [lang, text, meta] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => expect(findings(text, lang, meta)).toEqual([]))
  }

  it('allows one more use per wordsPerExtraUse words', () => {
    const filler = ' Your notes on hiring were clear and the figures helped the whole team plan next quarter.'.repeat(10)
    const text = `Hi Sarah,\n\nSarah, thanks for the talk.${filler} See you soon, Sarah.`
    expect(findings(text, 'en')).toEqual([])
    expect(findings(text, 'en', {}, {wordsPerExtraUse: 1000})).toHaveLength(1)
    expect(findings('Hi Sarah, thanks, Sarah.', 'en', {}, {nameUses: 1})).toHaveLength(1)
  })
})
