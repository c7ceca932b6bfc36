import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigResolver} from '../../src/config/index.js'
import {runCli, tempFiles} from '../helpers.js'

const DRAFT = 'Hi {{first_name}},\n\nThanks for your time at the Lyon meetup.\n'
const RULE = 'unfilled-merge-field'

/** The severity the merge-field finding got, or undefined when it did not fire. */
async function severityOf(file: string, args: string[] = [], cwd?: string): Promise<string | undefined> {
  const run = await runCli([file, '--format', 'json', ...args], {cwd})
  // Nothing on stderr but, for an error finding (exit 1), its one-line reason.
  expect(run.stderr).toMatch(run.code === 1 ? /^cluelint: \d+ errors? in 1 draft\n$/ : /^$/)
  const report = JSON.parse(run.stdout)
  return report.drafts[0].findings.find((finding: {rule: string}) => finding.rule === RULE)?.severity
}

describe('config lookup', () => {
  const kinds: Array<[string, string]> = [
    ['.cluelintrc', JSON.stringify({rules: {[RULE]: 'warn'}})],
    ['.cluelintrc', `rules:\n  ${RULE}: warn\n`],
    ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: 'warn'}})],
    ['.cluelintrc.yaml', `# comment\nrules:\n  ${RULE}: warn\n`],
    ['.cluelintrc.yml', `rules: {${RULE}: [warn]}\n`],
    ['cluelint.config.js', `export default {rules: {'${RULE}': 'warn'}}\n`],
    ['cluelint.config.mjs', `export default {rules: {'${RULE}': ['warn', {}]}}\n`],
    ['package.json', JSON.stringify({name: 'campaigns', cluelint: {rules: {[RULE]: 'warn'}}})]
  ]
  for (const [name, content] of kinds) {
    it(`reads ${name} (${content.slice(0, 24).replace(/\n/g, ' ')}…) from a parent folder`, async () => {
      const directory = tempFiles({[name]: content, 'drafts/q3/draft.txt': DRAFT})
      expect(await severityOf(join(directory, 'drafts/q3/draft.txt'))).toBe('warning')
    })
  }

  it('without a config the rule keeps its default severity', async () => {
    const directory = tempFiles({'draft.txt': DRAFT})
    expect(await severityOf(join(directory, 'draft.txt'))).toBe('error')
  })

  it('a package.json without a cluelint key is skipped and the search goes on upward', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'off'}}), 'team/package.json': '{"name": "team"}', 'team/draft.txt': DRAFT})
    expect(await severityOf(join(directory, 'team/draft.txt'))).toBeUndefined()
  })

  it('an empty config file is skipped and the search goes on upward', async () => {
    const directory = tempFiles({'.cluelintrc.yaml': `rules:\n  ${RULE}: warn\n`, 'team/.cluelintrc.json': '  \n', 'team/draft.txt': DRAFT})
    expect(await severityOf(join(directory, 'team/draft.txt'))).toBe('warning')
  })

  it('the nearest config wins, per file', async () => {
    const directory = tempFiles({
      '.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'warn'}}),
      'a.txt': DRAFT,
      'quiet/.cluelintrc.yaml': `rules:\n  ${RULE}: off\n`,
      'quiet/b.txt': DRAFT
    })
    const run = await runCli([join(directory, 'a.txt'), join(directory, 'quiet/b.txt'), '--format', 'json'])
    const [a, b] = JSON.parse(run.stdout).drafts
    expect(a.findings.find((finding: {rule: string}) => finding.rule === RULE)?.severity).toBe('warning')
    expect(b.findings.filter((finding: {rule: string}) => finding.rule === RULE)).toEqual([])
  })

  it('-c uses that file for every draft and looks nothing up', async () => {
    const directory = tempFiles({
      'shared/team.yaml': `rules:\n  ${RULE}: info\n`,
      'drafts/.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'off'}}),
      'drafts/a.txt': DRAFT
    })
    expect(await severityOf(join(directory, 'drafts/a.txt'), ['-c', join(directory, 'shared/team.yaml')])).toBe('info')
    expect(await severityOf(join(directory, 'drafts/a.txt'), ['--config', join(directory, 'shared/team.yaml')])).toBe('info')
  })

  it('standard input uses the config of the cwd', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'warn'}})})
    const run = await runCli(['--format', 'json'], {input: DRAFT, cwd: directory})
    const finding = JSON.parse(run.stdout).drafts[0].findings.find((item: {rule: string}) => item.rule === RULE)
    expect(finding.severity).toBe('warning')
  })

  it('caches one lookup per folder and one validation per config file', async () => {
    const directory = tempFiles({'.cluelintrc.json': JSON.stringify({rules: {[RULE]: 'warn'}}), 'a/x.txt': DRAFT, 'a/y.txt': DRAFT, 'b/z.txt': DRAFT})
    const resolver = new ConfigResolver(directory)
    const first = resolver.forFile(join(directory, 'a/x.txt'))
    expect(resolver.forFile(join(directory, 'a/y.txt'))).toBe(first)
    const [a, b] = await Promise.all([first, resolver.forFile(join(directory, 'b/z.txt'))])
    expect(b).toBe(a)
    expect(a.configFile).toBe('.cluelintrc.json')
    expect(a.options.rules).toEqual({[RULE]: 'warn'})
  })

  it('turns the config into engine options: rule options, channel, template, language', async () => {
    const directory = tempFiles({
      '.cluelintrc.yaml': [`rules:`, `  ${RULE}: [warn, {}]`, `lang: fr`, `locale: fr`, `channel: linkedin-note`, `template: true`, `minScore: 70`, `maxWarnings: 3`].join('\n')
    })
    const settings = await new ConfigResolver(directory).forFile(join(directory, 'draft.txt'))
    expect(settings.options).toEqual({lang: 'fr', locale: 'fr', rules: {[RULE]: 'warn'}, ruleOptions: {[RULE]: {}}, channel: 'linkedin-note', template: true, quiet: undefined})
    expect(settings.minScore).toBe(70)
    expect(settings.maxWarnings).toBe(3)
  })
})

describe('ignoring files', () => {
  it('.cluelintignore in the cwd skips matching files (gitignore syntax)', async () => {
    const directory = tempFiles({
      '.cluelintignore': '# archived campaigns\narchive/\n*.draft.txt\n!keep.draft.txt\n',
      'archive/old.txt': DRAFT,
      'new.txt': DRAFT,
      'wip.draft.txt': DRAFT,
      'keep.draft.txt': DRAFT
    })
    const run = await runCli([directory, '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe('cluelint: 2 errors in 2 drafts\n')
    const names = JSON.parse(run.stdout).drafts.map((draft: {name: string}) => draft.name)
    expect(names).toEqual([join(directory, 'keep.draft.txt'), join(directory, 'new.txt')])
  })

  it("a config's ignore patterns are relative to its folder", async () => {
    const directory = tempFiles({
      'campaigns/.cluelintrc.json': JSON.stringify({ignore: ['templates/**']}),
      'campaigns/templates/t.txt': DRAFT,
      'campaigns/sent.txt': DRAFT
    })
    const run = await runCli([directory, '--format', 'json'])
    const names = JSON.parse(run.stdout).drafts.map((draft: {name: string}) => draft.name)
    expect(names).toEqual([join(directory, 'campaigns/sent.txt')])
  })

  it('an ignored file named on the command line is skipped with a note on stderr, exit unchanged', async () => {
    const directory = tempFiles({'.cluelintignore': 'old.txt\n', 'old.txt': DRAFT, 'ok.txt': 'Hi Sam, thanks for the intro to Lee.\n'})
    const run = await runCli([join(directory, 'old.txt'), join(directory, 'ok.txt'), '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe(`cluelint: ${join(directory, 'old.txt')}: skipped (matches an ignore pattern in .cluelintignore)\n`)
    expect(JSON.parse(run.stdout).drafts).toHaveLength(1)
  })
})
