import {join} from 'node:path'
import {expect, it} from 'vitest'
import {runCli, tempFiles} from '../helpers.js'

const DRAFT = 'Hi {{first_name}},\n\nThanks for your time at the Lyon meetup.\n'

async function mergeFields(directory: string) {
  const run = await runCli([join(directory, 'a.txt'), '--format', 'json'])
  return JSON.parse(run.stdout).drafts[0].findings.filter((finding: {rule: string}) => finding.rule === 'unfilled-merge-field')
}

it('template: true in the config lints the drafts as templates (merge fields allowed)', async () => {
  expect(await mergeFields(tempFiles({'a.txt': DRAFT}))).toHaveLength(1)
  expect(await mergeFields(tempFiles({'.cluelintrc.json': JSON.stringify({template: true}), 'a.txt': DRAFT}))).toEqual([])
})
