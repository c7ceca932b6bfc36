import {defineRule, exampleTexts} from '../../src/rule.js'
import {courtesy, mainAsk, quote} from '../../src/text/courtesy.js'
import type {Lang, PerLanguage} from '../../src/types.js'
import en from './en.json' with {type: 'json'}
import fr from './fr.json' with {type: 'json'}
import {askAsQuestion} from '../../src/suggest.js'
import suggestions from './suggestions.json' with {type: 'json'}
import messages from './messages.json' with {type: 'json'}
import examples from './examples.json' with {type: 'json'}

interface Data {
  /** A specific thank-you, quoted in messages. */
  example: string
  /** What readers are commonly thanked for. */
  thanksFor: string[]
}

export default defineRule<Data, Record<string, never>>({
  id: 'missing-thanks',
  summary: 'No thanks when there is something to thank for: the draft mentions what the reader gave (time, a meeting, an interview) or asks while giving something.',
  rationale:
    'Professionals forget to say thank you: before being empathetic, be courteous. A thank-you for something specific the reader did (their time, a reply, a post, an introduction) is the cheapest proof that a person wrote the message. ' +
    'The rule fires only when there is something to thank for and no thanks at all: the draft mentions what the reader gave or did (their time, a meeting, a reply, an introduction), or it asks for something while giving something in return. ' +
    'A draft that only gives (an article, a congratulation, an introduction) and asks nothing is not reported. An ask with no thanks and nothing given is ask-without-thanks\'s finding, not this one: one problem, one finding. ' +
    'Any real thanks counts, a closing "Thanks," / "Merci," and "thanks in advance" / "merci d\'avance" included. Irony ("thanks for nothing", "merci pour rien") is not thanks, and "Merci de me rappeler" (merci de + infinitive) is a polite order, not thanks; "Merci pour votre temps", "Merci de votre aide", "Merci de m\'avoir reçu" are thanks.',
  category: 'courtesy',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 12,
  messages,
  options: {},
  data: {en, fr} satisfies Record<Lang, Data>,
  examples: exampleTexts(examples),
  // "Merci de me rappeler." → "Pourriez-vous me rappeler ? Merci."
  suggest: (context) => askAsQuestion(context, (suggestions as PerLanguage<{thanks: string}>)[context.lang]?.thanks),
  check({analysis, data, report}) {
    const found = courtesy(analysis)
    if (found.thanked) return
    const {sentences, bodySentence} = analysis
    if (bodySentence >= sentences.length) return // nothing but a greeting
    const ask = mainAsk(found.asks)
    // An ask with nothing given: ask-without-thanks reports it (one problem, one finding).
    if (ask && found.offers.length === 0) return
    // A meeting both sides had ("we met at the fair") is something to thank for, unless the draft
    // only gives ("here is the benchmark I promised"): a give-only draft is not reported.
    const gift = found.gifts.find((item) => item.kind !== 'encounter') ?? (found.offers.length === 0 ? found.gifts[0] : undefined)
    // Something to thank for: what the reader gave or did, or an ask (here, with something given).
    if (!gift && !ask) return
    const order = found.asks.find((item) => item.kind === 'polite-order')
    const instead = {messageId: 'instead', data: {gifts: data.thanksFor.join(', '), example: data.example}}
    const [messageId, about] = gift ? ['gift', gift] : order ? ['politeOrder', order] : ['ask', ask!]
    const place = gift ?? ask!
    report({start: place.start, end: place.end, messageId, data: {excerpt: quote(analysis, about), instead}, expected: !gift && order?.rewrite && order === ask ? [order.rewrite] : []})
  }
})
