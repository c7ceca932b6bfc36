// `cluelint --fix` (the only command that writes a draft) and `--fix-dry-run` (the diff).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, spawnCli, tempFiles} from '../helpers.js'

// The tests that name files relative to a folder spawn the built binary there (`npm test` builds it);
// they may take a while on a loaded machine.

const FR = 'Bonjour Marie,\r\n\r\nMerci pour votre retour!!!  Êtes-vous disponible mardi?\r\n\r\nAlex\r\n'
const FIXED = 'Bonjour Marie,\r\n\r\nMerci pour votre retour\u202f! Êtes-vous disponible mardi\u202f?\r\n\r\nAlex\r\n'

describe('--fix', () => {
  it('writes the safe fixes in place, BOM and CRLF kept, then reports what is left', async () => {
    const directory = tempFiles({'a.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FR)]), 'b.md': '# Note\n\nThanks for the intro ! See `a  b`.\n'})
    const run = spawnCli(['--fix', '--format', 'json', 'a.txt', 'b.md'], {cwd: directory})
    expect(run.stderr).toBe('cluelint: --fix: 5 fixes applied in 2 files\n')
    const bytes = readFileSync(join(directory, 'a.txt'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(FIXED)
    expect(readFileSync(join(directory, 'b.md'), 'utf8')).toBe('# Note\n\nThanks for the intro! See `a  b`.\n')
    const report = JSON.parse(run.stdout)
    expect(report.drafts.flatMap((draft: {findings: Array<{rule: string}>}) => draft.findings.map((finding) => finding.rule))).not.toContain('typography')
    // Nothing left to fix: a second run writes nothing.
    const again = spawnCli(['--fix', 'a.txt', 'b.md'], {cwd: directory})
    expect(again.stderr).toBe('')
    expect(readFileSync(join(directory, 'a.txt')).subarray(3).toString('utf8')).toBe(FIXED)
  }, 60_000)

  it('refuses campaign files, e-mails and HTML with one line each (exit 2), and fixes the rest', async () => {
    const csv = 'first_name,body\nSam,"Thanks!!! Call me ?"\n'
    const eml = 'From: a@b.c\nTo: Sam <s@b.c>\nSubject: Hi\n\nThanks!!! Call me ?\n'
    const html = '<p>Thanks!!! Call me ?</p>'
    const directory = tempFiles({'c.csv': csv, 'd.eml': eml, 'e.html': html, 'f.txt': 'Thanks!!! Call me ?\n'})
    const run = spawnCli(['--fix', 'c.csv', 'd.eml', 'e.html', 'f.txt'], {cwd: directory})
    expect(run.code).toBe(2)
    const lines = run.stderr.trim().split('\n')
    expect(lines.filter((line) => line.includes('not fixed'))).toEqual([
      'cluelint: c.csv: not fixed: --fix works on text and Markdown drafts only (.txt, .md), not on campaign files, e-mails or HTML',
      'cluelint: d.eml: not fixed: --fix works on text and Markdown drafts only (.txt, .md), not on campaign files, e-mails or HTML',
      'cluelint: e.html: not fixed: --fix works on text and Markdown drafts only (.txt, .md), not on campaign files, e-mails or HTML'
    ])
    expect(readFileSync(join(directory, 'c.csv'), 'utf8')).toBe(csv)
    expect(readFileSync(join(directory, 'd.eml'), 'utf8')).toBe(eml)
    expect(readFileSync(join(directory, 'e.html'), 'utf8')).toBe(html)
    expect(readFileSync(join(directory, 'f.txt'), 'utf8')).toBe('Thanks! Call me?\n')
  }, 60_000)

  it('refuses standard input and --fix with --fix-dry-run, in one line', async () => {
    const stdin = await runCli(['--fix', '-'], {input: 'Thanks!!!'})
    expect([stdin.code, stdin.stderr]).toEqual([2, 'cluelint: --fix writes files and cannot write standard input: use --fix-dry-run to see the diff\n'])
    const both = await runCli(['--fix', '--fix-dry-run', 'x.txt'])
    expect([both.code, both.stderr]).toEqual([2, 'cluelint: --fix and --fix-dry-run: give one of them\n'])
  })
})

describe('--fix-dry-run', () => {
  it('prints the diff and writes nothing', async () => {
    const directory = tempFiles({'drafts/a.txt': 'Thanks for the intro!!!  Are you free ?\n', 'drafts/clean.txt': 'Thanks for the intro.\n'})
    const run = spawnCli(['--fix-dry-run', 'drafts'], {cwd: directory})
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(
      ['--- a/drafts/a.txt', '+++ b/drafts/a.txt', '@@ -1,1 +1,1 @@', '-Thanks for the intro!!!  Are you free ?', '+Thanks for the intro! Are you free?', ''].join('\n')
    )
    expect(readFileSync(join(directory, 'drafts/a.txt'), 'utf8')).toBe('Thanks for the intro!!!  Are you free ?\n')
  }, 60_000)

  it('reads standard input', async () => {
    const run = await runCli(['--fix-dry-run', '--lang', 'fr'], {input: 'Merci!!!\n'})
    expect(run.stdout).toContain('-Merci!!!\n+Merci\u202f!\n')
  })
})

describe('JSON report', () => {
  it('has the fix and the suggestions of each finding, with ranges into the file', async () => {
    const text = 'Bonjour Marie,\n\nMerci de me rappeler!!!\n\nAlex\n'
    const run = await runCli(['--format', 'json', '--lang', 'fr', '-'], {input: text})
    const findings = JSON.parse(run.stdout).drafts[0].findings as Array<{rule: string; fix?: {range: [number, number]; text: string}; suggestions: Array<{desc: string; fix: {range: [number, number]; text: string}}>}>
    const typography = findings.filter((finding) => finding.rule === 'typography')
    expect(typography.map((finding) => [text.slice(...finding.fix!.range), finding.fix!.text])).toEqual([
      ['', '\u202f'],
      ['!!!', '!']
    ])
    const ask = findings.find((finding) => finding.rule === 'ask-without-thanks')!
    expect(ask.fix).toBeUndefined()
    expect(ask.suggestions.map((suggestion) => [text.slice(...suggestion.fix.range), suggestion.fix.text])).toEqual([['Merci de me rappeler!!!', 'Pourriez-vous me rappeler ? Merci.']])
  })
})
