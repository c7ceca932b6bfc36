import {execFile, spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, runCli, tempFiles} from '../helpers.js'

// The README's recipe for an export too big for one process: GNU parallel cuts the JSON Lines into
// shards of N lines, each piped through `cluelint --format jsonl -` told where its shard starts.
// Here on 800 rows (`npm run test:shards`, bench/shards.js, runs it on 100,000: too slow for the test suite on two cores).
const hasParallel = spawnSync('parallel', ['--version'], {encoding: 'utf8'}).status === 0
if (!hasParallel) console.warn('GNU parallel not found (Debian: apt-get install parallel): the sharding recipe test is skipped')

const BODIES = [
  'Hi {name}, I came across your profile and I am a huge fan. Could we book a call on Tuesday?',
  'Bonjour {name},\n\nJe me permets de vous contacter. Notre solution clé en main booste votre ROI. Merci de me rappeler.',
  'Hello {name}, thank you for the talk on onboarding churn; the part on the first week stayed with me.',
  'Hi {{first_name}}, we leverage synergy with empathy and authenticity at the heart of everything we do.'
]

/**
 * A shard's draft line as the single process prints it: fix ranges are offsets in what cluelint
 * read (the shard, from its first character), so the shard's offset in the file is added.
 */
function shifted(line: string, offset: number): string {
  if (offset === 0) return line
  const draft = JSON.parse(line)
  for (const finding of draft.findings) {
    for (const fix of [finding.fix, ...finding.suggestions.map((suggestion: {fix: unknown}) => suggestion.fix)]) {
      if (fix) fix.range = fix.range.map((at: number) => at + offset)
    }
  }
  return JSON.stringify(draft)
}

function sh(command: string, cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', command], {cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: {...process.env, NO_COLOR: '', CLUELINT_THREADS: '1'}}, (error, stdout, stderr) => {
      resolve({code: error ? ((error as {code?: number}).code ?? -1) : 0, stdout, stderr})
    })
  })
}

describe.skipIf(!hasParallel)('sharding a JSON Lines export with GNU parallel', () => {
  it('gives, merged, the single-process output line for line', async () => {
    const rows = 800
    const lines = Array.from({length: rows}, (_, index) => JSON.stringify({id: index + 1, first_name: `Reader${index}`, body: BODIES[index % BODIES.length].replaceAll('{name}', `Reader${index}`)}))
    const directory = tempFiles({'export.jsonl': lines.join('\n') + '\n'})
    const cluelint = `node ${JSON.stringify(bin)}`
    const single = await sh(`${cluelint} --format jsonl export.jsonl`, directory)
    const shards = await sh(`parallel --will-cite --pipe -k -N 200 '${cluelint} --format jsonl --stdin-filename export.jsonl --stdin-line {= $_=(seq()-1)*200+1 =} -' < export.jsonl`, directory)
    expect(single.code).toBe(1) // error findings (a merge field left in)
    // Each shard says why it exits 1 (its errors), and nothing else.
    const reasons = shards.stderr.trimEnd().split('\n')
    expect(reasons).toHaveLength(rows / 200)
    for (const reason of reasons) expect(reason).toMatch(/^cluelint: \d+ errors? in \d+ drafts?$/)
    const isSummary = (line: string) => line.startsWith('{"summary":')
    const singleLines = single.stdout.trimEnd().split('\n')
    const shardLines = shards.stdout.trimEnd().split('\n')
    // One draft per row, in row order, then the summary; four shards, four summaries.
    expect(singleLines.filter((line) => !isSummary(line))).toHaveLength(rows)
    expect(shardLines.filter(isSummary)).toHaveLength(Math.ceil(rows / 200))
    // Line for line, once each shard's fix ranges are placed in the whole file (UTF-16 offset of its first line).
    const starts = [0]
    for (const line of lines) starts.push(starts[starts.length - 1] + line.length + 1)
    const merged = shardLines.filter((line) => !isSummary(line)).map((line, index) => shifted(line, starts[index - (index % 200)]))
    expect(merged).toEqual(singleLines.filter((line) => !isSummary(line)))
    // The ranges did need placing: the shards' own lines differ from the whole file's where a fix is offered.
    expect(shardLines.filter((line) => !isSummary(line)).filter((line, index) => line !== singleLines[index]).length).toBeGreaterThan(0)
    // The shards' summaries add up to the single one (the mean from the draft lines).
    const summaries = shardLines.filter(isSummary).map((line) => JSON.parse(line).summary)
    const whole = JSON.parse(singleLines[singleLines.length - 1]).summary
    const sum = (key: string) => summaries.reduce((total, summary) => total + summary[key], 0)
    expect({drafts: sum('drafts'), findings: sum('findings'), errors: sum('errors'), warnings: sum('warnings'), minScore: Math.min(...summaries.map((summary) => summary.minScore))}).toEqual({
      drafts: whole.drafts,
      findings: whole.findings,
      errors: whole.errors,
      warnings: whole.warnings,
      minScore: whole.minScore
    })
    const scores = shardLines.filter((line) => !isSummary(line)).map((line) => JSON.parse(line).score as number)
    expect(Math.round(scores.reduce((total, score) => total + score, 0) / scores.length)).toBe(whole.meanScore)
    // Names and positions are the whole file's: the last row, on its line.
    const last = JSON.parse(shardLines[shardLines.length - 2])
    expect(last.name).toBe(`export.jsonl#${rows}`)
    expect(last.findings.every((finding: {line: number}) => finding.line === rows)).toBe(true)
  }, 120_000)
})

describe('--format jsonl and JSON Lines on standard input', () => {
  const items = ['{"first_name": "Ann", "body": "Hi Ann, thank you for the intro yesterday."}', '', '{"first_name": "Bo", "body": "Hi {{first_name}}, I came across your profile."}']

  it('prints one draft object per line, then the summary line', async () => {
    const run = await runCli(['--format', 'jsonl', '-'], {input: items.join('\n') + '\n'})
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(lines).toHaveLength(3)
    expect(lines.slice(0, 2).map((draft) => draft.name)).toEqual(['<stdin>#1', '<stdin>#2'])
    expect(Object.keys(lines[0])).toEqual(['file', 'name', 'lang', 'score', 'grade', 'findings'])
    const merge = lines[1].findings.find((finding: {rule: string}) => finding.rule === 'unfilled-merge-field')
    expect(merge).toMatchObject({line: 3, column: 34, excerpt: '{{first_name}}'})
    expect(lines[2]).toEqual({summary: expect.objectContaining({drafts: 2})})
    expect(run.code).toBe(1)
  })

  it('draft lines are those of the JSON report, and a named shard counts from its first line', async () => {
    // An export without blank lines (with one, the item numbers of a later shard would shift: README).
    const directory = tempFiles({'export.jsonl': `${items[0]}\n${items[2]}\n`})
    const json = JSON.parse((await runCli([join(directory, 'export.jsonl'), '--format', 'json'])).stdout)
    const whole = (await runCli([join(directory, 'export.jsonl'), '--format', 'jsonl'])).stdout.trimEnd().split('\n')
    expect(whole.slice(0, -1).map((line) => JSON.parse(line))).toEqual(json.drafts)
    expect(JSON.parse(whole[whole.length - 1])).toEqual({summary: json.summary})
    const shard = await runCli(['--format', 'jsonl', '--stdin-filename', join(directory, 'export.jsonl'), '--stdin-line', '2', '-'], {input: items[2] + '\n'})
    // Names, lines and columns are the file's; fix ranges count from the shard's first character.
    expect(shifted(shard.stdout.split('\n')[0], items[0].length + 1)).toBe(whole[1])
  })

  it('reads a piped draft as one draft, even one that starts with a brace', async () => {
    for (const input of ['Hi Ann, thank you for the intro.\n', '{{first_name}}, thank you for the intro.\n', '"Thanks", she said.\n']) {
      const run = await runCli(['--format', 'jsonl'], {input})
      expect(JSON.parse(run.stdout.split('\n')[0]).name).toBe('<stdin>')
    }
  })

  it('bad JSON Lines or CSV on standard input: one line naming the input, exit 2', async () => {
    const broken = await runCli(['--format', 'jsonl', '--stdin-filename', 'export.jsonl', '-'], {input: '{"body": "Hi"}\n{"body": \n'})
    expect(broken.stderr).toBe('cluelint: export.jsonl: JSON syntax error at line 2, column 10: expected a value, found the end of the file; the other lines were linted\n')
    expect(broken.code).toBe(2)
    const csv = await runCli(['--stdin-filename', 'contacts.csv', '-'], {input: 'body\nHi\n'})
    expect(csv.stderr).toMatch(/^cluelint: contacts\.csv: CSV is not read on standard input/)
    expect(csv.code).toBe(2)
  })
})
