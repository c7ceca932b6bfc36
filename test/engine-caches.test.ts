import {describe, expect, it} from 'vitest'
import {cacheStats, lintText} from '../src/engine.js'
import {MAX_WORDS} from '../src/text/lexicon.js'
import {compiles} from '../src/text/phrases.js'

/**
 * A process that lints forever with changing configurations (an editor server) must stay flat:
 * what each configuration builds (its processor, the phrase matchers compiled from its lists, the
 * words they know) goes away with it. Counted, not timed: the live processors, the matchers
 * compiled and the words the lexicons know.
 */
const drafts = {
  en: 'Hi Sam,\n\nI came across your profile and loved your post on synergy. We are a leading, innovative platform. Could we book a call Tuesday? Thanks in advance.\n\nBest,\nPeter',
  fr: "Bonjour Marie,\n\nJe me permets de vous contacter car j'ai vu votre profil. Notre solution innovante et l'empathie sont au cœur de notre ADN. Merci de me rappeler.\n\nCordialement,\nPierre"
}

function lintWithConfig(n: number) {
  const words = {en: {add: [`zorblax${n}`, `widget ${n}`]}, fr: {add: [`zorblax${n}`, `machin ${n}`]}}
  const ruleOptions = {'buzzword-overuse': {words}, 'marketing-speak': {words}, 'canned-personalization': {words}}
  lintText(drafts.en, {ruleOptions})
  lintText(drafts.fr, {ruleOptions})
}

describe('engine caches', () => {
  it('keeps a bounded number of processors, matchers and words after many distinct configurations', () => {
    const defaults = [lintText(drafts.en), lintText(drafts.fr)]
    lintWithConfig(0)
    const start = {...cacheStats(), compiles: compiles.count}
    for (let n = 1; n < 41; n++) lintWithConfig(n)
    const early = {...cacheStats(), compiles: compiles.count}
    for (let n = 41; n < 81; n++) lintWithConfig(n)
    const late = {...cacheStats(), compiles: compiles.count}
    expect(early.processors).toBe(32)
    expect(late.processors).toBe(32)
    // Each configuration compiles its own lists only (the same number each time), never the rules'
    // own lists again; its added words (two per language, and their inflected forms) are all the
    // lexicons learn from it (and a lexicon starts over at MAX_WORDS).
    const perConfig = (early.compiles - start.compiles) / 40
    expect(perConfig).toBeGreaterThan(0)
    expect(perConfig).toBeLessThanOrEqual(8)
    expect(late.compiles - early.compiles).toBe(early.compiles - start.compiles)
    expect(late.words - early.words).toBeLessThanOrEqual(40 * 24)
    expect(late.words).toBeLessThanOrEqual(2 * MAX_WORDS)
    // The normalised-word caches start over at 20,000 entries each.
    expect(late.cachedWords).toBeLessThanOrEqual(40_000)
    // The default lint reads the same after all those configurations, and compiles nothing.
    const before = compiles.count
    expect([lintText(drafts.en), lintText(drafts.fr)]).toEqual(defaults)
    expect(compiles.count).toBe(before)
  })

  it('compiles a configuration’s added words for that configuration only', () => {
    const added = {'marketing-speak': {words: {en: {add: ['zorblax']}}}}
    const configured = lintText('Hi Sam, our zorblax is ready. Thanks, Peter', {ruleOptions: added})
    expect(configured.findings.some((finding) => finding.rule === 'marketing-speak' && finding.excerpt === 'zorblax')).toBe(true)
    const plain = lintText('Hi Sam, our zorblax is ready. Thanks, Peter')
    expect(plain.findings.some((finding) => finding.excerpt === 'zorblax')).toBe(false)
  })
})
