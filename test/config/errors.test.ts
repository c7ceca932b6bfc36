import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli, spawnCli, tempFiles} from '../helpers.js'

const DRAFT = 'Hi Sam,\n\nThanks for your time at the Lyon meetup.\n'
const RULE = 'unfilled-merge-field'

/**
 * Each bad config: its file, its content, and the exact line on stderr
 * (after `cluelint: `). The run exits 2 before linting anything.
 */
const cases: Array<[string, string, string | RegExp]> = [
  // The reason after the position is V8's own wording.
  ['.cluelintrc.json', '{"rules": {,}}', /^\.cluelintrc\.json: invalid JSON at line 1, column 12: \S.*$/],
  ['.cluelintrc.json', '{\n  "lang": "fr",\n}\n', /^\.cluelintrc\.json: invalid JSON at line 3, column 1: \S.*$/],
  ['.cluelintrc.yaml', 'rules:\n  - a\n  b: 1\n', '.cluelintrc.yaml: invalid YAML: All mapping items must start at the same column at line 3, column 1'],
  ['.cluelintrc', 'lang: fr: en\n', '.cluelintrc: invalid YAML: Nested mappings are not allowed in compact mappings at line 1, column 7'],
  ['package.json', '{"name": "x", "cluelint": {"lang": "de"}}', 'package.json: lang: expected one of auto, en, fr, got "de"'],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: 'loud'}}), `.cluelintrc.json: rules.${RULE}: expected one of off, info, warn, error, warning, got "loud"`],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: ['loud']}}), `.cluelintrc.json: rules.${RULE}[0]: expected one of off, info, warn, error, warning, got "loud"`],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: 2}}), `.cluelintrc.json: rules.${RULE}: expected one of off, info, warn, error, warning, got 2`],
  ['.cluelintrc.json', JSON.stringify({rules: {'no-such-rule': 'off'}}), `.cluelintrc.json: rules.no-such-rule: unknown rule id (run 'cluelint rules' for the list)`],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: ['warn', {loud: true}]}}), `.cluelintrc.json: rules.${RULE}[1].loud: unknown key`],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: ['warn', {words: {en: {add: ['x']}}}]}}), `.cluelintrc.json: rules.${RULE}[1].words: rule ${RULE} has no word list to extend`],
  ['.cluelintrc.json', JSON.stringify({rules: {[RULE]: ['warn', {}, 3]}}), `.cluelintrc.json: rules.${RULE}: expected at most 2 items, got an array`],
  ['.cluelintrc.json', JSON.stringify({lenght: 'fr'}), '.cluelintrc.json: lenght: unknown key'],
  ['.cluelintrc.json', JSON.stringify({minScore: 'high'}), '.cluelintrc.json: minScore: expected number, got "high"'],
  ['.cluelintrc.json', JSON.stringify({minScore: 120}), '.cluelintrc.json: minScore: expected a number <= 100, got 120'],
  ['.cluelintrc.json', JSON.stringify({maxWarnings: 2.5}), '.cluelintrc.json: maxWarnings: expected an integer, got 2.5'],
  ['.cluelintrc.json', JSON.stringify({channel: 'sms'}), '.cluelintrc.json: channel: expected one of email, linkedin-note, linkedin-message, follow-up, got "sms"'],
  ['.cluelintrc.json', JSON.stringify({ignore: 'archive/'}), '.cluelintrc.json: ignore: expected array, got "archive/"'],
  ['.cluelintrc.json', JSON.stringify({template: 'yes'}), '.cluelintrc.json: template: expected boolean, got "yes"'],
  ['.cluelintrc.json', '[]', '.cluelintrc.json: expected object, got an array'],
  ['.cluelintrc.json', JSON.stringify({courtesy: {en: {'gratitude.strongg': {add: ['much obliged']}}}}), '.cluelintrc.json: courtesy.en.gratitude.strongg: no such list in langs/en/courtesy.json (lists: gratitude.not, gratitude.weak, gratitude.conditional, gratitude.strong)'],
  ['.cluelintrc.json', JSON.stringify({courtesy: {fr: {merci: {add: ['grand merci']}}}}), /^\.cluelintrc\.json: courtesy\.fr\.merci: no such list in langs\/fr\/courtesy\.json \(groups: gratitude\.…, signOffWords, .*asks\.….*\)$/],
  ['.cluelintrc.json', JSON.stringify({courtesy: {de: {'gratitude.strong': {add: ['danke']}}}}), '.cluelintrc.json: courtesy.de: no language pack for "de" (known: en, fr)'],
  ['.cluelintrc.json', JSON.stringify({courtesy: {en: {'gratitude.strong': {add: 'cheers'}}}}), '.cluelintrc.json: courtesy.en.gratitude.strong.add: expected array, got "cheers"'],
  ['.cluelintrc.json', JSON.stringify({rules: {flattery: ['warn', {words: {de: {add: ['toll']}}}]}}), '.cluelintrc.json: rules.flattery[1].words.de: no language pack for "de" (known: en, fr)'],
  ['cluelint.config.mjs', 'export default {rules: {nope: "off"}}\n', "cluelint.config.mjs: rules.nope: unknown rule id (run 'cluelint rules' for the list)"],
  ['cluelint.config.mjs', 'throw new Error("no config today")\n', 'cluelint.config.mjs: cannot load: no config today']
]

describe('a bad config is one line on stderr naming the file and the key, exit 2', () => {
  for (const [name, content, line] of cases) {
    it(`${name}: ${String(line).slice(name.length + 2)}`, async () => {
      const directory = tempFiles({[name]: content, 'drafts/a.txt': DRAFT})
      const run = await runCli([join(directory, 'drafts/a.txt')], {cwd: directory})
      expect(run.stderr.endsWith('\n')).toBe(true)
      const lines = run.stderr.slice(0, -1).split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0].slice('cluelint: '.length)).toMatch(typeof line === 'string' ? new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : line)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
    })
  }

  it('names the file by its path when it is outside the cwd', async () => {
    const directory = tempFiles({'.cluelintrc.json': '{', 'a.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt')])
    expect(run.code).toBe(2)
    expect(run.stderr.startsWith(`cluelint: ${join(directory, '.cluelintrc.json')}: invalid JSON`)).toBe(true)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('-c with a missing file', async () => {
    const directory = tempFiles({'a.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt'), '-c', 'nope.yaml'], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('cluelint: nope.yaml: no such config file\n')
  })

  it('-c with a format cluelint does not read', async () => {
    const directory = tempFiles({'cluelint.toml': 'lang = "fr"\n', 'a.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt'), '-c', 'cluelint.toml'], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe("cluelint: cluelint.toml: unknown config format '.toml' (use .json, .yaml, .yml, .js, .mjs, .cjs or no extension)\n")
  })

  it('-c with a folder', async () => {
    const directory = tempFiles({'conf/x.txt': '', 'a.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt'), '-c', 'conf'], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('cluelint: conf: is a folder, not a config file\n')
  })

  it('a folder named like a config file is not read as one', async () => {
    const directory = tempFiles({'.cluelintrc/x.txt': '', 'a.txt': 'Hi {{first_name}}, thanks for your time.\n'})
    const run = await runCli([join(directory, 'a.txt'), '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe('cluelint: 1 error in 1 draft\n') // the merge field: exit 1, said on stderr
    expect(JSON.parse(run.stdout).drafts[0].findings.map((finding: {rule: string}) => finding.rule)).toContain(RULE)
  })

  it('-c with a package.json that has no cluelint key', async () => {
    const directory = tempFiles({'package.json': '{"name": "x"}', 'a.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt'), '-c', join(directory, 'package.json')], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe("cluelint: package.json: no 'cluelint' key\n")
  })

  it('a broken config in a sub-folder stops the run before any report is printed', async () => {
    const directory = tempFiles({'a.txt': DRAFT, 'b/.cluelintrc.yml': 'rules: [', 'b/b.txt': DRAFT})
    const run = await runCli([join(directory, 'a.txt'), join(directory, 'b/b.txt'), '--format', 'json'], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^cluelint: b\/\.cluelintrc\.yml: invalid YAML: .+\n$/)
  })
})

describe('the built binary', () => {
  it('loads an ESM cluelint.config.js in a folder without "type": "module"', () => {
    const directory = tempFiles({'cluelint.config.js': `export default {rules: {'${RULE}': 'off'}}\n`, 'a.txt': 'Hi {{first_name}}, thanks for your time.\n'})
    const run = spawnCli([join(directory, 'a.txt'), '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).drafts[0].findings.filter((finding: {rule: string}) => finding.rule === RULE)).toEqual([])
  })

  it('prints a malformed config as one line and exits 2', () => {
    const directory = tempFiles({'.cluelintrc.json': '{"rules": {"unfilled-merge-field": "loud"}}', 'a.txt': DRAFT})
    const run = spawnCli([join(directory, 'a.txt')], {cwd: directory})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`cluelint: .cluelintrc.json: rules.${RULE}: expected one of off, info, warn, error, warning, got "loud"\n`)
  })
})
