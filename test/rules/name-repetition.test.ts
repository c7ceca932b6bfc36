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
  // "Chez Bioline, vous…", "At Acme, you…": the cue opens the sentence and the reader follows the name.
  ['fr', 'Bonjour Luc,\n\nChez Bioline, vous suivez la traçabilité de près. Bioline gagnerait du temps, comme les concurrents de Bioline. Bioline aussi.', {}, 'Bioline', [3, 4]],
  ['en', 'Hi Tom,\n\nAt Acme, you ship weekly. Acme could save a day, like the rivals of Acme. Acme can do it.', {}, 'Acme', [3, 4]],
  ['fr', 'Bonjour Luc,\n\nLuc, chez Bioline, vous suivez la traçabilité. Bioline gagnerait du temps, comme les concurrents de Bioline. Bioline aussi.', {}, 'Bioline', [3, 4]],
  ['fr', "Objet : [Nom de l'entreprise]\n\nBonjour,\n\n[Nom de l'entreprise] recrute. Bravo à [Nom de l’entreprise] !", {}, '[Nom de l’entreprise]', [1]]
]

const good: Array<[Lang, string, DraftMeta?]> = [
  ['en', 'Hi Sarah,\n\nThanks for your talk on onboarding. Would you share the slides, Sarah?'],
  ['en', 'Hi Tom,\n\nCongratulations to your team at Brightdesk on the launch. Thanks for the Brightdesk demo.'],
  ['en', 'Hi Will,\n\nThanks for the notes. Will you be in Lyon next week? I will bring the samples. Will the team join?'],
  // A capitalised word repeated is not a company unless something says so.
  ['en', 'Hi Tom,\n\nI worked at Google for years. Google taught me a lot. Google still does. Thanks for the chat.'],
  ['en', 'Hi Tom,\n\nThanks for the call. Acme, Acme and Acme: three mentions, but nobody said Acme is your company.'],
  // The writer's own company at a sentence start: "Chez Fernbank, nous…".
  ['fr', 'Bonjour Luc,\n\nChez Fernbank, nous livrons en 48 h. Fernbank livre aussi le samedi, et Fernbank reprend les invendus. Merci !'],
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

// The reader's first name counts only where it designates the reader: not a namesake colleague,
// not a city or a thing named like them.
describe(`${ID}: names and namesakes`, () => {
  const quiet: Array<[Lang, string, DraftMeta]> = [
    ['en', 'Subject: Your Sydney move\n\nHi Sydney,\n\nThanks for the call. Here is the plan for your move to Sydney, written by my colleague Sydney Okafor. She lists the forms for the first Sydney payroll, and Sydney Okafor can answer at any time.\n\nBest,\nJack', {}],
    ['en', 'Hi Paris,\n\nThanks for the tour of the Paris office. Our team in Paris met yours from Paris last week; the Paris figures are attached.\n\nBest,\nLi', {}],
    ['en', 'Hello,\n\nThanks, Grace. My colleague Grace Miller wrote the guide; Grace Miller will call you. The Grace Hopper award is in May.', {readerName: 'Grace Lee'}],
    ['fr', 'Bonjour Nancy,\n\nMerci pour la visite de votre agence de Nancy. Ma collègue Nancy Weber, qui suit nos chantiers de Nancy et de Metz, vous envoie le devis ; Nancy Weber reste joignable.\n\nLéa', {}],
    ['fr', 'Bonjour Florence,\n\nMerci pour votre accueil. Nos deux hôtels à Florence et celui de Florence Nord sont libres en mai ; ma collègue Florence Roux vous écrira.\n\nPaul', {}],
    ['fr', 'Bonjour,\n\nMerci, Lourdes. Notre collègue Lourdes Garcia et l’agence de Lourdes vous attendent ; Lourdes Garcia a tout préparé.', {readerName: 'Lourdes Martin'}]
  ]
  for (const [lang, text, meta] of quiet) {
    it(`counts only the reader in ${lang}: ${JSON.stringify(text.slice(0, 40))}`, () => expect(findings(text, lang, meta)).toEqual([]))
  }

  it('still counts the reader named in full, and vocatives', () => {
    const text = 'Hi Ana Ruiz,\n\nThanks, Ana. Ana Ruiz, your team is great. Ana, call me.'
    expect(findings(text, 'en').map((finding) => finding.offset)).toEqual([nth(text, 'Ana', 3), nth(text, 'Ana', 4)])
    const fr = 'Bonjour Nancy,\n\nMerci Nancy pour la visite. Nancy, votre équipe est formidable. À bientôt Nancy !'
    expect(findings(fr, 'fr').map((finding) => finding.offset)).toEqual([nth(fr, 'Nancy', 3), nth(fr, 'Nancy', 4)])
  })
  it('counts the reader named after a greeting with their surname in the campaign file', () => {
    const text = 'Hello,\n\nGrace Lee, thanks. Grace, the plan is ready. Thanks again, Grace Lee.'
    expect(findings(text, 'en', {readerName: 'Grace Lee'}).map((finding) => finding.offset)).toEqual([nth(text, 'Grace', 3)])
  })
})
