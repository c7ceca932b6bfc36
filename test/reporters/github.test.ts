import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {annotation, escapeData, escapeProperty, githubReporter} from '../../src/reporters/github.js'
import type {DraftReport, Finding} from '../../src/types.js'
import {root, runCli, tempFiles} from '../helpers.js'

function finding(overrides: Partial<Finding>): Finding {
  return {
    rule: 'buzzword-overuse',
    severity: 'warning',
    message: '`empathy` used 3 times: show it with a detail about the reader instead of naming it',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 12,
    excerpt: 'empathy',
    suggestions: [],
    offset: 0,
    endOffset: 7,
    ...overrides
  }
}

function draft(findings: Finding[], file = 'drafts/a.txt'): DraftReport {
  return {file, name: file, lang: 'en', score: 80, grade: 'B', findings}
}

describe('--format github', () => {
  it('one workflow command per finding: ::error, ::warning, ::notice', () => {
    const reporter = githubReporter({cwd: root})
    const out = reporter.draft!(
      draft([
        finding({rule: 'unfilled-merge-field', severity: 'error', message: 'Unfilled merge field `{{first_name}}`', line: 1, column: 4, endLine: 1, endColumn: 18}),
        finding({}),
        finding({rule: 'readability', severity: 'info', message: 'Long sentence', line: 7, column: 1, endLine: 8, endColumn: 20})
      ]),
      ''
    )
    expect(out).toBe(
      [
        '::error file=drafts/a.txt,line=1,col=4,endLine=1,endColumn=18,title=unfilled-merge-field::Unfilled merge field `{{first_name}}`',
        '::warning file=drafts/a.txt,line=3,col=5,endLine=3,endColumn=12,title=buzzword-overuse::`empathy` used 3 times: show it with a detail about the reader instead of naming it',
        '::notice file=drafts/a.txt,line=7,col=1,endLine=8,endColumn=20,title=readability::Long sentence',
        ''
      ].join('\n')
    )
    expect(reporter.done({version: 1, drafts: [], summary: {drafts: 1, findings: 3, errors: 1, warnings: 1, minScore: 80, meanScore: 80}})).toBe('')
  })

  it('a draft with no finding prints nothing', () => {
    expect(githubReporter({cwd: root}).draft!(draft([]), '')).toBe('')
  })

  it('escapes %, CR and LF in the message; also : and , in properties', () => {
    expect(escapeData('100% sure\r\nnext: a, b')).toBe('100%25 sure%0D%0Anext: a, b')
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae')
    const line = annotation(draft([], 'Q3: leads, final/a.txt'), finding({message: 'Cut 50%:\nkeep one ask, not two'}), root)
    expect(line).toBe('::warning file=Q3%3A leads%2C final/a.txt,line=3,col=5,endLine=3,endColumn=12,title=buzzword-overuse::Cut 50%25:%0Akeep one ask, not two\n')
  })

  it('paths are relative to the cwd with forward slashes', () => {
    const line = annotation(draft([], join(root, 'campaigns', 'q3', 'a.md')), finding({}), root)
    expect(line.startsWith('::warning file=campaigns/q3/a.md,line=3,')).toBe(true)
  })

  it('end to end: the annotation of a merge field, and --output', async () => {
    const directory = tempFiles({'drafts/a.txt': 'Hi {{first_name}},\n\nThanks for your time at the Lyon meetup.\n'})
    const run = await runCli([join(directory, 'drafts/a.txt'), '--format', 'github'], {cwd: directory})
    expect(run.code).toBe(1)
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines.every((line) => /^::(error|warning|notice) file=drafts\/a\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/.test(line))).toBe(true)
    expect(lines).toContain('::error file=drafts/a.txt,line=1,col=4,endLine=1,endColumn=18,title=unfilled-merge-field::Unfilled merge field `{{first_name}}`: write what you know about this reader instead, or lint templates with --template')
    const output = join(directory, 'annotations.txt')
    const toFile = await runCli([join(directory, 'drafts/a.txt'), '--format', 'github', '--output', output], {cwd: directory})
    expect(toFile.stdout).toBe('')
    expect(readFileSync(output, 'utf8')).toBe(run.stdout)
  })
})
