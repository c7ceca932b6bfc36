// The GitHub Actions steps the README gives, run as GitHub runs a `run:` step
// (`bash --noprofile --norc -eo pipefail`): an install that fails must fail its
// step, findings must not fail the SARIF step, and a cluelint that could not run
// (exit 2, not installed, no report) must fail it.
import {spawnSync} from 'node:child_process'
import {chmodSync, existsSync, readFileSync, writeFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {bin, root, tempFiles} from './helpers.js'

interface Step {
  run?: string
}

/** Every `run:` of the README's YAML blocks that installs or runs cluelint, in order. */
function readmeSteps(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const runs: string[] = []
  for (const [, block] of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    // A fragment of steps is indented as in a workflow: dedent it to parse it.
    const indent = /^( *)/.exec(block)![1].length
    const data = parse(block.replace(new RegExp(`^ {${indent}}`, 'gm'), ''))
    const steps: Step[] = Array.isArray(data) ? data : Object.values((data?.jobs ?? {}) as Record<string, {steps: Step[]}>).flatMap((job) => job.steps)
    for (const step of steps) if (step.run?.includes('cluelint')) runs.push(step.run)
  }
  return runs
}

const steps = readmeSteps()
const installs = steps.filter((step) => step.startsWith('npm install'))
const sarifStep = steps.find((step) => step.includes('--format sarif'))!
const githubStep = steps.find((step) => step.includes('--format github'))!

/** Runs a step's script in `cwd`, with only `path` folders (and node's) to find commands in. */
function runStep(script: string, cwd: string, path: string[] = []) {
  const nodeDir = join(process.execPath, '..')
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    // A global install, were one to succeed, would go to this folder, not the machine's.
    env: {PATH: [...path, nodeDir, '/usr/bin', '/bin'].join(delimiter), HOME: cwd, npm_config_prefix: join(cwd, 'prefix'), npm_config_cache: join(cwd, 'npm-cache'), NO_COLOR: '1'}
  })
  return {code: result.status, stderr: result.stderr}
}

/** A folder holding a `cluelint` command: the built CLI, or a script standing for a broken one. */
function commandFolder(script?: string): string {
  const folder = tempFiles({})
  const file = join(folder, 'cluelint')
  writeFileSync(file, script ?? `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`)
  chmodSync(file, 0o755)
  return folder
}

const FINDINGS = 'Hi {{first_name}},\n\nI came across your profile. Can we book a call?\n'
const CLEAN = 'Hi Sam,\n\nThanks for the notes on the Leeds pilot: they answered my question about the night shift.\n\nBest,\nAlex\n'

describe('the README\'s CI snippets', () => {
  it('are found: two installs, a SARIF step and an annotations step', () => {
    expect(installs).toHaveLength(2)
    expect(sarifStep).toContain('cluelint drafts/')
    expect(githubStep).toContain('cluelint drafts/')
    expect(steps.join('\n')).not.toContain('npx')
  }, 60_000)

  it('an install that fails fails its step (the tarball is missing)', () => {
    const folder = tempFiles({'drafts/a.txt': CLEAN})
    for (const install of installs) {
      const run = runStep(install, folder)
      expect(run.code).not.toBe(0)
      expect(existsSync(join(folder, 'prefix', 'bin', 'cluelint'))).toBe(false)
    }
  }, 60_000)

  it('findings do not fail the SARIF step, and the report is written', () => {
    const folder = tempFiles({'drafts/a.txt': FINDINGS})
    const run = runStep(sarifStep, folder, [commandFolder()])
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(join(folder, 'cluelint.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0)
  }, 60_000)

  it('a clean run passes the SARIF step', () => {
    const folder = tempFiles({'drafts/a.txt': CLEAN})
    expect(runStep(sarifStep, folder, [commandFolder()]).code).toBe(0)
    expect(existsSync(join(folder, 'cluelint.sarif'))).toBe(true)
  }, 60_000)

  it('an input error (exit 2) fails the SARIF step', () => {
    const folder = tempFiles({'drafts/a.txt': FINDINGS, '.cluelintrc.json': '{"rules": {"flattery": "loud"}}'})
    const run = runStep(sarifStep, folder, [commandFolder()])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('cluelint could not run (exit 2)')
  }, 60_000)

  it('cluelint not installed (exit 127) fails the SARIF step', () => {
    const folder = tempFiles({'drafts/a.txt': FINDINGS})
    const run = runStep(sarifStep, folder, [])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('cluelint could not run (exit 127)')
  }, 60_000)

  it('an exit 1 with no report written (as `npx cluelint` of a missing package gives) fails the SARIF step', () => {
    const folder = tempFiles({'drafts/a.txt': FINDINGS})
    const run = runStep(sarifStep, folder, [commandFolder('#!/bin/sh\necho "npm error 404 Not Found" >&2\nexit 1\n')])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('cluelint could not run (exit 1)')
  }, 60_000)

  it('the annotations step fails on error findings and passes on a clean draft', () => {
    const bad = tempFiles({'drafts/a.txt': FINDINGS})
    expect(runStep(githubStep, bad, [commandFolder()]).code).toBe(1)
    const good = tempFiles({'drafts/a.txt': CLEAN})
    const run = runStep(githubStep, good, [commandFolder()])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  }, 60_000)
})
