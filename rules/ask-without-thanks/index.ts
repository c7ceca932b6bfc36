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
  examples: exampleTexts(examples),
  // "Merci de me rappeler." → "Pourriez-vous me rappeler ? Merci."
  suggest: (context) => askAsQuestion(context, (suggestions as PerLanguage<{thanks: string}>)[context.lang]?.thanks),
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
