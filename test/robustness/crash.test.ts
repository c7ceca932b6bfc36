import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {blockStarts, SPLIT_ABOVE} from '../../src/blocks.js'
import {lintDraft, lintText} from '../../src/engine.js'
import {InputError} from '../../src/readers/decode.js'
import {draftsFromEml} from '../../src/readers/eml.js'
import {extractHtml} from '../../src/readers/html.js'
import {prettyReporter} from '../../src/reporters/pretty.js'
import type {DraftReport, Finding} from '../../src/types.js'
import {runCli, tempFiles} from '../helpers.js'

/** Inputs that crashed the whole run ("Maximum call stack size exceeded"): each is now a draft like any other. */
describe('inputs that overflowed the stack', () => {
  const deepHtml = '<body>' + '<div>'.repeat(2000) + 'Hi Sam, thanks.'

  it('reads HTML nested 2,000 levels deep (and 10,000)', () => {
    expect(extractHtml(deepHtml).text).toBe('Hi Sam, thanks.')
    const deeper = extractHtml('<body>' + '<blockquote><div>'.repeat(5000) + 'Merci Marie.' + '</div></blockquote>'.repeat(5000) + '<p>Bonne journée</p>')
    expect(deeper.text).toBe('Merci Marie.\n\nBonne journée')
  }, 30_000)

  it('reads an e-mail whose Subject is 125 KB', async () => {
    const subject = 'x'.repeat(125_000)
    const [draft] = await draftsFromEml(new TextEncoder().encode(`From: a@example.com\nTo: Sam <sam@example.com>\nSubject: ${subject}\n\nHi Sam, thanks.\n`), 'long.eml')
    expect(draft.text).toBe(`Subject: ${subject}\n\nHi Sam, thanks.`)
    expect(draft.map!(draft.text.length - 1)).toBeGreaterThan(125_000)
  })

  it('prints a pretty report of 150,000 findings (more than a call takes arguments)', () => {
    const finding: Finding = {rule: 'flattery', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 3, excerpt: 'Hi', suggestions: [], offset: 0, endOffset: 2}
    const findings = Array.from({length: 150_000}, (_, index) => ({...finding, line: index === 149_999 ? 2 : 1, severity: index === 149_999 ? ('info' as const) : finding.severity}))
    const draft: DraftReport = {file: 'many.txt', name: 'many.txt', lang: 'en', score: 0, grade: 'F', findings}
    const out = prettyReporter({color: 0, weights: new Map()}).draft!(draft, 'Hi Sam,\nHi Sam,\n')
    // The widest place (`2:1` is as wide as `1:1`) and the widest label (`warning`) set the columns.
    expect(out).toContain('\n  2:1  note     m  flattery\n')
    expect(out.split('\n').filter((line) => line.startsWith('  1:1  warning  m  flattery')).length).toBe(149_999)
  }, 30_000)

  it('cuts a run with no white space (a 400 KB hyphenated "word", French elisions) into blocks parse-latin can take', () => {
    for (const text of ['a-'.repeat(200_000), "l'l'l'qu'j'".repeat(100_000), '😀'.repeat(100_000)]) {
      const starts = blockStarts(text)
      for (let index = 0; index < starts.length; index++) {
        const end = starts[index + 1] ?? text.length
        expect(end - starts[index]).toBeLessThanOrEqual(SPLIT_ABOVE)
        // Never between the halves of a surrogate pair.
        expect(text.charCodeAt(starts[index]) >= 0xdc00 && text.charCodeAt(starts[index]) <= 0xdfff).toBe(false)
      }
    }
    // Linted through those blocks (sizes past SPLIT_ABOVE, kept small for the suite).
    expect(lintText('Hi {{first_name}}, ' + 'a-'.repeat(20_000), {lang: 'en'}).findings.map((finding) => finding.rule)).toContain('unfilled-merge-field')
    const french = lintText("Merci Marie. l'l'l'qu'j'".repeat(2000), {lang: 'fr'})
    expect(french.lang).toBe('fr')
  }, 30_000)

  it('lints the other files of the run', async () => {
    const directory = tempFiles({
      'deep.html': deepHtml,
      'long.eml': `From: a@example.com\nTo: Sam <sam@example.com>\nSubject: ${'x'.repeat(125_000)}\n\nHi Sam, thanks.\n`,
      'good.txt': 'Hi Sam,\n\nThanks for the notes on churn last week.\n\nBest,\nAlex\n'
    })
    const run = await runCli([join(directory, 'deep.html'), join(directory, 'long.eml'), join(directory, 'good.txt'), '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).drafts.map((draft: DraftReport) => draft.file.slice(directory.length + 1))).toEqual(['deep.html', 'long.eml', 'good.txt'])
  }, 30_000)
})

describe('a draft that cannot be linted', () => {
  it('is an InputError naming the draft, in one line, not a crash', () => {
    const draft = {text: 'Hi Sam, {{first_name}} thanks.', file: 'row.csv', name: 'row.csv#3', map: () => {
      throw new RangeError('Maximum call stack size exceeded')
    }}
    let caught: unknown
    try {
      lintDraft(draft)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(InputError)
    expect((caught as InputError).message).toBe('row.csv#3: could not be linted (RangeError: Maximum call stack size exceeded)')
  })
})
