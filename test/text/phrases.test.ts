import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../langs/fr/parser.js'
import {analyze, type Analysis} from '../../src/text/analysis.js'
import {compilePhrases, searchWork} from '../../src/text/phrases.js'
import type {Lang} from '../../src/types.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)}

function analysis(text: string, lang: Lang = 'en'): Analysis {
  return analyze(parsers[lang].parse(text) as any, text, lang)
}

/** The matched text and the pattern that matched, for each match. */
function find(patterns: string[], text: string, options: {lang?: Lang; fillers?: string[]; from?: number; to?: number} = {}) {
  const lang = options.lang ?? 'en'
  const a = analysis(text, lang)
  const matcher = compilePhrases(patterns, lang, undefined, options.fillers)
  return matcher.find(a, options.from, options.to).map((match) => [a.text.slice(match.start, match.end), match.entry])
}

describe('compilePhrases', () => {
  it('matches words whatever their case, accents and inflection', () => {
    expect(find(['came across'], 'I Came Across your post.')).toEqual([['Came Across', 'came across']])
    expect(find(['come across'], 'I was coming across it.')).toEqual([['coming across', 'come across']])
    expect(find(['écosystème'], 'Notre ecosysteme.', {lang: 'fr'})).toEqual([['ecosysteme', 'écosystème']])
  })

  it('takes alternatives, optional words and wildcards', () => {
    expect(find(['i? came|stumbled across'], 'Stumbled across your post. I came across it.')).toEqual([
      ['Stumbled across', 'i? came|stumbled across'],
      ['I came across', 'i? came|stumbled across']
    ])
    expect(find(['loved * post'], 'I loved your post and loved reading.')).toEqual([['loved your post', 'loved * post']])
  })

  it('takes an optional word when it is there, and skips it when it is not', () => {
    expect(find(['i really? liked'], 'I really liked it. I liked it.')).toEqual([
      ['I really liked', 'i really? liked'],
      ['I liked', 'i really? liked']
    ])
  })

  it('skips filler words between the words of a pattern, not before the first', () => {
    const fillers = ['just', 'really']
    expect(find(['i came across'], 'I just came across it.', {fillers})).toEqual([['I just came across', 'i came across']])
    expect(find(['i came across'], 'I just really came across it.', {fillers})).toEqual([['I just really came across', 'i came across']])
    expect(find(['came across'], 'Just came across it.', {fillers})).toEqual([['came across', 'came across']])
    // A filler the next step takes is taken, not skipped.
    expect(find(['i just? came'], 'I just came.', {fillers})).toEqual([['I just came', 'i just? came']])
  })

  it('keeps the longest match, and of two as long the one listed first', () => {
    expect(find(['thank you', 'thank you so much'], 'Thank you so much.')).toEqual([['Thank you so much', 'thank you so much']])
    expect(find(['thank *', 'thank you'], 'Thank you.')).toEqual([['Thank you', 'thank *']])
    expect(find(['thank you', 'thank *'], 'Thank you.')).toEqual([['Thank you', 'thank you']])
    // A pattern with a fixed first word comes before one that may start anywhere.
    expect(find(['* you', 'thank you'], 'Thank you.')).toEqual([['Thank you', 'thank you']])
  })

  it('does not overlap matches, nor cross a sentence boundary', () => {
    expect(find(['a b', 'b c'], 'A b c.')).toEqual([['A b', 'a b']])
    expect(find(['your post'], 'I read your. Post it.')).toEqual([])
  })

  it('finds elided French words', () => {
    expect(find(["j'ai vu"], "J'ai vu votre profil.", {lang: 'fr'})).toEqual([["J'ai vu", "j'ai vu"]])
    expect(find(["j'ai|j'avais remarqué"], "J'ai remarqué. J'avais remarqué.", {lang: 'fr'})).toEqual([
      ["J'ai remarqué", "j'ai|j'avais remarqué"],
      ["J'avais remarqué", "j'ai|j'avais remarqué"]
    ])
  })

  it('searches the sentences asked for only', () => {
    const text = 'Thanks Sam. Thanks again. Thanks.'
    expect(find(['thanks'], text, {from: 1, to: 2})).toEqual([['Thanks', 'thanks']])
    expect(find(['thanks'], text, {from: 2})).toEqual([['Thanks', 'thanks']])
    expect(find(['thanks'], text, {from: 3})).toEqual([])
  })

  it('gives the same matches however many matchers share the draft', () => {
    const a = analysis('I came across your post and loved your post.')
    const one = compilePhrases(['came across'], 'en')
    const first = one.find(a)
    // A matcher compiled after the draft was indexed adds words: the index is rebuilt.
    const two = compilePhrases(['loved your post', 'zyzzyva'], 'en')
    expect(two.find(a).map((match) => a.text.slice(match.start, match.end))).toEqual(['loved your post'])
    expect(one.find(a)).toEqual(first)
  })

  it('knows the words of patterns compiled during a search, with patterns that may start anywhere too', () => {
    // The later words of a pattern join the vocabulary when its trie is built, during the first search.
    expect(find(['* qzxwordone', 'qzxhead qzxwordtwo'], 'Qzxhead qzxwordtwo. Any qzxwordone.')).toEqual([
      ['Qzxhead qzxwordtwo', 'qzxhead qzxwordtwo'],
      ['Any qzxwordone', '* qzxwordone']
    ])
    expect(find(['qzxheadb qzxwordthree'], 'Qzxheadb qzxwordthree.')).toEqual([['Qzxheadb qzxwordthree', 'qzxheadb qzxwordthree']])
  })

  it('searches a range of sentences in work that follows the range, not the draft (linear over every sentence)', () => {
    const matcher = compilePhrases(['any questions'], 'en')
    const work = (sentences: number) => {
      const a = analysis('Any questions? '.repeat(sentences))
      searchWork.positions = 0
      let found = 0
      for (let s = 0; s < a.sentences.length; s++) found += matcher.find(a, s, s + 1).length
      expect(found).toBe(sentences)
      return searchWork.positions
    }
    const small = work(500)
    expect(work(4000) / small).toBeLessThan(8 * 1.2)
  })
})
