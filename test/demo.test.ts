import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {main, type Io} from '../src/cli.js'
import {fixturePairs, lintPair} from '../src/demo.js'
import {runCli, tempFiles} from './helpers.js'

const sidecar = (extra: object = {}) => JSON.stringify({must: [], mustNot: [], ...extra})

describe('fixturePairs', () => {
  const root = tempFiles({
    'en/bad/length-1.txt': 'long',
    'en/bad/length-2.txt': 'longer',
    'en/good/length-2.txt': 'short',
    'en/good/length-3.txt': 'shorter',
    'en/bad/flattery-1.txt': 'huge fan',
    'en/good/flattery-4.txt': 'thanks',
    'en/bad/readability-1.txt': 'hard',
    'en/bad/my-own-story.txt': 'anything',
    'en/good/rewritten.txt': 'rewritten',
    'en/good/rewritten.json': sidecar({pair: 'my-own-story'}),
    'en/bad/my-own-story.json': sidecar({must: ['canned-personalization']}),
    'en/bad/not-a-rule-1.txt': 'x',
    'en/good/not-a-rule-1.txt': 'y',
    'fr/bad/flattery-1.txt': 'génie',
    'fr/good/flattery-1.txt': 'merci'
  })
  const pairs = fixturePairs({root})
  const names = pairs.map((pair) => `${pair.lang} ${pair.rule.id}: ${pair.bad.stem} -> ${pair.good.stem}`)

  it('pairs by rule id, same number first, else first with first; explicit pairs from the good sidecar', () => {
    expect(names).toEqual([
      'en canned-personalization: my-own-story -> rewritten',
      'en flattery: flattery-1 -> flattery-4',
      'en length: length-2 -> length-2',
      'fr flattery: flattery-1 -> flattery-1'
    ])
  })

  it('finds no pair without a good version', () => {
    expect(fixturePairs({root: tempFiles({'en/bad/flattery-1.txt': 'huge fan'})})).toEqual([])
  })

  it('filters by language', () => {
    expect(fixturePairs({root, langs: ['fr']}).map((pair) => pair.lang)).toEqual(['fr'])
  })

  it('pairs the built-in fixtures: a bad and a good draft of the same rule and language', () => {
    const builtIn = fixturePairs()
    expect(builtIn.length).toBeGreaterThan(0)
    for (const pair of builtIn) {
      expect(pair.bad.name).toMatch(new RegExp(`^fixtures/${pair.lang}/bad/`))
      expect(pair.good.name).toMatch(new RegExp(`^fixtures/${pair.lang}/good/`))
      if (pair.good.sidecar.pair === undefined) {
        expect(pair.bad.rule).toBe(pair.rule.id)
        expect(pair.good.rule).toBe(pair.rule.id)
      }
      const linted = lintPair(pair)
      expect(linted.before.report.lang).toBe(pair.lang)
      expect(linted.after.report.score).toBeGreaterThanOrEqual(linted.before.report.score)
    }
  })
})

describe('cluelint demo', () => {
  const pairs = fixturePairs()

  it('--all prints every pair: findings, scores before and after, the rationale', async () => {
    const run = await runCli(['demo', '--all', '--no-color'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    pairs.forEach((pair, index) => {
      expect(run.stdout).toContain(`${index + 1}/${pairs.length} · ${pair.rule.id}`)
      expect(run.stdout).toContain(pair.bad.name)
      expect(run.stdout).toContain(pair.good.name)
    })
    const linted = lintPair(pairs[0])
    expect(run.stdout).toContain(`Score  ${linted.before.report.score}/100 ${linted.before.report.grade} → ${linted.after.report.score}/100 ${linted.after.report.grade}`)
    expect(run.stdout).toContain('Why')
    for (const line of run.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80)
  })

  it('--lang keeps one language', async () => {
    const run = await runCli(['demo', '--all', '--lang', 'fr', '--no-color'])
    expect(run.stdout).toContain('Français')
    expect(run.stdout).not.toContain('fixtures/en/')
  })

  it('does not wait for a key when stdin is not a terminal', async () => {
    const run = await runCli(['demo'], {input: '', tty: true})
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`${pairs.length}/${pairs.length} · `)
    expect(run.stdout).not.toContain('Press a key')
  })

  it('waits for a key between pairs on a terminal, and q stops', async () => {
    if (pairs.length < 3) return
    let stdout = ''
    const stdin = new PassThrough() as PassThrough & {isTTY?: boolean; setRawMode?: (mode: boolean) => void}
    const raw: boolean[] = []
    stdin.isTTY = true
    stdin.setRawMode = (mode) => void raw.push(mode)
    const keys = ['x', 'q']
    const io: Io = {
      stdout: {
        write(chunk: string) {
          stdout += chunk
          if (chunk.includes('Press a key')) setImmediate(() => stdin.write(keys.shift() ?? 'q'))
          return true
        },
        isTTY: true,
        columns: 80
      },
      stderr: {write: () => true},
      stdin: stdin as unknown as Io['stdin'],
      env: {NO_COLOR: '1'},
      cwd: process.cwd()
    }
    const code = await main(['node', 'cluelint', 'demo'], io)
    expect(code).toBe(0)
    expect(stdout).toContain(`1/${pairs.length} · `)
    expect(stdout).toContain(`2/${pairs.length} · `)
    expect(stdout).not.toContain(`3/${pairs.length} · `)
    expect(stdout).toContain(`Stopped after 2 of ${pairs.length} pairs`)
    expect(raw).toEqual([true, false, true, false])
  })

  it('--format html writes the whole demo as one page', async () => {
    const directory = tempFiles({})
    const output = join(directory, 'demo.html')
    const run = await runCli(['demo', '--format', 'html', '-o', output])
    expect(run.code).toBe(0)
    const html = readFileSync(output, 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html.match(/<section class="card pair"/g)).toHaveLength(pairs.length)
    for (const pair of pairs) {
      expect(html).toContain(pair.bad.name)
      expect(html).toContain(pair.good.name)
    }
  })
})
