import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {root, spawnCli} from '../helpers.js'

/** Runs `code` as an ES module in a new Node process with default flags, as `cluelint` runs. */
function node(code: string, args: string[] = []) {
  const {FORCE_COLOR: _force, NO_COLOR: _no, ...env} = process.env
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code, '--', ...args], {cwd: root, encoding: 'utf8', env: {...env, LANG: 'C.UTF-8'}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

const loader = JSON.stringify(join(root, 'bin', 'cli-script.js'))

describe("the CLI's code cache (bin/cli-script.js, scripts/code-cache.js)", () => {
  it('is accepted by V8 for the script the build wrote', () => {
    const run = node(`const {compileCli} = await import(${loader}); console.log(compileCli().cached)`)
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('true')
  })

  it("is not read for another build's script", () => {
    const run = node(`const {readCache, SCRIPT} = await import(${loader}); const {readFileSync} = await import('node:fs')
      const build = readFileSync(SCRIPT, 'utf8').split('\\n', 1)[0].slice(10)
      console.log(readCache(build) !== undefined, readCache('0000000000000000') === undefined)`)
    expect(run.stdout.trim()).toBe('true true')
  })

  it('gives the same report and errors as the script compiled anew', () => {
    const args = ['--format', 'json', 'fixtures/en/bad/merge-field.txt', 'fixtures/fr/bad/unfilled-merge-field-1.txt', 'test/cli/__fixtures__/does-not-exist.txt']
    const cached = spawnCli(args)
    const fresh = node(`const {compileCli} = await import(${loader}); process.exitCode = await compileCli({cache: false}).main(['node', 'cluelint', ...process.argv.slice(1)])`, args)
    expect(cached.code).toBe(2)
    expect(fresh.code).toBe(2)
    expect(fresh.stdout).toBe(cached.stdout)
    expect(fresh.stderr).toBe(cached.stderr)
    expect(JSON.parse(cached.stdout).drafts).toHaveLength(2)
  })
})
