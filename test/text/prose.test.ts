import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../langs/fr/parser.js'
import {analyze} from '../../src/text/analysis.js'
import {inField, isUsed} from '../../src/text/prose.js'
import type {Lang} from '../../src/types.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)}

/** [lang, draft, phrase, is it used (not quoted, not in a merge field)?] */
const table: Array<[Lang, string, string, boolean]> = [
  ['en', 'We are passionate about it.', 'passionate', true],
  ['en', 'Never write "I hope this email finds you well".', 'hope this email', false],
  ['en', 'To recap: [one-sentence value proposition].', 'value proposition', false],
  ['en', 'Hi {{first_name}}, our value proposition is simple.', 'value proposition', true],
  ['fr', 'Nous avons retiré « empathie » du texte.', 'empathie', false],
  ['fr', 'Pour résumer : [proposition de valeur en une phrase].', 'proposition de valeur', false],
  ['fr', 'Notre proposition de valeur est simple.', 'proposition de valeur', true]
]

describe('prose: words used, not mentioned', () => {
  for (const [lang, text, phrase, used] of table) {
    it(`${lang}: ${JSON.stringify(text)} uses "${phrase}": ${used}`, () => {
      const analysis = analyze(parsers[lang].parse(text) as any, text, lang)
      const start = text.indexOf(phrase)
      expect(isUsed(analysis, start, start + phrase.length)).toBe(used)
    })
  }
  it('sees a span that overlaps a merge field', () => {
    const text = 'Hello [Name] there'
    const analysis = analyze(parsers.en.parse(text) as any, text, 'en')
    expect(inField(analysis, 0, 8)).toBe(true)
    expect(inField(analysis, 13, 18)).toBe(false)
  })
})
