import {describe, expect, it} from 'vitest'
import {inflect} from '../../src/text/inflect.js'
import {foldWord, phraseWords} from '../../src/text/normalize.js'

describe('inflect', () => {
  const table: Array<['en' | 'fr', string, string[]]> = [
    ['en', 'synergy', ['synergy', 'synergies']],
    ['en', 'leverage', ['leverage', 'leverages', 'leveraged', 'leveraging']],
    ['en', 'disrupt', ['disrupts', 'disrupted', 'disrupting']],
    ['fr', 'humain', ['humain', 'humaine', 'humains', 'humaines']],
    ['fr', 'disruptif', ['disruptive', 'disruptifs', 'disruptives']],
    ['fr', 'passionné', ['passionne', 'passionnee', 'passionnes', 'passionnees']],
    ['fr', 'booster', ['booste', 'boostez', 'boostons', 'booste', 'boosterez', 'boosterait', 'boosteront', 'boosteraient']],
    ['fr', 'écosystème', ['ecosysteme', 'ecosystemes']]
  ]
  for (const [lang, lemma, forms] of table) {
    it(`${lang}: ${lemma}`, () => expect(inflect(lemma, lang)).toEqual(expect.arrayContaining(forms)))
  }
  it('=word is exact', () => expect(inflect('=us', 'en')).toEqual(['us']))
})

describe('normalisation', () => {
  it('folds case, accents, ligatures and apostrophes', () => {
    expect(foldWord('Écosystème')).toBe('ecosysteme')
    expect(foldWord('CŒUR')).toBe('coeur')
    expect(foldWord('J’ai')).toBe("j'ai")
  })
  it('splits French elisions like the parser', () => {
    expect(phraseWords("J'espère que vous allez bien", 'fr')).toEqual(["j'", 'espère', 'que', 'vous', 'allez', 'bien'])
    expect(phraseWords("I'm glad", 'en')).toEqual(["i'm", 'glad'])
  })
})
