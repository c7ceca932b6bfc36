import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, tempFiles} from '../helpers.js'

const RULE = 'unfilled-merge-field'
const FIELD = 'Hi {{first_name}},\n\nThanks for your time at the Lyon meetup.\n'
const CLEAN = 'Hi Sam,\n\nThanks for your time at the Lyon meetup.\n'

function ruleFindings(stdout: string, rule = RULE) {
  return JSON.parse(stdout).drafts[0].findings.filter((finding: {rule: string}) => finding.rule === rule)
}

describe('command-line flags win over the config', () => {
  it('--rule over the config rules', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'off'}}), 'a.txt': FIELD})
    const file = join(directory, 'a.txt')
    expect(ruleFindings((await runCli([file, '--format', 'json'])).stdout)).toEqual([])
    const run = await runCli([file, '--format', 'json', '--rule', `${RULE}=warn`])
    expect(ruleFindings(run.stdout).map((finding: {severity: string}) => finding.severity)).toEqual(['warning'])
  })

  it('--lang over the config lang', async () => {
    const directory = tempFiles({'.cluelintrc.yaml': 'lang: fr\n', 'a.txt': CLEAN})
    const file = join(directory, 'a.txt')
    expect(JSON.parse((await runCli([file, '--format', 'json'])).stdout).drafts[0].lang).toBe('fr')
    expect(JSON.parse((await runCli([file, '--format', 'json', '--lang', 'en'])).stdout).drafts[0].lang).toBe('en')
    expect(JSON.parse((await runCli([file, '--format', 'json', '--lang', 'auto'])).stdout).drafts[0].lang).toBe('en')
  })

  it('minScore from the config fails the run; --min-score overrides it', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'warn'}, minScore: 100}), 'a.txt': FIELD})
    const file = join(directory, 'a.txt')
    const failing = await runCli([file, '--format', 'json'], {cwd: directory})
    expect(failing.code).toBe(1)
    const score = JSON.parse(failing.stdout).drafts[0].score
    expect(failing.stderr).toBe(`cluelint: lowest score ${score} (${file}) is below minScore (.cluelintrc.json) 100\n`)
    const passing = await runCli([file, '--format', 'json', '--min-score', '0'], {cwd: directory})
    expect(passing.stderr).toBe('')
    expect(passing.code).toBe(0)
  })

  it('maxWarnings from the config fails the run; --max-warnings overrides it', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'warn'}, maxWarnings: 0}), 'a.txt': FIELD})
    const file = join(directory, 'a.txt')
    const failing = await runCli([file, '--format', 'json'])
    expect(failing.code).toBe(1)
    const warnings = JSON.parse(failing.stdout).summary.warnings
    expect(failing.stderr).toBe(`cluelint: ${warnings} warnings exceed maxWarnings (config) 0\n`)
    const passing = await runCli([file, '--format', 'json', '--max-warnings', '50'])
    expect(passing.code).toBe(0)
  })

  it('a config severity applies to the exit code: off turns an error into a pass', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'off'}}), 'a.txt': FIELD})
    const file = join(directory, 'a.txt')
    const run = await runCli([file, '--format', 'json'])
    expect(JSON.parse(run.stdout).summary.errors).toBe(0)
    expect((await runCli([file, '--format', 'json', '--rule', `${RULE}=error`])).code).toBe(1)
  })
})
