// Courtesy detection shared by missing-thanks, ask-without-thanks and multiple-asks:
// gratitude (strong or weak), asks, questions, offers and the reader's gifts.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {getProcessor} from '../../src/engine.js'
import {analyze, type Analysis} from '../../src/text/analysis.js'
import {courtesy, courtesyData, findAsks, findGratitude, findOffers, findQuestions, findReaderGifts, mainAsk} from '../../src/text/courtesy.js'
import {foldWord} from '../../src/text/normalize.js'
import type {Lang} from '../../src/types.js'

function analysisOf(text: string, lang: Lang): Analysis {
  return analyze(getProcessor(lang).parse(text), text, lang)
}

const slice = (analysis: Analysis, span: {start: number; end: number}) => analysis.text.slice(span.start, span.end)

describe('gratitude', () => {
  // [lang, draft, what the draft's gratitude is, the words found (first item)]
  const table: Array<[Lang, string, 'strong' | 'in-advance' | 'conditional' | 'sign-off' | 'none', string?]> = [
    ['en', 'Thank you for your time on Tuesday.', 'strong', 'Thank you'],
    ['en', 'THANKS FOR THE INTRO TO MAYA!', 'strong', 'THANKS'],
    ['en', 'Thx for the quick reply.', 'strong', 'Thx'],
    ['en', "I'm grateful for your help with the Lyon hires.", 'strong', 'grateful'],
    ['en', 'I really appreciate the time you gave me.', 'strong', 'appreciate'],
    ['en', 'Your notes were much appreciated.', 'strong', 'much appreciated'],
    ['en', 'We thanked the whole team for the launch.', 'strong', 'thanked'],
    ['en', 'Thanks to you, we hired three reps in May.', 'strong', 'Thanks to you'],
    ['en', 'Thanks in advance for your reply.', 'in-advance', 'Thanks in advance'],
    ['en', 'Thank you in advance.', 'in-advance', 'Thank you in advance'],
    ['en', "I’d be grateful if you could share it.", 'conditional', 'I’d be grateful'],
    ['en', 'I would really appreciate a reply.', 'conditional', 'would really appreciate'],
    ['en', 'Could you call me on Friday?\n\nThanks,\nAlex', 'sign-off', 'Thanks'],
    ['en', 'Could you call me on Friday?\n\nMany thanks!\nAlex', 'sign-off', 'Many thanks'],
    ['en', 'Thanks to our new API, reps log calls in one click.', 'none'],
    ['en', 'I appreciate that budgets are tight this quarter.', 'none'],
    ['en', 'No thanks needed for the report.', 'none'],
    ['en', 'Never open with "thanks in advance" in a cold email.', 'none'],
    ['en', 'Five emails and not a word back. Thanks for nothing, I guess.', 'none'],
    ['en', 'Thank you for nothing at all.', 'none'],
    ['fr', 'Merci pour votre temps mardi.', 'strong', 'Merci'],
    ['fr', 'MERCI POUR VOTRE RÉPONSE.', 'strong', 'MERCI'],
    ['fr', 'Merci de votre aide sur le recrutement.', 'strong', 'Merci'],
    ['fr', "Merci de m'avoir reçu hier.", 'strong', 'Merci'],
    ['fr', "Merci d'avoir pris le temps de répondre.", 'strong', 'Merci'],
    ['fr', "Merci de faire partie de l'aventure.", 'strong', 'Merci'],
    ['fr', 'Merci de nous faire confiance.', 'strong', 'Merci'],
    ['fr', 'Je vous remercie pour votre accueil.', 'strong', 'remercie'],
    ['fr', 'Nous vous remercions pour cet échange.', 'strong', 'remercions'],
    ['fr', 'Avec tous nos remerciements pour votre accueil.', 'strong', 'remerciements'],
    ['fr', 'Je vous suis très reconnaissante pour votre aide.', 'strong', 'reconnaissante'],
    ['fr', 'Mille mercis pour la relecture.', 'strong', 'Mille mercis'],
    ['fr', "Un grand merci pour l'introduction auprès de Paul.", 'strong', 'Un grand merci'],
    ['fr', 'Grâce à vous, nous avons recruté trois commerciaux.', 'strong', 'Grâce à vous'],
    ['fr', "Merci d'avance pour votre retour.", 'in-advance', "Merci d'avance"],
    ['fr', 'Merci d’avance !', 'in-advance', 'Merci d’avance'],
    ['fr', 'Je vous remercie par avance de votre réponse.', 'in-advance', 'Je vous remercie par avance'],
    ['fr', 'Je vous serais reconnaissant de me rappeler.', 'conditional', 'Je vous serais reconnaissant'],
    ['fr', 'Pourriez-vous me rappeler ?\n\nMerci,\nAlex', 'sign-off', 'Merci'],
    ['fr', 'Merci de me rappeler.', 'none'],
    ['fr', 'MERCI DE ME RAPPELER.', 'none'],
    ["fr", "Merci d'ajouter le lien vers mon livre.", 'none'],
    ['fr', 'Merci d’ajouter le lien vers mon livre.', 'none'],
    ['fr', 'Merci de bien vouloir me rappeler avant vendredi.', 'none'],
    ['fr', 'Merci de ne pas répondre à ce message.', 'none'],
    ['fr', 'Merci de la relire avant jeudi.', 'none'],
    ['fr', 'Grâce à notre outil, vos équipes gagnent une heure par jour.', 'none'],
    ['fr', 'Dieu merci, le salon est reporté.', 'none'],
    ['fr', 'Nous étions à la merci du planning.', 'none'],
    ['fr', 'Trois relances et pas de nouvelles. Merci pour rien, vraiment.', 'none'],
    ['fr', 'Merci bien pour rien.', 'none']
  ]
  for (const [lang, text, expected, words] of table) {
    it(`${lang}: ${JSON.stringify(text)} → ${expected}`, () => {
      const analysis = analysisOf(text, lang)
      const found = findGratitude(analysis)
      if (expected === 'none') {
        expect(found.map((item) => slice(analysis, item))).toEqual([])
        return
      }
      expect(found.length).toBeGreaterThan(0)
      const first = found[0]
      expect(slice(analysis, first)).toBe(words)
      if (expected === 'strong') {
        expect(first.strength).toBe('strong')
      } else {
        expect(first).toMatchObject({strength: 'weak', reason: expected})
      }
      // Thanks in advance and a closing "Thanks," count as thanks (SPEC, hard cases); conditional
      // gratitude ("I'd be grateful if you could…") is the ask said politely, not thanks.
      expect(courtesy(analysis).thanked).toBe(expected !== 'conditional')
    })
  }
})

describe('asks', () => {
  // [lang, draft, the asks (text at their offsets) and their kinds]
  const table: Array<[Lang, string, Array<[string, string]>]> = [
    ['en', 'Would you be open to a call next week?', [['Would you be open to a call next week?', 'request']]],
    ['en', 'Hi Sam, could you add a link to my book?', [['could you add a link to my book?', 'request']]],
    ['en', 'Please share this with your team.', [['Please share this with your team.', 'request']]],
    ['en', 'Share this with your team.', [['Share this with your team.', 'imperative']]],
    ['en', 'Book a call: calendly.com/alex/30', [['Book a call: calendly.com/alex/30', 'imperative']]],
    ['en', "If you're interested, just reply.", [['reply.', 'imperative']]],
    ['en', 'Grab a time at https://cal.com/alex/15', [['Grab a time at https://cal.com/alex/15', 'booking']]],
    ['en', 'Is onboarding a priority for your team this quarter?', [['Is onboarding a priority for your team this quarter?', 'question']]],
    ['en', 'Interested?', [['Interested?', 'request']]],
    // "tell us" opens a clause to be an order; customers who tell us something ask nothing.
    ['en', 'Customers tell us the setup takes a day.', []],
    // Questions quoted from the reader's message, over two sentences, ask nothing.
    ['fr', "Vous m'écriviez : « Est-ce compris ? Et pouvez-vous m'envoyer le contrat ? » Oui, et voici le contrat.", []],
    ['en', 'You wrote: “Is it included? And can you send the contract?” Yes, and here it is.', []],
    // The signature's lines ask nothing of this reader; a P.S. does; "Thanks!" on its own line is no sign-off before an ask.
    ['en', 'Hi Jo,\n\nThe plan is attached.\n\nBest,\nAl\nFollow us on LinkedIn!', []],
    ['en', 'Hi Jo,\n\nThe plan is attached.\n\nBest,\nAl\nFollow us on LinkedIn!\n\nPS: Could you forward it to Dana?', [['PS: Could you forward it to Dana?', 'request']]],
    ['en', 'Hi Jo,\n\nThanks!\nCould you send me the deck?\n\nAl', [['Could you send me the deck?', 'request']]],
    ['fr', 'Bonjour,\n\nMerci pour votre commande.\n\nCordialement,\nLouis Martin\nSuivez-nous sur LinkedIn !', []],
    // Indirect asks the SPEC names: an invitation, a slot asked for "so that I present", a formal request.
    ['en', 'We invite you to our launch webinar on 12 June.', [['We invite you to our launch webinar on 12 June.', 'request']]],
    ['en', 'A 30-minute slot would be enough for me to walk you through our offer.', [['for me to walk you through our offer.', 'request']]],
    ['fr', 'Nous vous invitons à notre webinaire de lancement le 12 juin.', [['Nous vous invitons à notre webinaire de lancement le 12 juin.', 'request']]],
    ['fr', 'Un créneau de 30 minutes suffirait pour que je vous présente notre offre.', [['pour que je vous présente notre offre.', 'request']]],
    ['fr', 'Je vous saurais gré de bien vouloir me faire parvenir votre bon de commande.', [['Je vous saurais gré de bien vouloir me faire parvenir votre bon de commande.', 'request']]],
    ['en', 'Tell us what you think.', [['Tell us what you think.', 'imperative']]],
    // A clause opened by a comma and a coordinator ("so", "and"), or by a semicolon.
    ['en', 'The plan is attached, so just tell me what you think.', [['tell me what you think.', 'imperative']]],
    ['en', 'The plan is ready; reply with a date.', [['reply with a date.', 'imperative']]],
    ['en', 'Two schools, Oakfield and St Anne, now send the letters by text.', []],
    ['fr', 'Le guide est prêt, alors téléchargez-le ici.', [['téléchargez-le ici.', 'imperative']]],
    ['fr', 'Deux écoles, Oakfield et Saint-Anne, envoient maintenant les lettres par SMS.', []],
    ['en', "I'd appreciate an intro to your head of sales.", [["I'd appreciate an intro to your head of sales.", 'request']]],
    ['en', 'Would it be worth a call to see if\nthis could work for your team?', [['Would it be worth a call to see if\nthis could work for your team?', 'request']]],
    ['en', 'How is [Company] handling onboarding today?', [['How is [Company] handling onboarding today?', 'question']]],
    ["en", "I'd really love to connect with you.", [["I'd really love to connect with you.", 'request']]],
    ['en', 'Shared your post with my team last week.', []],
    ['en', 'Is this [one-line pitch]?', []],
    ['en', 'Booked a call with Maya for Friday.', []],
    ['en', 'Ever wondered why reps quit in month one?', []],
    ['en', 'How are you?', []],
    ['en', 'Feel free to reach out if you have questions.', []],
    ['en', 'Please find attached the deck.', []],
    ['en', 'Let me introduce you to Maya, who runs hiring in Lyon.', []],
    ['en', 'The result? Ramp time fell by half.', []],
    ['en', 'We are pleased to confirm the March delivery.', []],
    ['en', "Don't hesitate to reach out if you'd like a demo.", [["Don't hesitate to reach out if you'd like a demo.", 'request']]],
    ['en', 'Happy to walk you through it if you have 15 minutes this week.', [['Happy to walk you through it if you have 15 minutes this week.', 'request']]],
    ['en', 'I was hoping to grab 20 minutes with you.', [['I was hoping to grab 20 minutes with you.', 'request']]],
    ['en', 'Happy to intro you to Dana if that helps.', []],
    ['fr', 'Seriez-vous disponible pour un échange de 15 minutes ?', [['Seriez-vous disponible pour un échange de 15 minutes ?', 'request']]],
    ['fr', 'Bonjour, pourriez-vous ajouter le lien vers mon livre sur la page ?', [['pourriez-vous ajouter le lien vers mon livre sur la page ?', 'request']]],
    ['fr', 'Merci de me rappeler.', [['Merci de me rappeler.', 'polite-order']]],
    ['fr', "Merci d'ajouter le lien vers mon livre.", [["Merci d'ajouter le lien vers mon livre.", 'polite-order']]],
    ['fr', 'Découvrez notre guide.', [['Découvrez notre guide.', 'imperative']]],
    ['fr', 'Contactez-nous dès aujourd’hui.', [['Contactez-nous dès aujourd’hui.', 'imperative']]],
    ['fr', 'Réservez un créneau ici.', [['Réservez un créneau ici.', 'booking']]],
    ['fr', 'Lien calendrier : calendly.com/alex', [['Lien calendrier : calendly.com/alex', 'booking']]],
    ['fr', 'On en discute cette semaine ?', [['On en discute cette semaine ?', 'request']]],
    ['fr', 'Une démo mardi ?', [['Une démo mardi ?', 'request']]],
    ['fr', 'Vos commerciaux tiennent-ils leurs objectifs ?', [['Vos commerciaux tiennent-ils leurs objectifs ?', 'question']]],
    ['fr', 'Envoyez-moi le devis, s’il vous plaît.', [['Envoyez-moi le devis, s’il vous plaît.', 'request']]],
    ['fr', 'Avez-vous des questions ?', []],
    ["fr", "N'hésitez pas à me contacter.", []],
    ['fr', 'Et si vos équipes gagnaient une heure par jour ?', []],
    ['fr', 'Comment allez-vous ?', []],
    ['fr', 'Notez que le salon commence à 9 h.', []],
    ['fr', 'Continuez comme ça !', []],
    ['fr', 'Comment [Entreprise] gère-t-elle ses relances ?', [['Comment [Entreprise] gère-t-elle ses relances ?', 'question']]],
    ['fr', 'Vous trouverez ci-joint le planning.', []],
    ["fr", "N'hésitez pas à me dire si jeudi vous convient.", [["N'hésitez pas à me dire si jeudi vous convient.", 'request']]],
    ['fr', 'Je reste à votre disposition pour un rendez-vous à votre convenance.', [['Je reste à votre disposition pour un rendez-vous à votre convenance.', 'request']]],
    ['fr', 'Je me permets de vous proposer un rendez-vous.', [['Je me permets de vous proposer un rendez-vous.', 'request']]],
    ['fr', 'Je reste à votre disposition pour tout complément.', []],
    ['fr', 'Merci aussi de suivre notre page LinkedIn.', [['Merci aussi de suivre notre page LinkedIn.', 'polite-order']]]
  ]
  for (const [lang, text, expected] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const analysis = analysisOf(text, lang)
      expect(findAsks(analysis).map((ask) => [slice(analysis, ask), ask.kind])).toEqual(expected)
    })
  }

  it('rewrites "merci de + infinitive" as a question', () => {
    const cases: Array<[string, string]> = [
      ['Merci de me rappeler.', 'Pourriez-vous me rappeler ?'],
      ["Merci d'ajouter le lien vers mon livre.", 'Pourriez-vous ajouter le lien vers mon livre ?'],
      ['Merci de bien vouloir me rappeler avant vendredi.', 'Pourriez-vous me rappeler avant vendredi ?']
    ]
    for (const [text, rewrite] of cases) expect(findAsks(analysisOf(text, 'fr'))[0].rewrite).toBe(rewrite)
  })

  it('marks reply prompts and booking links as backing up an ask, and wishes as soft', () => {
    const analysis = analysisOf('Would you be open to a call? Book here: calendly.com/alex/30. Let me know. I’d love to chat.', 'en')
    expect(findAsks(analysis).map((ask) => [ask.kind, ask.follow, ask.soft])).toEqual([
      ['request', false, false],
      ['imperative', true, false],
      ['request', true, false],
      ['request', false, true]
    ])
    expect(slice(analysis, mainAsk(findAsks(analysis))!)).toBe('Would you be open to a call?')
  })

  it('points at the firm ask, not a question before it', () => {
    const analysis = analysisOf('Quick question: how do you onboard reps today? Worth a chat?', 'en')
    expect(slice(analysis, mainAsk(findAsks(analysis))!)).toBe('Worth a chat?')
  })

  it('leaves out the subject line and the greeting', () => {
    const analysis = analysisOf('Subject: Quick call?\n\nHi Sam,\n\nYour Lyon team doubled this year.', 'en')
    expect(findAsks(analysis)).toEqual([])
    expect(findQuestions(analysis)).toEqual([])
  })
})

describe('questions', () => {
  const table: Array<[Lang, string, Array<[string, string]>]> = [
    ['en', 'Ever wondered why reps quit? Would you be open to a call?', [['Ever wondered why reps quit?', 'rhetorical'], ['Would you be open to a call?', 'ask']]],
    ['en', 'Why does churn spike in month three?', [['Why does churn spike in month three?', 'plain']]],
    ['en', 'How are you? Any questions?', []],
    ['fr', 'Et si vos commerciaux restaient plus longtemps ? Un appel mardi ?', [['Et si vos commerciaux restaient plus longtemps ?', 'rhetorical'], ['Un appel mardi ?', 'ask']]],
    ['fr', 'Agents ou chatbots : quelle différence ?', []],
    // "Avez-vous déjà un prestataire ?" asks; "Avez-vous déjà rêvé de… ?" is a hook.
    ['fr', 'Merci pour votre réponse. Avez-vous déjà un prestataire pour vos postes ?', [['Avez-vous déjà un prestataire pour vos postes ?', 'ask']]],
    ['fr', "Avez-vous déjà rêvé d'une relance qui s'écrit seule ? Notre outil le fait.", [["Avez-vous déjà rêvé d'une relance qui s'écrit seule ?", 'rhetorical']]],
    ['en', 'Have you ever wondered why reps quit? Most teams never ask.', [['Have you ever wondered why reps quit?', 'rhetorical']]]
  ]
  for (const [lang, text, expected] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => {
      const analysis = analysisOf(text, lang)
      expect(findQuestions(analysis).map((question) => [slice(analysis, question), question.kind])).toEqual(expected)
    })
  }
})

describe('offers', () => {
  const table: Array<[Lang, string, string | undefined, string?]> = [
    ['en', 'Here is the deck I promised.', 'resource', 'Here is'],
    ['en', 'I attached the checklist we use.', 'resource', 'I attached'],
    ['en', 'Happy to introduce you to Maya.', 'introduction', 'Happy to introduce'],
    ['en', 'I can put you in touch with Maya.', 'introduction', 'put you in touch'],
    ['en', 'You asked about ramp time: it is six weeks.', 'answer', 'You asked about'],
    ['en', 'Your point about shadowing calls in week one changed our training.', 'observation', 'Your point about'],
    ['en', 'No strings attached.', undefined],
    ["en", "Here's the thing: budgets are tight.", undefined],
    ['en', 'Your post on hiring.', undefined],
    ['fr', 'Voici le guide promis.', 'resource', 'Voici'],
    ['fr', 'Ci-joint le planning de formation.', 'resource', 'Ci-joint'],
    ['fr', 'Je peux vous mettre en relation avec Paul.', 'introduction', 'vous mettre en relation avec'],
    ['fr', 'Pour répondre à votre question, comptez deux semaines.', 'answer', 'Pour répondre à votre question'],
    ['fr', "Votre remarque sur l'écoute des appels a changé notre formation.", 'observation', 'Votre remarque sur'],
    ['fr', 'Voici pourquoi nous sommes différents.', undefined]
  ]
  for (const [lang, text, kind, words] of table) {
    it(`${lang}: ${JSON.stringify(text)} → ${kind ?? 'nothing given'}`, () => {
      const analysis = analysisOf(text, lang)
      const offers = findOffers(analysis)
      if (!kind) return expect(offers.map((offer) => slice(analysis, offer))).toEqual([])
      expect(offers[0].kind).toBe(kind)
      expect(slice(analysis, offers[0])).toBe(words)
    })
  }
})

describe("reader's gifts", () => {
  const table: Array<[Lang, string, string, string]> = [
    ['en', 'Thanks for your time.', 'time', 'your time'],
    ['en', 'Good to compare notes on our call yesterday.', 'meeting', 'our call'],
    ['en', 'The interview you gave us runs on Monday.', 'interview', 'The interview you gave'],
    ['en', 'Your recommendation landed me the meeting.', 'recommendation', 'Your recommendation'],
    ['en', 'Your reply made my week.', 'reply', 'Your reply'],
    ['en', "We are following up on Monday's meeting at your offices.", 'meeting', "Monday's meeting"],
    ['en', 'Our notes from the visit to your warehouse are ready.', 'meeting', 'the visit to your'],
    ['en', 'We met at the Lyon fair.', 'encounter', 'We met'],
    ['fr', 'Merci pour votre temps.', 'time', 'votre temps'],
    ['fr', 'Suite à notre échange de mardi, voici le plan.', 'meeting', 'notre échange'],
    ['fr', "L'interview que vous m'avez accordée paraît lundi.", 'interview', "L'interview que vous"],
    ['fr', 'Votre recommandation auprès de Paul a tout changé.', 'recommendation', 'Votre recommandation'],
    ['fr', 'Votre réponse est arrivée à point.', 'reply', 'Votre réponse'],
    ['fr', 'Nous faisons suite à la visite de lundi au musée.', 'meeting', 'la visite de'],
    ['fr', 'La réunion dans vos locaux a tout clarifié.', 'meeting', 'réunion dans vos locaux'],
    ['fr', 'Nous nous sommes vus au salon de Lyon.', 'encounter', 'Nous nous sommes vus']
  ]
  for (const [lang, text, kind, words] of table) {
    it(`${lang}: ${JSON.stringify(text)} → ${kind}`, () => {
      const analysis = analysisOf(text, lang)
      const gifts = findReaderGifts(analysis)
      expect(gifts[0]?.kind).toBe(kind)
      expect(slice(analysis, gifts[0])).toBe(words)
    })
  }
})

describe('a reply or time asked for is not a gift', () => {
  const table: Array<[Lang, string, string[]]> = [
    ['en', 'Could you spare 20 minutes of your time next week?', []],
    ['en', 'Can you send me your feedback on slide 4?', []],
    ['en', 'Your feedback on the pilot helped. Could you send me the numbers?', ['reply']],
    // A meeting named in an ask was had: it stays a gift.
    ['en', 'Shall we pick up our conversation from Tuesday?', ['meeting']],
    ['fr', "Pourriez-vous m'accorder un peu de votre temps la semaine prochaine ?", []],
    ['fr', 'Pourriez-vous me donner votre avis sur la page 4 ?', []],
    ['fr', 'Votre retour sur le pilote nous a aidés. Pourriez-vous m’envoyer les chiffres ?', ['reply']],
    ['fr', 'Pouvons-nous reprendre notre échange de mardi ?', ['meeting']]
  ]
  for (const [lang, text, kinds] of table) {
    it(`${lang}: ${JSON.stringify(text)} → [${kinds}]`, () => {
      expect(findReaderGifts(analysisOf(text, lang)).map((gift) => gift.kind)).toEqual(kinds)
    })
  }
})

describe('words in another sense are no gift', () => {
  const table: Array<[Lang, string]> = [
    ['en', 'The dates are in your time zone.'],
    ['en', 'Enjoy your time off!'],
    ['en', 'I know your time is precious.'],
    ['en', 'Your introduction to the annual report mentions 20 hires.'],
    ['fr', "Voici notre devis pour l'entretien de votre jardin."],
    ['fr', "Voici le guide pour l'appel d'offres de Rouen."],
    ['fr', 'Votre temps de réponse moyen est de deux jours.']
  ]
  for (const [lang, text] of table) {
    it(`${lang}: ${JSON.stringify(text)}`, () => expect(findReaderGifts(analysisOf(text, lang))).toEqual([]))
  }
  it('the same words in their sense still are', () => {
    expect(findReaderGifts(analysisOf('Your introduction to the CFO was kind.', 'en')).map((gift) => gift.kind)).toEqual(['recommendation'])
    expect(findReaderGifts(analysisOf("Merci pour l'entretien de mardi.", 'fr')).map((gift) => gift.kind)).toEqual(['meeting'])
  })
})

describe('cache', () => {
  it('computes once per analysis', () => {
    const analysis = analysisOf('Thanks for your time. Could you call me?', 'en')
    expect(courtesy(analysis)).toBe(courtesy(analysis))
    expect(courtesy(analysisOf('Thanks for your time. Could you call me?', 'en'))).not.toBe(courtesy(analysis))
  })
})

describe('courtesy data', () => {
  /** Every array of strings, with its path. */
  function lists(value: unknown, path: string, out: Array<[string, string[]]> = []) {
    if (Array.isArray(value)) out.push([path, value as string[]])
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) lists(item, `${path}.${key}`, out)
    return out
  }
  for (const lang of ['en', 'fr'] as Lang[]) {
    it(`langs/${lang}/courtesy.json has no duplicate or blank entry`, () => {
      const file = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'langs', lang, 'courtesy.json'), 'utf8'))
      expect(file).toEqual(courtesyData(lang))
      for (const [path, list] of lists(file, '$')) {
        const seen = new Set<string>()
        for (const entry of list) {
          expect(entry.trim(), `${path}: blank entry`).not.toBe('')
          expect(seen.has(foldWord(entry)), `${path}: '${entry}' is listed twice`).toBe(false)
          seen.add(foldWord(entry))
        }
      }
    })
  }
})
