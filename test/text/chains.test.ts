import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../langs/fr/parser.js'
import {verbStats} from '../../langs/en/verbs.js'
import {analyze} from '../../src/text/analysis.js'
import {courtesy} from '../../src/text/courtesy.js'
import type {Lang} from '../../src/types.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)}

/** Each ask of the draft's body, and the further orders chained to it, as text. */
function orders(body: string, lang: Lang) {
  const text = (lang === 'en' ? 'Hi Sam,\n\n' : 'Bonjour Claire,\n\n') + body
  const analysis = analyze(parsers[lang].parse(text) as any, text, lang)
  return courtesy(analysis).asks.map((ask) => ({ask: text.slice(ask.trigger.start, ask.trigger.end), chained: ask.chained.map((order) => text.slice(order.start, order.end))}))
}

describe('chained orders', () => {
  it('finds the further orders of a "merci de" sentence, each up to the next', () => {
    expect(orders("Merci de me retourner le devis signé, de me confirmer la date de démarrage et de me rappeler au 06 12 34 56 78.", 'fr')).toEqual([
      {ask: 'Merci de me retourner', chained: ['de me confirmer la date de démarrage', 'de me rappeler au 06 12 34 56 78']}
    ])
  })

  it('finds English ones by compromise\'s base-form verbs, after "and" or a comma', () => {
    expect(orders('Could you send me the floor plan, confirm the delivery date and forward this note to Dana?', 'en')).toEqual([
      {ask: 'Could you', chained: ['confirm the delivery date', 'forward this note to Dana']}
    ])
  })

  it('leaves out reply prompts, purposes and thanks: they back up the order', () => {
    expect(orders('Could you read it and let me know if March works?', 'en')[0].chained).toEqual([])
    expect(orders('Book a slot on my calendar and see how it fits your peak.', 'en')[0].chained).toEqual([])
    expect(orders('Please pass on our thanks to them, and thank you for trusting us.', 'en')[0]?.chained ?? []).toEqual([])
    expect(orders("Pourriez-vous la relire et me dire si le planning vous convient ?", 'fr')[0].chained).toEqual([])
  })

  it('stops at another subject, a condition or an alternative', () => {
    expect(orders('Are you still interested, or should I close your file and stop following up?', 'en')[0].chained).toEqual([])
    expect(orders('Could you call me or send the plan?', 'en')[0].chained).toEqual([])
    expect(orders("Merci de me rappeler si je peux passer et de confirmer la date.", 'fr')[0].chained).toEqual([])
  })

  it('needs "de" or a pronoun before a French infinitive, so a noun in -er is no order', () => {
    expect(orders('Merci de me renvoyer le devis et le premier planning.', 'fr')[0].chained).toEqual([])
    expect(orders('Merci de me renvoyer le devis et de nous suivre sur LinkedIn.', 'fr')[0].chained).toEqual(['de nous suivre sur LinkedIn'])
  })

  it('asks compromise only about a word after an order and a coordinator that the lists do not know', () => {
    const before = verbStats.texts
    orders('We cut ramp time in half for two teams. Our guide is attached. Are you free on Tuesday?', 'en')
    // After "and", a word that is never a verb there (an article, a possessive, a name): no need to ask.
    orders('Could you send the plan and the notes to Dana and Maya?', 'en')
    expect(verbStats.texts).toBe(before)
    // A verb the lists know ("confirm"): no need to ask either.
    expect(orders('Could you send the plan and confirm the date?', 'en')[0].chained).toEqual(['confirm the date'])
    expect(verbStats.texts).toBe(before)
    // One they do not: compromise reads it.
    expect(orders('Could you send the plan and notarize the lease?', 'en')[0].chained).toEqual(['notarize the lease'])
    expect(verbStats.texts).toBe(before + 1)
  })
})
