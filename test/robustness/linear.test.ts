import {ParseLatin} from 'parse-latin'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {lintText} from '../../src/engine.js'
import {ParseFrench} from '../../langs/fr/parser.js'
import {draftsFromEml} from '../../src/readers/eml.js'
import type {Lang} from '../../src/types.js'
import {arrayWork, arrayWorkAsync} from './array-work.js'

/**
 * The quadratic cases of hostile testing, as counted work (array operations,
 * see array-work.ts), never time: the work at 4n over the work at n is about
 * 4 for linear code, 16 for quadratic. Before their fixes these measured
 * 13.5 to 16.
 */
const LINEAR = 4 * 1.5

const allOff = Object.fromEntries(rules.map((rule) => [rule.id, 'off' as const]))

/** The work of one rule on a text: the lint with that rule alone, less the lint with no rule (parse and analysis). */
function ruleWork(rule: string, text: string, lang: Lang): number {
  // Once unmeasured: building a processor and compiling word lists happen on first use only.
  lintText(text, {lang, rules: {...allOff, [rule]: 'warn'}})
  lintText(text, {lang, rules: allOff})
  const alone = arrayWork(() => lintText(text, {lang, rules: {...allOff, [rule]: 'warn'}}))
  const none = arrayWork(() => lintText(text, {lang, rules: allOff}))
  expect(alone.result.findings.length).toBeGreaterThan(0)
  return alone.work - none.work
}

function ruleGrowth(rule: string, make: (n: number) => string, lang: Lang, n: number): number {
  return ruleWork(rule, make(4 * n), lang) / ruleWork(rule, make(n), lang)
}

describe('work linear in the input (counted, not timed)', () => {
  it('unfilled-merge-field: `{{first_name}} ` repeated (each match was checked against every match before it)', () => {
    expect(ruleGrowth('unfilled-merge-field', (n) => '{{first_name}} '.repeat(n), 'en', 200)).toBeLessThan(LINEAR)
  })

  it('unfilled-merge-field: `{{a}}{{` repeated', () => {
    expect(ruleGrowth('unfilled-merge-field', (n) => '{{a}}{{'.repeat(n), 'en', 400)).toBeLessThan(LINEAR)
  })

  it('self-centred-opening: `Moi je ` repeated (each tic was checked against every finding before it)', () => {
    expect(ruleGrowth('self-centred-opening', (n) => 'Moi je '.repeat(n), 'fr', 400)).toBeLessThan(LINEAR)
  })

  it('the asks and thanks of a long hard-wrapped unit: `part N` lines (the unit\'s words were copied per line)', () => {
    const lines = (n: number) => Array.from({length: n}, (_, index) => `part ${index}\n`).join('') + 'Can we talk?\n'
    // The courtesy analysis (units, asks, thanks) is computed for the first rule that reads it: here the only one on.
    expect(ruleGrowth('ask-without-thanks', lines, 'en', 300)).toBeLessThan(LINEAR)
  })

  it("French elisions: `l'l'l'qu'j'` repeated (each split copied the rest of the word)", () => {
    // The French parser's own work: its parse less parse-latin's on the same text.
    const work = (n: number) => {
      const text = "l'l'l'qu'j'".repeat(n)
      const french = arrayWork(() => new ParseFrench().parse(text))
      const latin = arrayWork(() => new ParseLatin().parse(text))
      return french.work - latin.work
    }
    const small = work(150) // 1,650 characters, one "word"
    expect(small).toBeGreaterThan(0)
    expect(work(600) / small).toBeLessThan(LINEAR)
  })

  it('an e-mail of many MIME parts: reading it, and the rules on its text', async () => {
    const eml = (n: number) =>
      new TextEncoder().encode(
        'From: a@example.com\nTo: Sam <sam@example.com>\nSubject: hi\nContent-Type: multipart/mixed; boundary=x\n\n' +
          Array.from({length: n}, (_, index) => `--x\nContent-Type: text/plain\n\npart ${index}\n`).join('') +
          'Can we talk?\n--x--\n'
      )
    const read = async (n: number) => {
      const {result, work} = await arrayWorkAsync(() => draftsFromEml(eml(n), 'parts.eml'))
      expect(result[0].text).toContain(`part ${n - 1}`)
      return {text: result[0].text, work}
    }
    const small = await read(500)
    const large = await read(2000)
    expect(large.work / small.work).toBeLessThan(LINEAR)
    expect(ruleWork('ask-without-thanks', large.text, 'en') / ruleWork('ask-without-thanks', small.text, 'en')).toBeLessThan(LINEAR)
  }, 30_000)
})
