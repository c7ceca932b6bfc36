import {defineRule} from '../../src/rule.js'
import {courtesy, mainAsk, quote, type Gratitude} from '../../src/text/courtesy.js'
import type {Lang} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}

interface Data {
  /** A specific thank-you, quoted in messages. */
  example: string
  /** What readers are commonly thanked for. */
  thanksFor: string[]
}

const WEAK: Record<Exclude<Gratitude['reason'], 'thanks'>, string> = {
  'in-advance': 'thanks in advance thanks the reader for something they have not given yet',
  conditional: 'conditional thanks ("I\'d be grateful if…") is a request, not thanks',
  'sign-off': 'a bare sign-off thanks the reader for nothing in particular'
}

export default defineRule<Data, Record<string, never>>({
  id: 'missing-thanks',
  summary: 'No expression of gratitude; a warning when the draft asks for something or mentions what the reader gave (time, a meeting, an interview).',
  rationale:
    'Professionals forget to say thank you: before being empathetic, be courteous. A thank-you for something specific the reader did (their time, a reply, a post, an introduction) is the cheapest proof that a person wrote the message. ' +
    'The rule is a note when the draft simply has no thanks, and a warning when it asks for something or mentions what the reader gave without thanking them for it. ' +
    'Thanks that thanks for nothing yet given does not count as thanks: "merci d\'avance" / "thanks in advance", "I\'d be grateful if you could…", and a bare "Thanks," / "Merci !" sign-off (after an ask, it reads as thanks in advance). ' +
    'French idiom: "Merci de me rappeler" (merci de + infinitive) is a polite order, not thanks; "Merci pour votre temps", "Merci de votre aide", "Merci de m\'avoir reçu" are thanks.',
  category: 'courtesy',
  languages: ['en', 'fr'],
  severity: 'info',
  weight: 12,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: {
    en: {
      bad: [
        'Hi Sam, could you send me the pricing sheet?',
        'Hi Sam, your team in Lyon grew to twelve reps this year. We help teams ramp faster.',
        'Hi Sam, thanks in advance for your reply. Can we talk on Tuesday?',
        'Hi Sam, I enjoyed our call yesterday. The proposal will follow next week.'
      ],
      good: [
        'Hi Sam, thanks for your post on hiring SDRs in Lyon.',
        'Thank you for the intro to Maya, Sam.',
        'Sam, I really appreciate the time you gave me on Tuesday.'
      ]
    },
    fr: {
      bad: [
        'Bonjour Marie, merci de me rappeler.',
        "Bonjour Marie, pourriez-vous m'envoyer la grille tarifaire ?",
        "Bonjour Marie, merci d'avance pour votre retour.",
        "Moi je pense que l'empathie et l'humain sont au cœur de notre démarche. L'empathie, c'est notre ADN. Merci de me rappeler."
      ],
      good: [
        "Bonjour Marie, merci pour votre article sur l'accueil des commerciaux.",
        "Je vous remercie pour l'échange de mardi.",
        "Merci de m'avoir reçu hier, Marie."
      ]
    }
  },
  check({analysis, data, report}) {
    const found = courtesy(analysis)
    if (found.thanked) return
    const {sentences, bodySentence} = analysis
    if (bodySentence >= sentences.length) return // nothing but a greeting
    const asks = found.asks
    const ask = mainAsk(asks)
    const gift = found.gifts[0]
    const weak = found.gratitude[0]
    const order = asks.find((item) => item.kind === 'polite-order')
    const body = sentences[bodySentence]
    const place = ask ?? {start: body.start, end: body.end}
    const instead = `thank the reader for something specific they gave (${data.thanksFor.join(', ')}), e.g. "${data.example}"`

    if (weak) {
      // Weak thanks only: a note, whatever the draft asks.
      const reason = weak.reason === 'thanks' ? 'sign-off' : weak.reason
      report({
        start: place.start,
        end: place.end,
        severity: 'info',
        message: `Only weak thanks in this draft (\`${quote(analysis, weak)}\`): ${WEAK[reason]}; ${instead}`,
        expected: []
      })
      return
    }
    let message: string
    if (order) {
      message = `\`${quote(analysis, order)}\` is a polite order, not thanks, and nothing else in this draft thanks the reader: ${instead}, and ask with a question`
    } else if (ask) {
      message = `This draft asks for something (\`${quote(analysis, ask)}\`) and thanks the reader for nothing: ${instead}`
    } else if (gift) {
      message = `The draft mentions what the reader gave (\`${quote(analysis, gift)}\`) without thanking them for it: ${instead}`
    } else {
      message = `No thank-you anywhere in this draft: ${instead}`
    }
    report({
      start: place.start,
      end: place.end,
      severity: ask || gift ? 'warning' : 'info',
      message,
      expected: order?.rewrite && order === place ? [order.rewrite] : []
    })
  }
})
