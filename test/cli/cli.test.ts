import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, runCli, spawnCli, tempFiles} from '../helpers.js'

const enBad = 'fixtures/en/bad/merge-field.txt'

describe('cluelint (built binary)', () => {
  it('reports a merge field at line 1 with its column, exit 1', () => {
    const run = spawnCli([enBad, '--no-color'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('1:4')
    expect(run.stdout).toContain('unfilled-merge-field')
    expect(run.stdout).toMatch(/\d+\/100 [A-F]/)
    expect(run.stderr).toBe('cluelint: 2 errors in 1 draft\n')
  })

  it('prints the JSON report of SPEC', () => {
    const run = spawnCli([enBad, '--format', 'json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout)
    expect(report.version).toBe(1)
    expect(Object.keys(report)).toEqual(['version', 'drafts', 'summary'])
    const [draft] = report.drafts
    expect(Object.keys(draft)).toEqual(['file', 'name', 'lang', 'score', 'grade', 'findings'])
    expect(draft).toMatchObject({file: enBad, name: enBad, lang: 'en'})
    expect(draft.score).toBeLessThan(100)
    const field = draft.findings.find((finding: any) => finding.excerpt === '{{first_name}}')
    expect(field).toEqual({
      rule: 'unfilled-merge-field',
      severity: 'error',
      message: expect.stringContaining('{{first_name}}'),
      // An extension of SPEC's finding: the id of the message, the same in every locale.
      messageId: 'mergeField',
      line: 1,
      column: 4,
      endLine: 1,
      endColumn: 18,
      excerpt: '{{first_name}}',
      suggestions: []
    })
    expect(Object.keys(report.summary)).toEqual(['drafts', 'findings', 'errors', 'warnings', 'minScore', 'meanScore'])
    expect(report.summary.drafts).toBe(1)
    expect(report.summary.errors).toBeGreaterThan(0)
  })

  it('detects French on standard input', () => {
    const run = spawnCli(['--format', 'json'], {input: 'Bonjour Marie, merci pour votre temps.'})
    const report = JSON.parse(run.stdout)
    expect(report.drafts[0].lang).toBe('fr')
    expect(report.drafts[0].name).toBe('<stdin>')
  })

  it('lists rules and explains one', () => {
    const list = spawnCli(['rules', '--format', 'json'])
    expect(list.code).toBe(0)
    const rules = JSON.parse(list.stdout)
    expect(rules.map((rule: any) => rule.id)).toContain('unfilled-merge-field')
    const explain = spawnCli(['explain', 'unfilled-merge-field', '--no-color'])
    expect(explain.code).toBe(0)
    expect(explain.stdout).toContain('Why')
    expect(explain.stdout).toContain('Français')
    expect(explain.stdout).toContain('{{first_name}}')
  })

  // The built CLI loads every format but pretty on demand (a chunk of its own): each must print
  // what the same run prints in process, from the sources.
  it('loads each report format, rules and explain on demand, with the same output as in process', async () => {
    for (const args of [
      ...['pretty', 'json', 'sarif', 'github', 'html'].map((format) => [enBad, 'fixtures/fr/bad', '--format', format]),
      ['fixtures/*/good/*.txt', '--format', 'json'],
      ['rules'],
      ['rules', '--format', 'json'],
      ['explain', 'flattery']
    ]) {
      const built = spawnCli(args, {env: {NO_COLOR: '1'}})
      const inProcess = await runCli(args)
      expect(built.stderr, args.join(' ')).toBe(inProcess.stderr)
      expect(built.code, args.join(' ')).toBe(inProcess.code)
      expect(built.stdout.length, args.join(' ')).toBeGreaterThan(100)
      expect(built.stdout, args.join(' ')).toBe(inProcess.stdout)
    }
    // Nine runs of the binary and nine in process: minutes on a loaded machine.
  }, 300_000)

  it('exits 2 with a one-line reason for an unknown rule id', () => {
    const run = spawnCli(['explain', 'no-such-rule'])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain('no-such-rule')
  })
})

describe('cluelint (in process)', () => {
  it('exits 0 on a clean draft', async () => {
    const run = await runCli(['fixtures/en/good/thank-you-note.txt'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('100/100 A')
  })

  it('--rule turns a rule off', async () => {
    const run = await runCli([enBad, '--rule', 'unfilled-merge-field=off', '--format', 'json'])
    const report = JSON.parse(run.stdout)
    expect(report.drafts[0].findings.filter((finding: any) => finding.rule === 'unfilled-merge-field')).toEqual([])
  })

  it('--rule with an unknown id or severity is a usage error', async () => {
    const unknown = await runCli([enBad, '--rule', 'nope=error'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown rule id 'nope'/)
    const badSeverity = await runCli([enBad, '--rule', 'unfilled-merge-field=loud'])
    expect(badSeverity.code).toBe(2)
    expect(badSeverity.stderr).toMatch(/unknown severity 'loud'/)
  })

  it('rejects an unknown format and a bad --min-score', async () => {
    expect((await runCli([enBad, '--format', 'xml'])).code).toBe(2)
    const score = await runCli([enBad, '--min-score', 'abc'])
    expect(score.code).toBe(2)
    expect(score.stderr).toContain('--min-score')
  })

  it('--min-score and --max-warnings fail the run', async () => {
    const good = 'fixtures/en/good/thank-you-note.txt'
    expect((await runCli([good, '--min-score', '100'])).code).toBe(0)
    const directory = tempFiles({'a.txt': 'Hi {{first_name}}, thanks for your time.'})
    const low = await runCli([join(directory, 'a.txt'), '--rule', 'unfilled-merge-field=warn', '--min-score', '99'])
    expect(low.code).toBe(1)
    expect(low.stderr).toContain('below --min-score 99')
    const warnings = await runCli([join(directory, 'a.txt'), '--rule', 'unfilled-merge-field=warn', '--max-warnings', '0'])
    expect(warnings.code).toBe(1)
    expect(warnings.stderr).toContain('exceed --max-warnings 0')
    const allowed = await runCli([join(directory, 'a.txt'), '--rule', 'unfilled-merge-field=warn', '--max-warnings', '5'])
    expect(allowed.code).toBe(0)
  })

  it('--quiet keeps errors only', async () => {
    const run = await runCli([enBad, '--quiet', '--format', 'json'])
    const report = JSON.parse(run.stdout)
    expect(report.drafts[0].findings.every((finding: any) => finding.severity === 'error')).toBe(true)
  })

  it('--output writes the report to a file, nothing on stdout', async () => {
    const directory = tempFiles({})
    const output = join(directory, 'report.json')
    const run = await runCli([enBad, '--format', 'json', '--output', output])
    expect(run.stdout).toBe('')
    expect(JSON.parse(readFileSync(output, 'utf8')).drafts).toHaveLength(1)
  })

  it('recurses directories and expands globs', async () => {
    const run = await runCli(['fixtures/en', '--format', 'json'])
    const names = JSON.parse(run.stdout).drafts.map((draft: any) => draft.name)
    expect(names).toContain(join('fixtures/en/bad/merge-field.txt'))
    expect(names.every((name: string) => /\.(txt|md)$/.test(name))).toBe(true)
    const glob = await runCli(['fixtures/*/bad/*.txt', '--format', 'json'])
    expect(JSON.parse(glob.stdout).drafts.length).toBeGreaterThanOrEqual(2)
  })

  it('colour: off for non-TTY and NO_COLOR, on with FORCE_COLOR', async () => {
    expect((await runCli([enBad])).stdout).not.toMatch(/\u001b\[/)
    expect((await runCli([enBad], {tty: true, env: {NO_COLOR: '1'}})).stdout).not.toMatch(/\u001b\[/)
    expect((await runCli([enBad], {tty: true, env: {}})).stdout).toMatch(/\u001b\[/)
    expect((await runCli([enBad], {env: {FORCE_COLOR: '1'}})).stdout).toMatch(/\u001b\[/)
    expect((await runCli([enBad, '--no-color'], {env: {FORCE_COLOR: '1'}})).stdout).not.toMatch(/\u001b\[/)
  })

  it('points at the words with carets when there is no colour', async () => {
    const run = await runCli([enBad])
    const lines = run.stdout.split('\n')
    const at = lines.findIndex((line) => line.includes('│ Hi {{first_name}},'))
    expect(at).toBeGreaterThan(-1)
    const caretLine = lines[at + 1]
    const bar = caretLine.indexOf('│ ') + 2
    expect(caretLine.slice(bar)).toBe('   ' + '^'.repeat(14))
  })
})

describe('bad input', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary file/],
    ['latin1.txt', Buffer.from([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]), /invalid UTF-8 at byte 3/],
    ['empty.txt', '', /empty file/],
    ['blank.txt', ' \n\t\n', /empty file/]
  ]
  for (const [name, content, reason] of cases) {
    it(`${name}: one-line error naming the file, exit 2, other files still linted`, async () => {
      const directory = tempFiles({[name]: content, 'ok.txt': 'Hi Sam, thanks for the intro to Lee.'})
      const run = await runCli([join(directory, name), join(directory, 'ok.txt'), '--format', 'json'])
      expect(run.code).toBe(2)
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(join(directory, name))
      expect(lines[0]).toMatch(reason)
      expect(JSON.parse(run.stdout).drafts.map((draft: any) => draft.name)).toEqual([join(directory, 'ok.txt')])
    })
  }

  it('a missing path is an error for that path only', async () => {
    const run = await runCli(['does-not-exist.txt', enBad, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('cluelint: does-not-exist.txt: no such file or directory\n')
    expect(JSON.parse(run.stdout).drafts).toHaveLength(1)
  })

  it('BOM and CRLF: positions still point into the file', async () => {
    const directory = tempFiles({'crlf.txt': '\uFEFFHello Sam,\r\nThanks for the call.\r\nHi again {{first_name}}.\r\n'})
    const file = join(directory, 'crlf.txt')
    const before = readFileSync(file)
    const mtime = statSync(file).mtimeMs
    const run = await runCli([file, '--format', 'json'])
    const finding = JSON.parse(run.stdout).drafts[0].findings.find((item: any) => item.rule === 'unfilled-merge-field')
    expect(finding).toMatchObject({line: 3, column: 10, endLine: 3, endColumn: 24, excerpt: '{{first_name}}'})
    // Read only: the file is untouched.
    expect(readFileSync(file)).toEqual(before)
    expect(statSync(file).mtimeMs).toBe(mtime)
  })

  it('a file too large is refused with its size', async () => {
    const directory = tempFiles({'huge.txt': 'word '.repeat(4 * 1024 * 1024)})
    const run = await runCli([join(directory, 'huge.txt')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/huge\.txt: file too large \(20\.0 MB, limit 16\.0 MB\)/)
  })

  it('an empty standard input is an error', async () => {
    const run = await runCli(['-'], {input: ''})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('cluelint: <stdin>: empty file, nothing to lint\n')
  })

  it('no input on a terminal is a usage error', async () => {
    const run = await runCli([])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('no input')
  })
})

it('the fixtures folder exists where the README says', () => {
  expect(statSync(join(root, 'fixtures/en/bad/merge-field.txt')).isFile()).toBe(true)
})
