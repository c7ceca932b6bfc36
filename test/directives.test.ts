import {describe, expect, it} from 'vitest'
import {applyDirectives, DIRECTIVE_RULE, maskDirectives, parseDirectives} from '../src/directives.js'
import {lintDraft, lintText} from '../src/engine.js'
import {draftsFromText} from '../src/readers/index.js'
import {lineIndex} from '../src/text/lines.js'
import type {Finding} from '../src/types.js'

const RULE = 'unfilled-merge-field'
const known = new Set(['buzzword-overuse', 'flattery', RULE])
const isRule = (id: string) => known.has(id)

/** A finding of `rule` on the first occurrence of `words` in `source`. */
function finding(source: string, words: string, rule = 'buzzword-overuse', from = 0): Finding {
  const offset = source.indexOf(words, from)
  if (offset === -1) throw new Error(`no ${words}`)
  const lines = lineIndex(source)
  const start = lines.toPoint(offset)
  const end = lines.toPoint(offset + words.length)
  return {rule, severity: 'warning', message: words, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, excerpt: words, suggestions: [], offset, endOffset: offset + words.length}
}

/** Which of the findings survive, as `line:excerpt`. */
function kept(source: string, findings: Finding[]): string[] {
  return applyDirectives(findings, source, isRule).kept.map((item) => `${item.line}:${item.rule}:${item.excerpt}`)
}

describe('cluelint-disable-next-line', () => {
  it('in plain text, silences exactly the next line, for that rule only', () => {
    const source = 'We value empathy.\ncluelint-disable-next-line buzzword-overuse\nOur empathy is real.\nMore empathy here.\n'
    const findings = [
      finding(source, 'empathy'),
      finding(source, 'empathy', 'buzzword-overuse', source.indexOf('Our')),
      finding(source, 'Our', 'flattery'),
      finding(source, 'empathy', 'buzzword-overuse', source.indexOf('More'))
    ]
    expect(kept(source, findings)).toEqual(['1:buzzword-overuse:empathy', '3:flattery:Our', '4:buzzword-overuse:empathy'])
  })

  it('skips blank lines and other directive lines to reach the next non-empty line', () => {
    const source = 'cluelint-disable-next-line buzzword-overuse\n\n   \n<!-- cluelint-disable-next-line flattery -->\nOur empathy, your amazing journey.\nempathy again\n'
    const findings = [finding(source, 'empathy'), finding(source, 'amazing', 'flattery'), finding(source, 'empathy again')]
    expect(kept(source, findings)).toEqual(['6:buzzword-overuse:empathy again'])
  })

  it('as an HTML comment in Markdown, and with several ids and a free comment', () => {
    const source = '# Note\n\n<!-- cluelint-disable-next-line buzzword-overuse, flattery -- the client asked for these words -->\nEmpathy and an amazing journey.\n'
    expect(kept(source, [finding(source, 'Empathy'), finding(source, 'amazing', 'flattery')])).toEqual([])
  })

  it('without an id, silences every rule on that line', () => {
    const source = 'cluelint-disable-next-line\nHi {{first_name}}, empathy.\nempathy\n'
    const findings = [finding(source, '{{first_name}}', RULE), finding(source, 'empathy'), finding(source, 'empathy', 'buzzword-overuse', source.lastIndexOf('empathy'))]
    expect(kept(source, findings)).toEqual(['3:buzzword-overuse:empathy'])
  })

  it('is not a directive inside a sentence or with a longer name', () => {
    expect(parseDirectives('Please cluelint-disable-next-line buzzword-overuse\n')).toEqual([])
    expect(parseDirectives('cluelint-disable-next-lines\ncluelint-disabled\n')).toEqual([])
  })
})

describe('cluelint-disable / cluelint-enable', () => {
  const source = [
    'empathy one', // 1
    '<!-- cluelint-disable buzzword-overuse -->', // 2
    'empathy two, amazing', // 3
    '<!-- cluelint-enable buzzword-overuse -->', // 4
    'empathy three', // 5
    'cluelint-disable', // 6
    'empathy four, amazing', // 7
    'cluelint-enable flattery', // 8
    'empathy five, amazing', // 9
    'cluelint-enable', // 10
    'empathy six' // 11
  ].join('\n')
  const findings: Finding[] = []
  for (const line of ['one', 'two', 'three', 'four', 'five', 'six']) findings.push(finding(source, `empathy ${line}`))
  let from = 0
  for (let index = 0; index < 3; index++) {
    const item = finding(source, 'amazing', 'flattery', from)
    findings.push(item)
    from = item.endOffset
  }
  findings.sort((a, b) => a.offset - b.offset)

  it('disable one rule until enabled; disable all; re-enable one while all are off; enable all', () => {
    expect(kept(source, findings)).toEqual([
      '1:buzzword-overuse:empathy one',
      '3:flattery:amazing',
      '5:buzzword-overuse:empathy three',
      '9:flattery:amazing',
      '11:buzzword-overuse:empathy six'
    ])
  })

  it('disable-line in a comment silences its own line', () => {
    const text = 'We value empathy. <!-- cluelint-disable-line buzzword-overuse -->\nempathy\n'
    expect(kept(text, [finding(text, 'empathy'), finding(text, 'empathy', 'buzzword-overuse', 20)])).toEqual(['2:buzzword-overuse:empathy'])
  })
})

describe('an unknown rule id in a directive', () => {
  it('is a warning of cluelint-directive at the id, and silences nothing', () => {
    const source = 'Hi Sam,\n<!-- cluelint-disable-next-line buzzword-overuze -->\nOur empathy.\n'
    const target = finding(source, 'empathy')
    const {kept: left, problems} = applyDirectives([target], source, isRule)
    expect(left).toEqual([target])
    expect(problems).toHaveLength(1)
    const [problem] = problems
    expect(problem).toMatchObject({rule: DIRECTIVE_RULE.id, severity: 'warning', line: 2, column: 33, endLine: 2, endColumn: 49, excerpt: 'buzzword-overuze'})
    expect(source.slice(problem.offset, problem.endOffset)).toBe('buzzword-overuze')
    expect(problem.message).toContain('`buzzword-overuze`')
  })

  it('is reported by the engine without costing points', () => {
    const text = 'Hi Sam,\n\nThanks for your time at the Lyon meetup.\ncluelint-disable-next-line no-such-rule\n'
    const plain = lintText(text.replace(/cluelint.*\n/, '\n'), {lang: 'en'})
    const report = lintText(text, {lang: 'en'})
    const problem = report.findings.find((item) => item.rule === DIRECTIVE_RULE.id)
    expect(problem).toMatchObject({line: 4, column: 28, excerpt: 'no-such-rule'})
    expect(report.score).toBe(plain.score)
    expect(lintText(text, {lang: 'en', quiet: true}).findings.filter((item) => item.rule === DIRECTIVE_RULE.id)).toEqual([])
  })
})

describe('in the engine', () => {
  it('silences a merge field in a plain-text draft, and only on the next non-empty line', () => {
    const text = 'cluelint-disable-next-line unfilled-merge-field\n\nHi {{first_name}},\n\nThanks for the call, {{first_name}}.\n'
    const report = lintText(text, {lang: 'en'})
    const fields = report.findings.filter((item) => item.rule === RULE)
    expect(fields.map((item) => [item.line, item.column, item.excerpt])).toEqual([[5, 22, '{{first_name}}']])
    const without = lintText(text.replace('cluelint-disable-next-line unfilled-merge-field', ''), {lang: 'en'})
    expect(without.findings.filter((item) => item.rule === RULE)).toHaveLength(2)
    expect(report.score).toBeGreaterThan(without.score)
  })

  it('in Markdown, an HTML comment disables a rule for the rest of the file', () => {
    const source = '# Follow-up\n\nHi {{first_name}},\n\n<!-- cluelint-disable unfilled-merge-field -->\n\nSee you at {{event}}, {{first_name}}.\n'
    const [draft] = draftsFromText(source, 'follow-up.md')
    const report = lintDraft(draft, {lang: 'en'})
    expect(report.findings.filter((item) => item.rule === RULE).map((item) => item.line)).toEqual([3])
  })

  it('the directive line itself is not linted as prose', () => {
    const text = 'cluelint-disable-next-line unfilled-merge-field\nHi Sam, thanks for your time.\n'
    const masked = maskDirectives(text)
    expect(masked).toHaveLength(text.length)
    expect(masked.split('\n')[0].trim()).toBe('')
    expect(masked.split('\n')[1]).toBe('Hi Sam, thanks for your time.')
    const report = lintText(text, {lang: 'en'})
    expect(report.findings.filter((item) => item.line === 1)).toEqual([])
  })

  it('a draft among several in a file (a CSV row) only obeys the directives inside its own text', () => {
    const source = 'name,body\nSam,"cluelint-disable unfilled-merge-field\nHi {{first_name}}"\nLee,"Hi {{first_name}}, thanks."\n'
    const firstText = 'cluelint-disable unfilled-merge-field\nHi {{first_name}}'
    const firstStart = source.indexOf(firstText)
    const secondText = 'Hi {{first_name}}, thanks.'
    const secondStart = source.indexOf(secondText)
    const drafts = [
      {text: firstText, source, map: (offset: number) => firstStart + offset, file: 'c.csv', name: 'c.csv#1'},
      {text: secondText, source, map: (offset: number) => secondStart + offset, file: 'c.csv', name: 'c.csv#2'}
    ]
    const [first, second] = drafts.map((draft) => lintDraft(draft, {lang: 'en'}).findings.filter((item) => item.rule === RULE))
    expect(first).toEqual([])
    expect(second.map((item) => item.line)).toEqual([4])
  })
})

describe('adversarial input', () => {
  it('unclosed directive comments stay linear and mask nothing', () => {
    const text = '<!-- cluelint-disable buzzword-overuse '.repeat(20000)
    expect(parseDirectives(text)).toEqual([])
    expect(maskDirectives(text)).toBe(text)
  })
})
