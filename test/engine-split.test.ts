import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {blockStarts, parseInBlocks, SPLIT_ABOVE} from '../src/blocks.js'
import {lintText} from '../src/engine.js'
import retextFrench from '../langs/fr/parser.js'
import {analyze} from '../src/text/analysis.js'
import type {Lang} from '../src/types.js'
import {sharedCorpus} from './corpus.js'

const parsers: Record<string, {parse(text: string): import('nlcst').Root}> = {en: unified().use(retextEnglish).freeze(), fr: unified().use(retextFrench).freeze()}
const whole = (text: string, lang: Lang): Root => parsers[lang].parse(text)
// Small blocks, so that texts still cheap to parse whole are cut many times.
const BLOCK = 300
const MAX = 1200
const split = (text: string, lang: Lang): Root => parseInBlocks((value) => parsers[lang].parse(value), text, BLOCK, MAX)

interface Leaf {
  type: string
  value: string
  start: {line: number; column: number; offset?: number}
  end: {line: number; column: number; offset?: number}
}

/** Every leaf with its value and position, in order. */
function leaves(tree: Root): Leaf[] {
  const out: Leaf[] = []
  const walk = (node: any) => {
    if (Array.isArray(node.children)) {
      for (const child of node.children) walk(child)
      return
    }
    out.push({type: node.type, value: node.value, start: node.position.start, end: node.position.end})
  }
  walk(tree)
  return out
}

/** Words and sentences of the analysis every rule reads, with their offsets. */
function analysisOf(tree: Root, text: string, lang: Lang) {
  const analysis = analyze(tree, text, lang)
  return {
    words: analysis.words.map((index) => [analysis.tokens[index].value, analysis.tokens[index].start, analysis.tokens[index].end]),
    sentences: analysis.sentences.map((sentence) => [sentence.start, sentence.end, sentence.words.length, sentence.question]),
    greeting: analysis.greeting,
    bodySentence: analysis.bodySentence,
    closingSentence: analysis.closingSentence
  }
}

const EN_PARAGRAPHS = [
  'Hi Dana,',
  'Thank you for the talk on onboarding last week. The part about the first ten days stayed with me, because we saw the same drop at two clients.',
  'We wrote a one-page checklist for those days: who calls, when, and what they ask. It is free, no sign-up.',
  'Would it help if I sent it over? If not, no worries at all.',
  'Thanks again for sharing the numbers so openly.',
  'Best,\nSam'
]
const FR_PARAGRAPHS = [
  'Bonjour Élodie,',
  "Merci pour votre intervention sur la fidélisation : le passage sur les dix premiers jours m'a marqué, car nous avons vu la même chose chez deux clients.",
  "Nous avons écrit une liste d'une page pour ces jours-là : qui appelle, quand, et ce qu'on demande. Elle est gratuite, sans inscription.",
  "Voulez-vous que je vous l'envoie ? Sinon, aucun souci.",
  "J'ai aussi lu « Le Guide du premier mois », c'est très juste.",
  'Bien à vous,\nCamille'
]

/** A long draft of `count` paragraphs separated by blank lines (with `\n` or `\r\n`). */
function long(paragraphs: string[], count: number, newline = '\n'): string {
  const out: string[] = []
  for (let index = 0; index < count; index++) out.push(paragraphs[index % paragraphs.length].replaceAll('\n', newline))
  return out.join(newline + newline) + newline
}

describe('blockStarts', () => {
  it('does not cut text up to the limit', () => {
    expect(blockStarts('word '.repeat(100), BLOCK, MAX)).toEqual([0])
  })

  it('cuts at blank lines first, then line breaks, then sentence ends, then spaces', () => {
    const paragraphs = long(EN_PARAGRAPHS, 40)
    for (const start of blockStarts(paragraphs, BLOCK, MAX).slice(1)) expect(paragraphs.slice(start - 2, start)).toBe('\n\n')

    const lines = Array.from({length: 80}, (_, index) => `Line ${index} of a list, with a few words on it.`).join('\n')
    for (const start of blockStarts(lines, BLOCK, MAX).slice(1)) expect(lines[start - 1]).toBe('\n')

    const sentences = 'One sentence with a few words, and another clause. '.repeat(80)
    for (const start of blockStarts(sentences, BLOCK, MAX).slice(1)) expect(sentences.slice(start - 2, start)).toBe('. ')

    const words = 'word '.repeat(1000)
    const starts = blockStarts(words, BLOCK, MAX)
    expect(starts.length).toBeGreaterThan(3)
    for (const start of starts.slice(1)) expect(words[start - 1]).toBe(' ')
  })

  it('keeps blocks within the limit when there is white space, and never cuts a run without it', () => {
    const texts = ['x'.repeat(5000), 'x'.repeat(5000) + ' ' + 'y'.repeat(5000), 'a '.repeat(3000), '\n'.repeat(5000) + 'a', long(FR_PARAGRAPHS, 60, '\r\n')]
    for (const text of texts) {
      const starts = blockStarts(text, BLOCK, MAX)
      expect(starts[0]).toBe(0)
      for (let index = 1; index < starts.length; index++) {
        expect(starts[index]).toBeGreaterThan(starts[index - 1])
        expect(starts[index]).toBeLessThan(text.length)
        expect(/\s/.test(text[starts[index] - 1])).toBe(true)
        expect(/\s/.test(text[starts[index]])).toBe(false)
      }
      const ends = [...starts.slice(1), text.length]
      starts.forEach((start, index) => {
        const piece = text.slice(start, ends[index])
        // A block longer than the limit has no place to cut (white space followed by more text).
        if (piece.length > MAX) expect(/\s\S/.test(piece)).toBe(false)
      })
    }
    expect(blockStarts('x'.repeat(5000), BLOCK, MAX)).toEqual([0])
  })
})

describe('parseInBlocks', () => {
  const cases: Array<[string, Lang, string]> = [
    ['English paragraphs', 'en', long(EN_PARAGRAPHS, 48)],
    ['French paragraphs', 'fr', long(FR_PARAGRAPHS, 48)],
    ['CRLF line ends', 'en', long(EN_PARAGRAPHS, 48, '\r\n')],
    ['emoji and accents', 'fr', long(FR_PARAGRAPHS.map((paragraph) => paragraph.replace(',', ', 👋🏽 ')), 40)]
  ]

  for (const [name, lang, text] of cases) {
    it(`${name}: cut at blank lines, the tree is the whole parse's`, () => {
      expect(blockStarts(text, BLOCK, MAX).length).toBeGreaterThan(4)
      const a = whole(text, lang)
      const b = split(text, lang)
      expect(toString(b)).toBe(text)
      expect(b).toEqual(a)
    })
  }

  it('one paragraph cut at line breaks and spaces: same words, sentences and offsets for the analysis', () => {
    const lines = Array.from({length: 120}, (_, index) => `- point ${index}: we called ${index % 7} clients, and ${index % 3 ? 'most' : 'none'} answered the first time.`).join('\n')
    const spaced = EN_PARAGRAPHS.slice(1, 4).join(' ').repeat(12)
    for (const text of [lines, spaced, lines.replaceAll('\n', '\r\n')]) {
      const a = whole(text, 'en')
      const b = split(text, 'en')
      expect(toString(b)).toBe(text)
      expect(leaves(b)).toEqual(leaves(a).map((leaf) => ({...leaf})))
      if (text !== spaced) expect(analysisOf(b, text, 'en')).toEqual(analysisOf(a, text, 'en'))
    }
  })

  it('positions point at the text, lines and columns included', () => {
    const text = long(FR_PARAGRAPHS, 40, '\r\n') + 'x'.repeat(2000) + ' fin.\rEt après.\n'
    const tree = split(text, 'fr')
    const mine = leaves(tree)
    for (const leaf of mine) expect(text.slice(leaf.start.offset, leaf.end.offset)).toBe(leaf.value)
    expect(mine).toEqual(leaves(whole(text, 'fr')))
  })

  // Real drafts, read in place (never copied): several joined into one long document.
  const corpus = sharedCorpus('real drafts joined (engine-split)')
  it.skipIf(!corpus)('real drafts joined: same analysis as the whole parse', () => {
    for (const lang of ['en', 'fr'] as const) {
      const files = readdirSync(join(corpus!, lang)).filter((file) => file.endsWith('.txt')).sort().slice(0, 30)
      const text = files.map((file) => readFileSync(join(corpus!, lang, file), 'utf8').trim()).join('\n\n') + '\n'
      // Blocks large enough to hold a paragraph: cuts at blank lines only.
      expect(blockStarts(text, 1000, 4000).length).toBeGreaterThan(3)
      const a = whole(text, lang)
      const b = parseInBlocks((value) => parsers[lang].parse(value), text, 1000, 4000)
      expect(toString(b)).toBe(text)
      expect(analysisOf(b, text, lang)).toEqual(analysisOf(a, text, lang))
    }
  })
})

describe('lintText on a long draft', () => {
  it(`splits drafts over ${SPLIT_ABOVE} characters and reports positions inside them`, () => {
    for (const [lang, paragraphs] of [['en', EN_PARAGRAPHS], ['fr', FR_PARAGRAPHS]] as const) {
      const text = long(paragraphs.map((paragraph, index) => (index === 2 ? paragraph + ' Hi {{first_name}}, [Company] is great.' : paragraph)), 500)
      expect(text.length).toBeGreaterThan(2 * SPLIT_ABOVE)
      const report = lintText(text, {lang})
      expect(report.findings.length).toBeGreaterThan(0)
      const lines = text.split('\n')
      for (const finding of report.findings) {
        expect(finding.offset).toBeGreaterThanOrEqual(0)
        expect(finding.endOffset).toBeLessThanOrEqual(text.length)
        expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
        expect(lines[finding.line - 1].slice(finding.column - 1)).toBe(text.slice(finding.offset, finding.offset + lines[finding.line - 1].length - finding.column + 1))
      }
      expect(report.findings.filter((finding) => finding.rule === 'unfilled-merge-field').length).toBeGreaterThanOrEqual(500 / paragraphs.length)
    }
  }, 30_000)
})
