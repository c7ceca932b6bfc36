import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {editList, ruleData} from '../../src/config/words.js'
import {rulePlugin} from '../../src/engine.js'
import {defineRule} from '../../src/rule.js'
import {analyze} from '../../src/text/analysis.js'

describe('editList', () => {
  const table: Array<[string[], string[], string[], string[]]> = [
    [['synergy', 'leverage'], ['empathy'], [], ['synergy', 'leverage', 'empathy']],
    [['synergy', 'leverage'], [], ['Synergy'], ['leverage']],
    [['écosystème', 'synergie'], [], ['ecosysteme'], ['synergie']],
    [['synergy'], ['SYNERGY', 'growth hacking'], [], ['synergy', 'growth hacking']],
    [['synergy'], ['empathy'], ['empathy'], ['synergy']]
  ]
  for (const [list, add, remove, expected] of table) {
    it(`[${list}] +[${add}] -[${remove}]`, () => {
      const before = [...list]
      expect(editList(list, add, remove)).toEqual(expected)
      expect(list).toEqual(before)
    })
  }
})

interface Data {
  words: string[]
}

const counted = defineRule<Data, {minimum: number}>({
  id: 'test-words',
  summary: 'A test rule that reports listed words.',
  rationale: 'Test only.',
  category: 'wording',
  languages: ['en', 'fr'],
  severity: 'warning',
  weight: 5,
  options: {minimum: 1},
  data: {en: {words: ['synergy', 'leverage']}, fr: {words: ['synergie']}},
  examples: {en: {bad: [], good: []}, fr: {bad: [], good: []}},
  messages: {en: {word: '{{word}}'}, fr: {word: '{{word}}'}},
  extend: (data, add, remove) => ({...data, words: editList(data.words, add, remove)}),
  check({analysis, data, options, report}) {
    expect(options).toEqual({minimum: 1})
    const words = new Set(data.words)
    for (const token of analysis.tokens) {
      if (token.kind === 'word' && words.has(token.fold)) report({start: token.start, end: token.end, messageId: 'word', data: {word: token.value}})
    }
  }
})

function run(options: Record<string, unknown> | undefined, text: string): string[] {
  const file = new VFile({value: text})
  const processor = unified()
    .use(retextEnglish)
    .use(() => (tree: Root, vfile: VFile) => {
      vfile.data.analysis = analyze(tree, String(vfile.value), 'en')
    })
    .use(rulePlugin(counted, {lang: 'en', options}))
  processor.runSync(processor.parse(file), file)
  return file.messages.map((message) => message.reason)
}

describe('rule options `words`: the engine hands the rule its edited data', () => {
  const text = 'Our synergy lets you leverage empathy.'

  it('without words the rule gets its own data', () => {
    expect(run(undefined, text)).toEqual(['synergy', 'leverage'])
  })

  it('added and removed entries for the draft language apply; the options the rule sees have no `words`', () => {
    expect(run({words: {en: {add: ['empathy'], remove: ['Synergy']}}}, text)).toEqual(['leverage', 'empathy'])
  })

  it('entries for another language change nothing', () => {
    expect(run({words: {fr: {add: ['empathy']}}}, text)).toEqual(['synergy', 'leverage'])
  })

  it('the rule module keeps its data (each processor gets a copy)', () => {
    run({words: {en: {remove: ['synergy', 'leverage']}}}, text)
    expect(counted.data.en.words).toEqual(['synergy', 'leverage'])
  })

  it('a rule without extend cannot take words', () => {
    const {extend: _, ...plain} = counted
    expect(() => ruleData(plain, 'en', {en: {add: ['x']}})).toThrow('rule test-words has no word list to extend')
    expect(ruleData(plain, 'en', {en: {add: []}})).toBe(plain.data.en)
  })
})
