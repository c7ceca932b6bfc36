/**
 * Arbitrary text in, no crash out: every rule and every reporter returns
 * without throwing on any Unicode string (mixed scripts, emoji, combining
 * marks, right-to-left text, lone surrogates, NUL, very long words, runs of
 * thousands of punctuation marks); every finding lies inside the draft and
 * points at the excerpt it reports; a second run gives the same result.
 * fast-check with a fixed seed: the same cases on every run.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import {rules} from '../../rules/index.js'
import {githubReporter} from '../../src/reporters/github.js'
import {htmlReporter} from '../../src/reporters/html.js'
import {jsonReporter} from '../../src/reporters/json.js'
import {prettyReporter} from '../../src/reporters/pretty.js'
import {sarifReporter} from '../../src/reporters/sarif.js'
import type {Reporter} from '../../src/reporters/types.js'
import {summaryCounter} from '../../src/summary.js'
import type {Channel, DraftReport, Lang} from '../../src/types.js'

const SEED = 20261123
const RUNS = 200
const weights = new Map(rules.map((rule) => [rule.id, rule.weight]))

/** Pieces drafts are made of: words the rules look for, and everything a parser may choke on. */
const PIECES = [
  // What the rules look for, both languages.
  'Hi', 'Hello', 'Dear', 'Bonjour', 'Salut', 'Ana', 'Ruiz', 'Acme', 'thanks', 'Thank you', 'merci', 'Merci de', 'je vous remercie',
  'I am', 'We are', 'Our company', 'Je suis', 'Nous sommes', 'Moi je', 'you', 'your', 'vous', 'votre', 'empathy', 'empathie',
  'human', "l'humain", 'synergy', 'authentic', 'best-in-class', 'clé en main', 'huge fan', 'votre parcours impressionnant',
  'I came across your profile', "J'espère que vous allez bien", 'Could we book a call?', 'Pouvez-vous me rappeler ?',
  '{{first_name}}', '{FirstName}', '[Company]', '%FIRSTNAME%', '*|FNAME|*', '{{ contact.firstname }}', '<Prénom>',
  'Subject:', 'Objet :', 'Best,', 'Cordialement,', 'P.S.', 'https://calendly.com/x', 'ana@acme.com', 'www.acme.com',
  '« Salut ! »', 'jusqu\u2019à', "qu'il", 'aujourd’hui', 'Mme.', 'etc.', '365.', '12-18%', '2026',
  // Hostile text.
  '\u0000', '\uD800', '\uDFFF', '\uDBFF\uDC00', '😀', '👩🏽‍💻', '🇫🇷', 'e\u0301', 'a\u0308\u0308\u0308', 'مرحبا بكم', 'שלום', '\u202Eevil\u202C',
  '中文字符', 'Ωμέγα', 'Привет', '\u00A0', '\u202F', '\u2028', '\u2029', '\uFEFF', '\u200B', '\t', '\r\n', '\r', '\n', '\n\n', ' ',
  '.', ',', '!', '?', '…', ':', ';', '"', "'", '’', '«', '»', '(', ')', '[', ']', '{', '}', '<', '>', '-', '—', '*', '|', '%', '@', '#', '/'
]

const piece = fc.oneof(
  {weight: 6, arbitrary: fc.constantFrom(...PIECES)},
  {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 12})},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme-composite', maxLength: 8})},
  {weight: 1, arbitrary: fc.integer({min: 0xd800, max: 0xdfff}).map((code) => String.fromCharCode(code))},
  // Very long words and long runs of punctuation.
  {weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'Zz', 'é', '.', '!', '?', '-', '{', '[', '%', ' ', '\n', '😀'), fc.integer({min: 50, max: 3000})).map(([unit, count]) => unit.repeat(count))}
)
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', ', ', '. ')
const draft = fc.array(fc.tuple(piece, separator), {maxLength: 60}).map((parts) => parts.map(([text, after]) => text + after).join(''))
const meta = fc.record({readerName: fc.option(fc.constantFrom('Ana', 'Ana Ruiz', 'Élodie', '', '\uD800', '{{first_name}}'), {nil: undefined}), company: fc.option(fc.constantFrom('Acme', 'Acme Inc.', '', 'L’Oréal'), {nil: undefined})}, {requiredKeys: []})
const lang = fc.constantFrom<Lang | 'auto'>('auto', 'en', 'fr')
const channel = fc.constantFrom<Channel>('email', 'linkedin-note', 'linkedin-message', 'follow-up')

/** Line and column (1-based) of an offset, lines cut at "\n" as the engine does. */
function point(text: string, offset: number) {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return {line, column: offset - (before.lastIndexOf('\n') + 1) + 1}
}

function checkReport(text: string, report: DraftReport) {
  expect(Number.isInteger(report.score) && report.score >= 0 && report.score <= 100).toBe(true)
  for (const finding of report.findings) {
    expect(rules.some((rule) => rule.id === finding.rule) || finding.rule.startsWith('cluelint')).toBe(true)
    expect(finding.offset).toBeGreaterThanOrEqual(0)
    expect(finding.endOffset).toBeGreaterThanOrEqual(finding.offset)
    expect(finding.endOffset).toBeLessThanOrEqual(text.length)
    expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
    expect({line: finding.line, column: finding.column}).toEqual(point(text, finding.offset))
    expect({line: finding.endLine, column: finding.endColumn}).toEqual(point(text, finding.endOffset))
    expect(typeof finding.message).toBe('string')
    expect(finding.message.length).toBeGreaterThan(0)
  }
}

function reporters(): Array<[string, Reporter]> {
  return [
    ['pretty', prettyReporter({color: 0, weights, width: 80})],
    ['pretty (colour)', prettyReporter({color: 3, weights, width: 40})],
    ['json', jsonReporter()],
    ['sarif', sarifReporter({cwd: process.cwd()})],
    ['github', githubReporter({cwd: process.cwd()})],
    ['html', htmlReporter({weights})]
  ]
}

function runReporters(reports: DraftReport[], source: string) {
  for (const [name, reporter] of reporters()) {
    const counter = summaryCounter()
    let out = ''
    for (const report of reports) {
      counter.add(report)
      if (reporter.draft) out += reporter.draft(report, source)
    }
    out += reporter.done({version: 1, drafts: reporter.streaming ? [] : reports, summary: counter.summary()})
    expect(typeof out, name).toBe('string')
    if (name === 'json' || name === 'sarif') expect(() => JSON.parse(out), name).not.toThrow()
  }
}

describe('robustness: arbitrary Unicode drafts', () => {
  it('every rule returns, findings lie inside the draft and point at their excerpt, a second run is the same', () => {
    fc.assert(
      fc.property(draft, lang, meta, channel, (text, language, readerMeta, where) => {
        const options = {lang: language, meta: {...readerMeta, channel: where}, file: 'draft.txt'}
        const first = lintText(text, options)
        checkReport(text, first)
        expect(lintText(text, options)).toEqual(first)
      }),
      {seed: SEED, numRuns: RUNS}
    )
  }, 120_000)

  it('every reporter renders any report', () => {
    fc.assert(
      fc.property(fc.array(draft, {minLength: 1, maxLength: 3}), (texts) => {
        const reports = texts.map((text, index) => lintText(text, {file: `d${index}.txt`}))
        runReporters(reports, texts[0])
      }),
      {seed: SEED, numRuns: Math.round(RUNS / 4)}
    )
  }, 120_000)

  const hostile: Array<[string, string]> = [
    ['10,000 full stops', '.'.repeat(10_000)],
    ['10,000 mixed punctuation marks', '!?.,;:…«»"()'.repeat(834).slice(0, 10_000)],
    ['10,000 exclamation marks after a greeting', 'Hi Ana,\n\n' + '!'.repeat(10_000)],
    ['a 20,000-letter word', 'Hi Ana, ' + 'a'.repeat(20_000) + ' thanks.'],
    ['a 20,000-letter French word', 'Bonjour Ana, ' + 'é'.repeat(20_000) + ' merci.'],
    ['20,000 emoji', '😀'.repeat(20_000)],
    ['combining marks on one letter', 'e' + '\u0301'.repeat(10_000)],
    ['lone surrogates', '\uD800\uDC00\uD800 \uDFFF'.repeat(2000)],
    ['NUL bytes', 'Hi\u0000Ana\u0000'.repeat(2000)],
    ['right-to-left and bidi controls', '\u202Eمرحبا Ana\u202C שלום '.repeat(1000)],
    ['10,000 blank lines', 'Hi Ana,' + '\n'.repeat(10_000) + 'Thanks'],
    ['10,000 merge-field openers', '{{'.repeat(5000) + '[['.repeat(5000)],
    ['CRLF everywhere', 'Hi Ana,\r\n\r\nThanks for the talk.\r\n'.repeat(1000)]
  ]
  for (const [name, text] of hostile) {
    it(`survives ${name}`, () => {
      for (const language of ['auto', 'en', 'fr'] as const) {
        const report = lintText(text, {lang: language, meta: {readerName: 'Ana', company: 'Acme'}})
        checkReport(text, report)
        runReporters([report], text)
      }
    }, 60_000)
  }
})
