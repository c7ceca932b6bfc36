import {describe, expect, it} from 'vitest'
import en from '../../rules/canned-personalization/en.json' with {type: 'json'}
import fr from '../../rules/canned-personalization/fr.json' with {type: 'json'}
import rule, {withoutOptionalHead} from '../../rules/canned-personalization/index.js'
import {lintText} from '../../src/engine.js'
import type {Finding, Lang} from '../../src/types.js'

const ID = 'canned-personalization'

function findings(text: string, lang: Lang): Finding[] {
  const report = lintText(text, {lang})
  const own = report.findings.filter((finding) => finding.rule === ID)
  // Positions point at the words reported.
  for (const finding of own) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
  return own
}

/** [lang, draft, excerpts reported, text the first message must hold] */
const bad: Array<[Lang, string, string[], string?]> = [
  // A follow-up whose only figure is the writer's own date brings no news.
  ['fr', "Bonjour,\n\nJe reviens vers vous car je n'ai pas eu de nouvelles depuis l'envoi de la proposition le 4.\n\nPaul", ['Je reviens vers vous']],
  // The next sentence's figures and names are no detail of what was seen when it asks, speaks of the
  // writer, or names a topic of its own (a topic counts in the observation's sentence).
  ['fr', "Bonjour Madame Leroy,\n\nJ'ai vu votre profil. Auriez-vous 15 minutes mardi ?\n\nMerci,\nKevin", ["J'ai vu votre profil"]],
  ['fr', "Bonjour,\n\nJ'ai vu votre profil. Chez Expensio, on simplifie les notes de frais.\n\nKevin", ["J'ai vu votre profil"]],
  ['fr', "Bonjour,\n\nJ'ai vu votre profil. Votre équipe perd sans doute du temps sur la gestion des notes de frais.\n\nKevin", ["J'ai vu votre profil"]],
  ['en', 'Hi Jo,\n\nI saw your profile. Do you have 15 minutes on Tuesday?\n\nThanks,\nKevin', ['I saw your profile']],
  ['en', 'Hi Sam, I just came across your profile on LinkedIn.', ['I just came across your profile'], 'say what you read'],
  ['en', 'I stumbled upon your website yesterday.', ['I stumbled upon your website']],
  ['en', 'I HOPE THIS EMAIL FINDS YOU WELL.', ['I HOPE THIS EMAIL FINDS YOU WELL'], 'stock line'],
  ['en', 'Hope you’re doing well!', ['Hope you’re doing well']],
  ["en", "I'm hoping this message finds you well.", ['hoping this message finds you well']],
  ['en', 'I noticed that you are growing fast.', ['I noticed that'], 'state the fact'],
  // With a detail of what was seen, an observation is personal (see "stock vs specific" below).
  ['en', 'I noticed that you are growing fast. Congratulations!', ['I noticed that']],
  ['en', 'I was really impressed by your background in logistics.', ['I was really impressed by your background']],
  ["en", "I'd love to pick your brain on pricing.", ["I'd love to pick your brain"]],
  ['en', 'Just following up on this.', ['Just following up'], 'add something new'],
  ["en", "I know you’re busy, so I'll be brief.", ['I know you’re busy', "I'll be brief"], 'not by saying so'],
  ['en', 'Quick question: who runs hiring at Acme?', ['Quick question'], 'ask the question itself'],
  ['en', 'I wanted to reach out about your event in May.', ['I wanted to reach out']],
  ['en', 'Touching base before Friday.', ['Touching base']],
  ['en', 'Circling back on my last note.', ['Circling back on my last note']],
  ['en', 'Just circling back.', ['circling back']],
  ['en', 'Bumping this to the top of your inbox.', ['Bumping this to the top of your inbox']],
  ['en', "I've sent a few notes; did you get a chance to look at them?", ['did you get a chance to look']],
  ['en', 'I would like to add you to my professional network.', ['like to add you to my professional network']],
  ['fr', 'Je suis tombée sur votre profil LinkedIn.', ['suis tombée sur votre profil'], 'say what you read'],
  ['fr', 'Je suis tombé(e) par hasard sur votre profil.', ['suis tombé(e) par hasard sur votre profil']],
  ['fr', 'J’ai vu votre profil et je vous écris.', ['J’ai vu votre profil']],
  ['fr', 'Votre profil a retenu toute mon attention.', ['Votre profil a retenu toute mon attention'], 'name the detail'],
  ['fr', 'JE ME PERMETS DONC DE VOUS CONTACTER.', ['JE ME PERMETS DONC DE VOUS CONTACTER'], 'in one line'],
  ['fr', "J'espère que vous allez bien ? Merci pour votre message.", ["J'espère que vous allez bien"], 'cut it'],
  ['fr', 'Je reviens vers vous concernant le devis.', ['Je reviens vers vous']],
  ['fr', 'Je vous relance au sujet de ma proposition.', ['Je vous relance']],
  ["fr", "J'espère que ce message vous trouve en bonne santé.", ["J'espère que ce message vous trouve en bonne santé"], 'calque'],
  ['fr', 'Petite question : qui gère les achats ?', ['Petite question']],
  ["fr", "Avez-vous eu l'occasion de lire mon dernier message ?", ["Avez-vous eu l'occasion de lire"]],
  ['fr', 'Je sais que vous êtes très occupée, je serai brève.', ['Je sais que vous êtes très occupée', 'je serai brève']]
]

const good: Array<[Lang, string]> = [
  // A follow-up that brings a new fact in its own sentence does what the rule asks.
  ['fr', 'Bonjour Monsieur Besson,\n\nJe reviens vers vous avec un élément nouveau : votre site de Roanne doit déclarer ses consommations avant le 30 septembre.\n\nClaire'],
  ['en', 'Hi Jo,\n\nJust following up: Acme cut its onboarding to 9 days with the checklist I sent.\n\nAl'],
  // Quoted: mentioned, not used.
  ['en', 'Our trainers ban "I hope this email finds you well" as an opener. Thanks for the tip!'],
  ['fr', 'Nos formateurs interdisent « J’espère que vous allez bien » en ouverture. Merci pour le conseil !'],
  // Near misses that are specific or plain.
  ['en', 'I came across a typo on the pricing page: "anual". Thanks for the quick fix last time!'],
  ['en', 'I have two quick questions about the form: which fields are required, and who reads it?'],
  ["en", "If it is not the right time, I'll circle back in a few months."],
  ['en', 'Your name came up when Priya told me about the Leeds pilot.'],
  ['fr', 'Je reviendrai vers vous jeudi avec le devis signé.'],
  ['fr', 'Deux petites questions sur le formulaire : quels champs sont obligatoires ?'],
  ['fr', 'Je suis tombé sur votre article sur la paie des saisonniers : merci, la grille m’a servi.'],
  // Inside a merge field: a template's instruction.
  ['en', 'Hi [Name], [say why you write, not "I came across your profile"]. Thanks!']
]

describe(ID, () => {
  for (const [lang, text, excerpts, message] of bad) {
    it(`fires on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      const own = findings(text, lang)
      expect(own.map((finding) => finding.excerpt)).toEqual(excerpts)
      for (const finding of own) expect(finding.severity).toBe('warning')
      if (message) expect(own[0].message).toContain(message)
    })
  }
  for (const [lang, text] of good) {
    it(`stays quiet on ${lang}: ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(findings(text, lang)).toEqual([])
    })
  }

  it('has at least 25 stock lines per language, each with what to write instead', () => {
    for (const data of [en, fr]) {
      expect(data.lines.length).toBeGreaterThanOrEqual(25)
      for (const line of data.lines) {
        expect(line.patterns.length).toBeGreaterThan(0)
        // What to write instead: a message of messages.json, in both locales.
        expect(Object.keys(rule.messages.en)).toContain(line.instead)
        expect(Object.keys(rule.messages.fr)).toContain(line.instead)
      }
    }
  })

  it('splits an optional first word into two patterns', () => {
    expect(withoutOptionalHead('i? hope you are well')).toEqual(['hope you are well', 'i hope you are well'])
    expect(withoutOptionalHead('quick =question')).toEqual(['quick =question'])
  })
})

// Stock vs specific: an observation followed by a detail only this reader has is personal.
describe('canned-personalization: stock vs specific', () => {
  const own = (text: string, lang: Lang) => lintText(text, {lang}).findings.filter((finding) => finding.rule === 'canned-personalization').map((finding) => finding.excerpt)
  const personal: Array<[Lang, string]> = [
    ['en', 'Hi Maya,\n\nI noticed your post on pairing new reps with a buddy, and the 30% drop in ramp time you measured. Thanks for sharing it.'],
    ['en', 'Hi Maya,\n\nI noticed your post about onboarding. You wrote that "nobody reads the wiki in week one", which matches what we see.'],
    ['en', 'Hi Maya,\n\nI came across your post on the Leeds-Hull freight corridor. Thanks for the map.'],
    ['en', 'Hi Maya,\n\nI saw your post on LinkedIn. The figure that 4 in 10 audits fail on one missing form stayed with me.'],
    ['fr', 'Bonjour Maya,\n\nJ’ai vu votre post sur le binôme des nouveaux commerciaux, et la baisse de 30 % du temps de montée en charge. Merci de l’avoir partagé.'],
    ['fr', 'Bonjour Maya,\n\nJ’ai lu votre article sur l’accueil. Vous écrivez que « personne ne lit le wiki la première semaine », et c’est ce que nous voyons.'],
    ['fr', 'Bonjour Maya,\n\nJe suis tombé sur votre publication sur le corridor Abidjan-Lagos. Merci pour la carte.'],
    ['fr', 'Bonjour Maya,\n\nVotre post a retenu mon attention : 4 audits sur 10 échouent faute d’un seul formulaire.'],
    // A named topic is a detail too (no figure, no capital needed).
    ['en', 'Hi Maya,\n\nI noticed your post on why your team dropped cold calling for good. Thanks for writing it.'],
    ['fr', "Bonjour Maya,\n\nJ'ai lu votre article sur l'abandon de la prospection téléphonique. Merci de l'avoir écrit."]
  ]
  for (const [lang, text] of personal) it(`is personal in ${lang}: ${JSON.stringify(text.slice(12, 70))}`, () => expect(own(text, lang)).toEqual([]))

  const canned: Array<[Lang, string, string]> = [
    ['en', 'Hi Maya,\n\nI noticed your post on LinkedIn and loved it! You are a true thought leader.\n\nBest,\nKwame', 'I noticed your'],
    ['en', 'Hi Maya,\n\nI came across your profile. Your journey is amazing and inspiring.\n\nBest,\nKwame', 'I came across your profile'],
    ['en', 'Hi Maya,\n\nI saw your post two days ago. Great insights, Maya!\n\nBest,\nKwame', 'I saw your post'],
    ['en', 'Hi Maya,\n\nI noticed that you are hiring.\n\nBest,\nKwame', 'I noticed that'],
    ['fr', "Bonjour Maya,\n\nJ'ai vu votre post et je l'ai adoré ! Votre parcours impressionnant fait de vous une vraie leader.\n\nKoffi", "J'ai vu votre post"],
    ['fr', "Bonjour Maya,\n\nJe suis tombé sur votre profil sur LinkedIn. Bravo pour votre parcours, Maya !\n\nKoffi", 'suis tombé sur votre profil'],
    ['fr', "Bonjour Maya,\n\nJ'ai vu votre publication il y a 2 jours. Très inspirant !\n\nKoffi", "J'ai vu votre publication"],
    ['fr', "Bonjour Maya,\n\nJ'ai remarqué que vous recrutez.\n\nKoffi", "J'ai remarqué que vous"],
    // A topic of one word, or a platform, names nothing of theirs.
    ['en', 'Hi Maya,\n\nI noticed your post about growth. Can we talk?\n\nBest,\nKwame', 'I noticed your'],
    ['fr', "Bonjour Maya,\n\nJ'ai vu votre post sur LinkedIn. Pouvons-nous échanger ?\n\nKoffi", "J'ai vu votre post"]
  ]
  for (const [lang, text, excerpt] of canned) it(`is canned in ${lang}: ${JSON.stringify(text.slice(12, 70))}`, () => expect(own(text, lang)).toEqual([excerpt]))
})

describe('canned-personalization: the detail is about the reader', () => {
  const own = (text: string, lang: Lang) => lintText(text, {lang}).findings.filter((finding) => finding.rule === 'canned-personalization').map((finding) => finding.excerpt)
  it('does not take the writer’s next sentence for a detail', () => {
    expect(own('Hi Aisha, I came across your profile and I am impressed. I am a Senior Partner at Growlytics in Leeds.', 'en')).toEqual(['I came across your profile'])
    expect(own("Bonjour Aïcha, j'ai vu votre profil et je suis bluffé. Je dirige Growlytics à Lyon depuis 2019.", 'fr')).toEqual(["j'ai vu votre profil"])
  })
})

describe('canned-personalization: stock follow-ups', () => {
  const own = (text: string, lang: Lang) => lintText(text, {lang}).findings.filter((finding) => finding.rule === 'canned-personalization').map((finding) => finding.excerpt)
  it('flags "I wanted to follow up" and "je voulais faire un suivi"', () => {
    expect(own('I wanted to follow up and see what you thought.', 'en')).toEqual(['I wanted to follow up'])
    expect(own('Je voulais faire un petit suivi sur ma proposition.', 'fr')).toEqual(['Je voulais faire un petit suivi'])
  })
})

describe('canned-personalization: the stock self-introduction', () => {
  const own = (text: string, lang: Lang) => lintText(text, {lang}).findings.filter((finding) => finding.rule === 'canned-personalization').map((finding) => finding.excerpt)
  it('flags "My name is … from" and "Je m’appelle … de / chez"', () => {
    expect(own('My name is Jake from SalesBot. My name is Jake Lee at SalesBot.', 'en')).toEqual(['My name is Jake from', 'My name is Jake Lee at'])
    expect(own("Je m'appelle Julie de chez Stockia. Je m'appelle Julie Martin et je dirige Stockia.", 'fr')).toEqual(["Je m'appelle Julie de chez", "Je m'appelle Julie Martin et"])
  })
  it('leaves other uses of the words alone', () => {
    expect(own('Thanks. My name is on the list, and your name is on the badge.', 'en')).toEqual([])
    expect(own("Merci. Je m'appelle comme mon grand-père.", 'fr')).toEqual([])
  })
})
