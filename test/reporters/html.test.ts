import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {lintText} from '../../src/engine.js'
import {escapeHtml, highlightHtml, htmlReporter, segment, spanOffsets, type Span} from '../../src/reporters/html.js'
import {summarize} from '../../src/index.js'
import {runCli, tempFiles} from '../helpers.js'

const weights = new Map(rules.map((rule) => [rule.id, rule.weight]))
const span = (id: string, start: number, end: number): Span => ({id, start, end, family: 'wording'})

describe('escapeHtml', () => {
  const cases: Array<[string, string]> = [
    ['plain', 'plain'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['line\r\nbreak', 'line\nbreak'],
    ['&amp;', '&amp;amp;']
  ]
  for (const [input, output] of cases) it(JSON.stringify(input), () => expect(escapeHtml(input)).toBe(output))
})

describe('segment: every finding keeps its own pieces, overlapping or not', () => {
  const cases: Array<{name: string; length: number; spans: Span[]; expected: Array<[number, number, string[]]>}> = [
    {name: 'no finding', length: 5, spans: [], expected: [[0, 5, []]]},
    {name: 'one finding inside', length: 10, spans: [span('a', 2, 5)], expected: [[0, 2, []], [2, 5, ['a']], [5, 10, []]]},
    {name: 'crossing findings', length: 10, spans: [span('a', 1, 6), span('b', 4, 9)], expected: [[0, 1, []], [1, 4, ['a']], [4, 6, ['a', 'b']], [6, 9, ['b']], [9, 10, []]]},
    {name: 'nested findings', length: 10, spans: [span('a', 0, 10), span('b', 3, 5)], expected: [[0, 3, ['a']], [3, 5, ['a', 'b']], [5, 10, ['a']]]},
    {name: 'the same words twice', length: 4, spans: [span('a', 0, 4), span('b', 0, 4)], expected: [[0, 4, ['a', 'b']]]},
    {name: 'touching findings', length: 6, spans: [span('a', 0, 3), span('b', 3, 6)], expected: [[0, 3, ['a']], [3, 6, ['b']]]},
    {name: 'a zero-length finding is a pin', length: 4, spans: [span('a', 2, 2)], expected: [[0, 2, []], [2, 2, ['a']], [2, 4, []]]},
    {name: 'a finding at the very end', length: 4, spans: [span('a', 2, 4)], expected: [[0, 2, []], [2, 4, ['a']]]}
  ]
  for (const {name, length, spans, expected} of cases) {
    it(name, () => {
      const pieces = segment(length, spans)
      expect(pieces.map((piece) => [piece.start, piece.end, piece.ids])).toEqual(expected)
      // Pieces tile the text, and each finding's pieces cover exactly its range.
      expect(pieces.filter((piece) => !piece.pin).reduce((sum, piece) => sum + piece.end - piece.start, 0)).toBe(length)
      for (const item of spans.filter((item) => item.end > item.start)) {
        const own = pieces.filter((piece) => piece.ids.includes(item.id) && !piece.pin)
        expect(own[0].start).toBe(item.start)
        expect(own[own.length - 1].end).toBe(item.end)
        expect(pieces.filter((piece) => piece.starts.includes(item.id))).toHaveLength(1)
      }
    })
  }
})

describe('spanOffsets', () => {
  it('finds a finding from its line and column', () => {
    const source = 'Hi {{name}},\nthanks.\n'
    expect(spanOffsets(source, 1, {line: 1, column: 4, endLine: 1, endColumn: 12})).toEqual({start: 3, end: 11})
    expect(source.slice(3, 11)).toBe('{{name}}')
  })
  it('counts lines from where the part starts (a CSV row)', () => {
    const row = '2,"Hello {{first}}, thanks"\n'
    expect(spanOffsets(row, 7, {line: 7, column: 10, endLine: 7, endColumn: 19})).toEqual({start: 9, end: 18})
    expect(row.slice(9, 18)).toBe('{{first}}')
  })
  it('gives up on a line outside the part', () => {
    expect(spanOffsets('one line', 3, {line: 1, column: 1, endLine: 1, endColumn: 2})).toBeUndefined()
  })
})

describe('highlightHtml', () => {
  it('escapes the draft and keeps its text whole', () => {
    const source = 'Hi <b>{{first_name}}</b> & "friends"'
    const start = source.indexOf('{{')
    const html = highlightHtml(source, [span('d1-f1', start, start + '{{first_name}}</b'.length)])
    expect(html).not.toContain('<b>')
    expect(html).toContain('<mark class="hl b-wording u-wording" aria-describedby="d1-f1" tabindex="0">{{first_name}}&lt;/b</mark>')
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    expect(text).toBe(source)
  })
  it('makes only the piece where a finding starts a keyboard stop', () => {
    const html = highlightHtml('abcdefghij', [span('a', 1, 6), span('b', 4, 9)])
    expect(html.match(/tabindex/g)).toHaveLength(2)
    expect(html).toContain('<mark class="hl b-wording u-wording" aria-describedby="a b" tabindex="0">ef</mark>')
    expect(html).toContain('<mark class="hl b-wording u-wording" aria-describedby="b">ghi</mark>')
  })
})

describe('htmlReporter', () => {
  it('renders the drafts it was given with their sources', () => {
    const source = 'Hi {{first_name}},\n\nI hope this email finds you well. Can we talk?'
    const report = {...lintText(source, {lang: 'en'}), name: 'a.txt', file: 'a.txt'}
    const reporter = htmlReporter({weights})
    expect(reporter.draft!(report, source)).toBe('')
    const html = reporter.done({version: 1, drafts: [report], summary: summarize([report])})
    expect(html.startsWith('<!doctype html>')).toBe(true)
    for (const [index, finding] of report.findings.entries()) {
      expect(html).toContain(`id="d1-f${index + 1}"`)
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*\\bd1-f${index + 1}\\b`))
      expect(finding.excerpt.length).toBeGreaterThan(0)
    }
    expect(html).toContain(`aria-label="Score ${report.score} out of 100, grade ${report.grade}"`)
    expect(html).not.toContain('id="drafts-table"')
  })

  it('allows its own script by hash and nothing from the network', () => {
    const html = htmlReporter({weights}).done({version: 1, drafts: [], summary: summarize([])})
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]
    const hash = createHash('sha256').update(script).digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}'`)
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(html).toContain('No drafts were linted.')
    // The page itself (style, script, shell) stays small.
    expect(Buffer.byteLength(html)).toBeLessThan(20_000)
  })
})

describe('--format html (CLI)', () => {
  it('escapes untrusted drafts and file names', async () => {
    const directory = tempFiles({'<img src=x onerror=alert(1)>.txt': 'Hi {{first_name}}, <script>alert("x")</script> I came across your profile.'})
    const output = join(directory, 'report.html')
    const run = await runCli([directory, '--format', 'html', '-o', output])
    expect(run.stderr).toBe('cluelint: 1 error in 1 draft\n')
    const html = readFileSync(output, 'utf8')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.txt')
    expect(html.match(/<script>/g)).toHaveLength(1)
  })

  it('adds the overview for several drafts: charts and one table row per draft', async () => {
    const directory = tempFiles({
      'a.txt': 'Hi {{first_name}}, I came across your profile. Can we talk on Monday?',
      'b.txt': 'Hi Sam, thank you for your talk on Tuesday; the checklist you showed is now on our wall.'
    })
    const run = await runCli([directory, '--format', 'html'])
    expect(run.stdout).toContain('id="drafts-table"')
    expect(run.stdout).toContain('id="score-chart"')
    expect(run.stdout).toContain('id="rule-chart"')
    expect(run.stdout.match(/<tr data-index=/g)).toHaveLength(2)
    expect(run.stdout).toContain('unfilled-merge-field')
  })
})
