import {defineRule} from '../../src/rule.js'
import {courtesy, mainAsk, quote} from '../../src/text/courtesy.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import {askAsQuestion} from '../../src/suggest.js'
import suggestions from './suggestions.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}

interface Data {
  /** A specific thank-you, quoted in messages. */
  example: string
}

export default defineRule<Data, Record<string, never>>({
  id: 'ask-without-thanks',
  summary: 'A request (a meeting, a call, a link, a share, "merci de + infinitive") with no thanks and nothing offered to the reader.',
  rationale:
    'An ask with no thanks and nothing given is the transactional reflex the reader smells at once: the message exists only to take. ' +
    'Give before you ask (an answer to their question, the deck or checklist they can use, an introduction, a specific observation about their work) or thank them for something they already gave; then ask. ' +
    'Any real thanks silences it, a closing "Thanks," / "Merci," and "thanks in advance" / "merci d\'avance" included; irony ("thanks for nothing", "merci pour rien") is not thanks. ' +
    '"Merci de me rappeler" (merci de + infinitive) is an order, not thanks: ask with a question ("Pourriez-vous me rappeler ?") and thank for something real. ' +
    'An ask is a request for an action: a question to the reader ("Would you be open to a call?", "Seriez-vous disponible… ?"), an imperative ("Book a call", "Réservez un créneau"), could you / please / pourriez-vous / merci de…, or a calendar link.',
  category: 'courtesy',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 20,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: {
    en: {
      bad: [
        'Hi Sam, could you add a link to my book on your resources page?',
        'Book a call here: calendly.com/alex/30',
        'Thanks for nothing, Sam. If you change your mind, grab a slot on my calendar: calendly.com/alex/30',
        "Hi Sam, I'd love 30 minutes on your calendar next week to walk you through our findings."
      ],
      good: [
        'Thanks for the chat yesterday. Here is the deck I promised. Could you forward it to Sam?',
        'Hi Sam, you asked how we onboard reps: the checklist is below. Would Tuesday work to go through it?',
        'Thank you for the intro to Maya. Could you tell me the best time to call her?',
        'Hi Sam, can you share this post with your team? Thanks in advance.',
        'Hi Sam, would you be open to a call next week?\n\nThanks,\nAlex'
      ]
    },
    fr: {
      bad: [
        'Bonjour, pourriez-vous ajouter le lien vers mon livre sur la page ? Cordialement',
        'Bonjour Marie, merci de partager ce post avec votre équipe.',
        'Réservez un créneau ici : calendly.com/alex/30',
        'Merci pour rien, Marie. Si vous changez d’avis, appelez-moi au 06 45 78 12 90.',
        'Bonjour Marie, seriez-vous disponible jeudi, pour que je vous présente notre offre ?'
      ],
      good: [
        "Merci pour l'échange d'hier. Voici le guide promis. Pourriez-vous le transmettre à Paul ?",
        "Bonjour Marie, vous m'aviez demandé nos chiffres de rétention : les voici. Un appel mardi pour en parler ?",
        'Merci pour votre recommandation auprès de Paul. Auriez-vous son numéro ?',
        "Bonjour Marie, seriez-vous disponible mardi pour un appel ? Merci d'avance.",
        'Bonjour Marie, auriez-vous 15 minutes jeudi ?\n\nMerci,\nAlex'
      ]
    }
  },
  // "Merci de me rappeler." → "Pourriez-vous me rappeler ? Merci."
  suggest: (context) => askAsQuestion(context, suggestions[context.lang]?.thanks),
  check({analysis, data, report}) {
    const found = courtesy(analysis)
    if (found.asks.length === 0 || found.thanked || found.offers.length > 0) return
    // The ask itself, not a "Let me know" backing it up.
    const ask = mainAsk(found.asks)!
    const excerpt = quote(analysis, ask)
    const messageId = ask.kind === 'polite-order' ? 'politeOrder' : 'askWithoutThanks'
    report({start: ask.start, end: ask.end, messageId, data: {excerpt, example: data.example}, expected: ask.rewrite ? [ask.rewrite] : []})
  }
})
