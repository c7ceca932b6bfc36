import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'self-centred-opening'

function findings(text: string, lang: Lang, options?: Record<string, unknown>): Finding[] {
  const report = lintText(text, {lang, ruleOptions: options && {[ID]: options}})
  const own = report.findings.filter((finding) => finding.rule === ID)
  // Positions point at the words reported.
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** [lang, draft, excerpt of the first finding, text the message must hold, suggestion] */
const bad: Array<[Lang, string, string, string?, string?]> = [
  ['fr', "Moi je pense que l'empathie et l'humain sont au cœur de notre démarche. L'empathie, c'est notre ADN. Merci de me rappeler.", 'Moi je', 'opens on you', 'Je'],
  ['fr', 'Bonjour Marie,\n\nMoi, je travaille dans le conseil depuis dix ans.', 'Moi, je', 'opens on you', 'Je'],
  ['fr', 'MOI JE PENSE QUE VOUS ALLEZ ADORER.', 'MOI JE', 'opens on you', 'Je'],
  ['fr', 'Bonjour Marie, je suis consultant en recrutement à Lyon.', 'je suis', 'opens on you'],
  // The writer behind a fronted phrase: "Here at Fernbank, we", "As the founder of Fernbank, I", "En tant que fondateur de Fernbank, j'".
  ['en', 'Hi Jo,\n\nHere at Fernbank, we help sales teams hire faster. Your post on onboarding was useful, thanks.', 'Here at Fernbank, we', 'opens on you'],
  ['en', 'Hi Jo,\n\nAs the founder of Fernbank, I help sales teams hire faster. Thanks for your post.', 'As the founder of Fernbank, I', 'opens on you'],
  ['fr', "Bonjour Claire,\n\nEn tant que fondateur de Fernbank, j'aide les équipes à recruter. Merci pour votre article.", "En tant que fondateur de Fernbank, j'", 'opens on you'],
  ['fr', 'Bonjour Marie,\n\nJe m’appelle Paul et je vends des logiciels.', 'Je m’appelle', 'opens on you'],
  ["fr", "Bonjour Marie,\n\nJ'accompagne les PME depuis dix ans.", "J'accompagne", 'opens on you'],
  ['fr', 'Bonjour Marie,\n\nChez Brightdesk, nous aidons les PME à recruter.', 'Chez Brightdesk, nous', 'opens on you'],
  ['fr', 'Bonjour Marie,\n\nNotre société conçoit des logiciels de paie.', 'Notre société', 'opens on you'],
  ['fr', 'Bonjour [Prénom],\n\n[Votre entreprise] aide les PME à recruter.', '[Votre entreprise]', 'opens on you'],
  ['fr', "Bonjour Luc,\n\nMerci pour votre retour. Pour ma part, moi j'ai toujours cru au terrain.", "moi j'", 'says "me" twice', "j'"],
  ['fr', "Bonjour Léa,\n\nMerci pour votre message. J'ai fondé l'agence en 2010. Nous faisons des sites. Nous les hébergeons. Mon équipe est à Lyon.", "J'ai", '4 of 5 sentences'],
  ['fr', 'Bonjour Léa,\n\nMerci pour votre message. J’ai vu le chantier. Je passe jeudi. Je vous appelle avant.', 'J’ai', '3 of 4 sentences'],
  ['en', 'Me, I think empathy and the human touch are at the heart of what we do. Empathy is in our DNA. Please call me back.', 'Me, I', 'says "me" twice', 'I'],
  ['en', 'Hi John, I am the founder of Brightdesk, a platform for sales teams.', 'I am', 'opens on you'],
  ['en', 'Hi John,\n\nI’m Sam, from Brightdesk.', 'I’m', 'opens on you'],
  ['en', 'HI JOHN,\n\nI AM SAM FROM BRIGHTDESK.', 'I AM', 'opens on you'],
  ['en', 'Hello Sam,\n\nAt Brightdesk, we build onboarding tools.', 'At Brightdesk, we', 'opens on you'],
  ['en', 'Hello Sam,\n\nMy name is Jo and I sell software.', 'My name is', 'opens on you'],
  ['en', 'Hello Sam,\n\nWe booked 23 meetings for a team like yours.', 'We booked', 'opens on you'],
  ['en', 'Hi {{first_name}},\n\n{{Your_Company}} helps teams ramp faster.', '{{Your_Company}}', 'opens on you'],
  ['en', 'Hi Ana,\n\nThanks for the reply. I run a small studio. We design menus. We print them too. My rates are low.', 'I', '4 of 5 sentences'],
  // A stock first line does not hide a self-centred sentence after it (SPEC, hard cases), wrapped or not.
  ['en', 'Hi Mrs. Patel,\n\nI hope this email finds you well. I am the regional sales manager at FeeFlow.', 'I am', 'right after a stock line'],
  ['en', 'Hi Mrs. Patel,\n\nI hope this email\nfinds you well. We are the leading fee platform for schools.', 'We are', 'right after a stock line'],
  ['en', 'Hi Ngozi,\n\nCongratulations on the new role! Our company helps exporters clear customs.', 'Our company', 'right after a stock line'],
  ['en', 'Hi Ngozi,\n\nHappy Monday! I hope you are well. I am the founder of ExportLink.', 'I am', 'right after a stock line'],
  ['en', 'Hi Sam,\n\nHope you are well?I am the person who sent you the quote in May.', 'I am', 'right after a stock line'],
  ['fr', 'Bonjour Madame Roche,\n\nJ’espère que vous allez bien. Je suis Camille, de la société Voltéo.', 'Je suis', 'right after a stock line'],
  ['fr', 'Bonjour Madame Roche,\n\nJ’espère que vous allez\nbien. Nous sommes la société qui installe vos bornes.', 'Nous sommes', 'right after a stock line'],
  ['fr', 'Bonjour Paul,\n\nFélicitations pour votre nouveau poste ! Notre société aide les exportateurs à dédouaner.', 'Notre société', 'right after a stock line'],
  ['fr', 'Bonjour Paul,\n\nVous allez bien?Je suis la personne qui vous a envoyé le devis en mai.', 'Je suis', 'opens a sentence on you'],
  // Praise or a question first does not hide a sentence defining the writer.
  ['en', 'Hi Rachel,\n\nYour new role is a great fit. Your team must be thrilled. I am the founder of ShiftPilot.', 'I am the', 'presents you'],
  ['en', 'Hi Rachel,\n\nDid you get the plan?I am the person who sent you the racking quote.', 'I am the', 'presents you'],
  ['fr', 'Bonjour Rachel,\n\nVotre nouveau poste vous va bien. Votre équipe doit être ravie. Je suis responsable commercial chez Stockia.', 'Je suis responsable', 'presents you'],
  ['fr', 'Bonjour Rachel,\n\nAvez-vous reçu le plan ?Je suis la personne qui vous a envoyé le devis.', 'Je suis la', 'presents you']
]

const good: Array<[Lang, string]> = [
  // A fronted phrase about the reader's own thing opens on the reader.
  ['en', 'Hi Jo,\n\nAs a reader of your newsletter, I liked the piece on ramp time. Thanks!'],
  ['fr', "Bonjour Claire,\n\nEn tant que lecteur de votre lettre, j'ai aimé l'article sur l'intégration. Merci !"],
  // A sentence about the writer later in a draft that opened on the reader is fine.
  ['en', 'Hi Sam,\n\nYour checklist saved my team a week. We are rebuilding ours this quarter. Thanks for sharing it.'],
  ['fr', 'Bonjour Paul,\n\nVotre grille nous a fait gagner une semaine. Nous sommes en train de refaire la nôtre. Merci de l’avoir partagée.'],
  // An inclusive "we" means the writer and the reader (SPEC, hard cases).
  ['en', 'Hi Ines,\n\nWe sat next to each other on the train to Leeds on Thursday and talked about your first hire. Here is the plan you sketched.'],
  ['en', 'Hi Ines,\n\nWe both thought the commission plan was too complex. Thanks for the long talk.'],
  ['fr', 'Bonjour Inès,\n\nNous avons déjeuné ensemble jeudi au forum de Nantes. Voici le plan que vous aviez griffonné.'],
  ['fr', 'Bonjour Inès,\n\nNous étions tous les deux d’accord sur le plan de commission. Merci pour ce long échange.'],
  ['fr', "Bonjour Marie,\n\nVotre article sur le recrutement m'a appris beaucoup, merci."],
  ['fr', "Bonjour Marie, j'ai lu votre article sur le recrutement : merci."],
  ['fr', "Bonjour Marie,\n\nNotre échange de mardi m'a fait réfléchir. Merci pour votre temps."],
  ['fr', 'Bonjour Marie,\n\nNous nous sommes croisés au salon de Lyon. Merci pour le café.'],
  ['fr', 'Bonjour Marie,\n\nJe vous remercie pour votre accueil. Je vous souhaite une belle fin de semaine. Votre équipe a été formidable.'],
  ['fr', 'Bonjour Marie,\n\nVous écriviez « moi je crois au terrain » : c’est très juste, merci.'],
  ['fr', 'Bonjour Marie,\n\nChez vous, le recrutement va vite. Merci pour votre accueil.'],
  ['fr', 'Bonjour Marie,\n\nMerci pour votre message. Je passe jeudi. Votre équipe sera là ? Le chantier avance bien.'],
  ['en', 'Hi John,\n\nYour post on ramping new reps was the clearest I have read. Thanks.'],
  ['en', 'Hi John, thanks for the intro to Sam.'],
  ['en', 'Hello Sam,\n\nWe met at SaaStr last week. Thanks for the coffee.'],
  ['en', 'Hi Sam,\n\nOur conversation on Tuesday stayed with me. Thank you for your time.'],
  ['en', 'Hi Sam,\n\nI hope the launch went well. I loved the demo. Your team did great work. Thanks again.'],
  ['en', 'Hi Sam, email me, I reply fast. Thanks for your note.'],
  ['en', 'Hi Sam,\n\nAt the moment, your team is hiring fast. Congratulations on the launch.'],
  ['en', 'Hi Sam,\n\nYou wrote "me, I never cold call" and it stuck with me. Thanks for that.']
]

describe(ID, () => {
  for (const [lang, text, excerpt, message, fix] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => {
      const own = findings(text, lang)
      expect(own.length).toBeGreaterThan(0)
      expect(own[0].excerpt).toBe(excerpt)
      if (message) expect(own.map((finding) => finding.message).join('\n')).toContain(message)
      if (fix) expect(own[0].suggestions.map((suggestion) => suggestion.fix.text)).toEqual([fix])
      for (const finding of own) expect(finding.severity).toBe('warning')
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 50))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('reports the opener and the share of writer sentences apart, at different words', () => {
    const text = 'Bonjour Léa,\n\nNous sommes une agence. Nous faisons des sites. Je suis à Lyon. Votre projet ?'
    const own = findings(text, 'fr')
    expect(own.map((finding) => finding.excerpt)).toEqual(['Nous sommes', 'Nous'])
    expect(own[1].offset).toBeGreaterThan(own[0].offset)
    expect(own[1].message).toContain('3 of 4 sentences')
  })

  it('counts only body sentences: greeting and sign-off left out', () => {
    const text = 'Hi Ana,\n\nThanks for the photos. I loved the menu. Your chef is great.\n\nBest,\nSam'
    expect(findings(text, 'en')).toEqual([])
  })

  it('takes openers from the config: words add and remove', () => {
    const text = 'Hello Sam,\n\nWe booked 23 meetings for a team like yours.'
    expect(findings(text, 'en', {words: {en: {remove: ['we *']}}})).toEqual([])
    const added = 'Bonjour Marie,\n\nJe représente une agence de Lyon.'
    expect(findings(added, 'fr', {words: {fr: {remove: ['je dirige|fonde|gère|travaille|accompagne|représente']}}})).toEqual([])
    expect(findings(added, 'fr', {words: {fr: {remove: ['je dirige|fonde|gère|travaille|accompagne|représente'], add: ['je représente']}}})[0].excerpt).toBe('Je représente')
  })

  it('needs minSentences sentences and more than `share` of them', () => {
    const text = 'Bonjour Léa,\n\nMerci pour votre message. Je passe jeudi. Je vous appelle avant.'
    expect(findings(text, 'fr').map((finding) => finding.message)[0]).toContain('2 of 3')
    expect(findings(text, 'fr', {minSentences: 4})).toEqual([])
    expect(findings(text, 'fr', {share: 0.7})).toEqual([])
  })
})
