import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import retextFrench from '../../langs/fr/parser.js'
import {analyze, type Analysis} from '../../src/text/analysis.js'
import {wordUnits} from '../../src/text/counting.js'
import type {Lang} from '../../src/types.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish), fr: unified().use(retextFrench)}

function analysis(text: string, lang: Lang): Analysis {
  return analyze(parsers[lang].parse(text), text, lang)
}

/** The counted units of a text, as written, with their kind. */
const units = (text: string, lang: Lang = 'en') => wordUnits(analysis(text, lang)).map((unit) => `${unit.kind}:${text.slice(unit.start, unit.end)}`)

describe('counted words', () => {
  it('a link is one item, with or without its scheme; the period after it ends the sentence', () => {
    expect(units('Book at calendly.com/ana-ledgerly/intro-call.')).toEqual(['word:Book', 'word:at', 'url:calendly.com/ana-ledgerly/intro-call'])
    expect(units('See https://ledgerly.com/ramp-template, or ledgerly.com.')).toEqual(['word:See', 'url:https://ledgerly.com/ramp-template', 'word:or', 'url:ledgerly.com'])
    expect(units('Le modèle est sur ledgerly.fr et sub.ledgerly.co.uk/modele.', 'fr')).toEqual(['word:Le', 'word:modèle', 'word:est', 'word:sur', 'url:ledgerly.fr', 'word:et', 'url:sub.ledgerly.co.uk/modele'])
  })

  it('words with a period inside are words: Node.js, e.g., U.S., a file name, a version', () => {
    for (const text of ['We use Node.js daily.', 'Some teams, e.g. yours, do.', 'The U.S. market grew.', 'Open report.pdf now.', 'Version 2.0/3 shipped.']) {
      expect(units(text).some((unit) => unit.startsWith('url:'))).toBe(false)
    }
  })
})
