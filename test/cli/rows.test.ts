import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {csvDrafts} from '../../src/readers/csv.js'
import {lintInThread, ROWS_FROM, RowPool, type RowLinted} from '../../src/rows.js'
import {bin, root, tempFiles, type Run} from '../helpers.js'

/** The built CLI, without blocking this process while it runs (big reports take a few seconds). */
function cli(args: string[], threads: number): Promise<Run> {
  return new Promise((resolve) => {
    const env = {...process.env, NO_COLOR: '', FORCE_COLOR: '', CLUELINT_THREADS: String(threads)}
    execFile(process.execPath, [bin, ...args], {cwd: root, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024}, (error, stdout, stderr) => {
      resolve({code: error ? ((error as {code?: number}).code ?? -1) : 0, stdout, stderr})
    })
  })
}

const BODIES = [
  'Hi {name},\n\nThank you for the talk on onboarding. Could we book a call on Tuesday?\n\nBest,\nSam',
  'Bonjour {name},\n\nJe suis responsable commercial. Notre solution "clé en main" est la meilleure. Merci de me rappeler.\n\nCordialement,\nPierre',
  'Hi {{first_name}}, I came across your profile and I am a huge fan. We leverage synergy with empathy.',
  'Hello {name}, your question about renewals was a good one; here is the one-page checklist we use. Thanks again, Nora',
  'Moi je pense que l\'empathie et l\'humain sont au cœur de notre démarche. L\'empathie, c\'est notre ADN.'
]

const cell = (value: string) => `"${value.replace(/"/g, '""')}"`

/** A campaign of `rows` rows: quoted cells over several lines, doubled quotes, both languages. */
function campaignCsv(rows: number): string {
  const lines = ['first_name,company,body']
  for (let index = 0; index < rows; index++) {
    const name = `Reader${index}`
    lines.push([name, `Company ${index % 7}`, cell(BODIES[index % BODIES.length].replaceAll('{name}', name))].join(','))
  }
  return lines.join('\r\n') + '\r\n'
}

describe('one campaign file on several threads', () => {
  const rows = ROWS_FROM + 120

  it('prints byte for byte the report of one thread (CSV and JSON Lines; json and pretty)', async () => {
    const jsonl = Array.from({length: rows}, (_, index) => JSON.stringify({first_name: `R${index}`, body: BODIES[index % BODIES.length].replaceAll('{name}', `R${index}`)})).join('\n') + '\n'
    const directory = tempFiles({'campaign.csv': campaignCsv(rows), 'campaign.jsonl': jsonl})
    for (const file of ['campaign.csv', 'campaign.jsonl']) {
      const path = join(directory, file)
      const [one, two] = await Promise.all([cli([path, '--format', 'json'], 1), cli([path, '--format', 'json'], 2)])
      expect(one.code).toBe(1)
      expect(JSON.parse(one.stdout).summary.drafts).toBe(rows)
      expect(two.stdout).toBe(one.stdout)
      expect(two.stderr).toBe(one.stderr)
      expect(two.code).toBe(one.code)
    }
    // Two workers besides the main thread: batches come back out of order, the report does not.
    const csv = join(directory, 'campaign.csv')
    const [one, three] = await Promise.all([cli([csv], 1), cli([csv], 3)])
    expect(three.stdout).toBe(one.stdout)
    expect(one.stdout).toContain(`campaign.csv#${rows}`)
  }, 120_000)

  it('reports the rows read before a malformed one, then the error, as one thread does', async () => {
    const text = campaignCsv(rows) + 'Broken,Co,"never closed\r\n'
    const directory = tempFiles({'broken.csv': text, 'after.txt': 'Hi Ann, thank you for your time yesterday.\n'})
    const [one, two] = await Promise.all([cli([directory, '--format', 'json'], 1), cli([directory, '--format', 'json'], 2)])
    expect(one.code).toBe(2)
    expect(one.stderr).toMatch(/broken\.csv: malformed CSV/)
    expect(JSON.parse(one.stdout).summary.drafts).toBe(rows + 1)
    expect(two.stdout).toBe(one.stdout)
    expect(two.stderr).toBe(one.stderr)
    expect(two.code).toBe(2)
  }, 120_000)

  const worker = join(root, 'dist', 'lint-worker.js')
  it.skipIf(!existsSync(worker))('spreads the rows over the worker and this thread, in order; a small file stays on this thread', async () => {
    const directory = tempFiles({'big.csv': campaignCsv(rows), 'small.csv': campaignCsv(ROWS_FROM - 1)})
    const pool = new RowPool(2, pathToFileURL(worker))
    try {
      const names = async (iterable: AsyncIterable<RowLinted>) => {
        const out: string[] = []
        for await (const linted of iterable) out.push('error' in linted ? linted.error.reason : `${linted.report.name} ${linted.report.score}`)
        return out
      }
      const big = join(directory, 'big.csv')
      const expected = await names(lintInThread(csvDrafts(big), {}))
      expect(await names(pool.lint(csvDrafts(big), {}))).toEqual(expected)
      expect(pool.linted.workers).toBeGreaterThan(0)
      expect(pool.linted.workers + pool.linted.here).toBe(rows)
      // The pool is reused for the next file; a small one does not reach the workers.
      const before = pool.linted.workers
      const small = join(directory, 'small.csv')
      expect(await names(pool.lint(csvDrafts(small), {}))).toEqual(await names(lintInThread(csvDrafts(small), {})))
      expect(pool.linted.workers).toBe(before)
      expect(await names(pool.lint(csvDrafts(big), {}))).toEqual(expected)
    } finally {
      await pool.close()
    }
  }, 60_000)

  it.skipIf(!existsSync(worker))('asks for its thread budget on the first big file only, and stays on this thread when it is one', async () => {
    const directory = tempFiles({'big.csv': campaignCsv(rows), 'small.csv': campaignCsv(ROWS_FROM - 1)})
    let asked = 0
    const pool = new RowPool(() => {
      asked++
      return 1
    }, pathToFileURL(worker))
    try {
      const count = async (iterable: AsyncIterable<RowLinted>) => {
        let n = 0
        for await (const linted of iterable) if (!('error' in linted)) n++
        return n
      }
      expect(await count(pool.lint(csvDrafts(join(directory, 'small.csv')), {}))).toBe(ROWS_FROM - 1)
      expect(asked).toBe(0)
      expect(await count(pool.lint(csvDrafts(join(directory, 'big.csv')), {}))).toBe(rows)
      expect(await count(pool.lint(csvDrafts(join(directory, 'big.csv')), {}))).toBe(rows)
      expect(asked).toBe(1)
      expect(pool.linted).toEqual({workers: 0, here: ROWS_FROM - 1 + 2 * rows})
    } finally {
      await pool.close()
    }
  }, 60_000)
})
