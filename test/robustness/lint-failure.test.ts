import {execFile} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {PARALLEL_FROM} from '../../src/parallel.js'
import {ROWS_FROM} from '../../src/rows.js'
import {bin, root, tempFiles, type Run} from '../helpers.js'

/**
 * A draft that makes linting throw (a rule or a parser giving up), through the built CLI on one
 * thread, on several threads over many files, and on several threads over the rows of one file.
 * The hook (hooks/throw-on-word.mjs, preloaded with --import, also in worker threads) makes any
 * draft holding the word "Zqxthrow" throw; no code of cluelint's is there for the test.
 */
const hook = join(import.meta.dirname, 'hooks', 'throw-on-word.mjs')

function cli(args: string[], threads: number): Promise<Run> {
  return new Promise((resolve) => {
    const env = {...process.env, NO_COLOR: '', FORCE_COLOR: '', CLUELINT_THREADS: String(threads)}
    execFile(process.execPath, ['--import', hook, bin, ...args], {cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({code: error ? ((error as {code?: number}).code ?? -1) : 0, stdout, stderr})
    })
  })
}

const GOOD = 'Hi {name},\n\nThank you for the talk on onboarding. Could we book a call on Tuesday?\n\nBest,\nSam\n'
const BAD = 'Hi {name},\n\nZqxthrow thanks for the notes.\n'

describe('a draft that cannot be linted: one line naming it, the others linted, exit 2', () => {
  it('one file among many, on one thread and on several (the same report and the same line)', async () => {
    const directory = tempFiles({})
    for (let index = 0; index < PARALLEL_FROM + 10; index++) {
      writeFileSync(join(directory, `d${String(index).padStart(4, '0')}.txt`), (index === 7 ? BAD : GOOD).replace('{name}', `Reader${index}`))
    }
    const [one, two] = await Promise.all([cli([directory, '--format', 'json'], 1), cli([directory, '--format', 'json'], 2)])
    expect(one.stderr.split('\n').filter(Boolean)).toEqual([
      `cluelint: ${join(directory, 'd0007.txt')}: could not be linted (TypeError: test hook: zqxthrow cannot be linted)`
    ])
    expect(one.code).toBe(2)
    const report = JSON.parse(one.stdout)
    expect(report.summary.drafts).toBe(PARALLEL_FROM + 9)
    expect(report.drafts.map((draft: {name: string}) => draft.name)).not.toContain(join(directory, 'd0007.txt'))
    expect(two.code).toBe(2)
    expect(two.stderr).toBe(one.stderr)
    expect(two.stdout).toBe(one.stdout)
  }, 300_000)

  it('one row of a big campaign file, on one thread and spread over workers', async () => {
    const rows = ['first_name,body']
    for (let index = 0; index < ROWS_FROM + 40; index++) rows.push(`R${index},"${(index === ROWS_FROM + 5 ? BAD : GOOD).replace('{name}', `R${index}`)}"`)
    const directory = tempFiles({'campaign.csv': rows.join('\n') + '\n'})
    const file = join(directory, 'campaign.csv')
    const [one, two] = await Promise.all([cli([file, '--format', 'json'], 1), cli([file, '--format', 'json'], 2)])
    expect(one.stderr.split('\n').filter(Boolean)).toEqual([`cluelint: ${file}#${ROWS_FROM + 6}: could not be linted (TypeError: test hook: zqxthrow cannot be linted)`])
    expect(one.code).toBe(2)
    expect(JSON.parse(one.stdout).summary.drafts).toBe(ROWS_FROM + 39)
    expect(two.code).toBe(2)
    expect(two.stderr).toBe(one.stderr)
    expect(two.stdout).toBe(one.stdout)
  }, 300_000)

  it('the hook is what throws: without it, the same drafts are linted', async () => {
    const directory = tempFiles({'bad.txt': BAD.replace('{name}', 'Sam')})
    const run = await new Promise<Run>((resolve) => {
      execFile(process.execPath, [bin, join(directory, 'bad.txt'), '--format', 'json'], {cwd: root, encoding: 'utf8'}, (error, stdout, stderr) => resolve({code: error ? ((error as {code?: number}).code ?? -1) : 0, stdout, stderr}))
    })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).summary.drafts).toBe(1)
  }, 60_000)
})
