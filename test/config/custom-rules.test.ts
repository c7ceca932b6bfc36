// A team's own rules, written as data in the config (customRules: rule files in JSON or YAML, or
// inline), run through the CLI: their findings in every report, their errors one line each.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {runCli, spawnCli, tempFiles} from '../helpers.js'

// The SARIF 2.1.0 schema, as test/reporters/sarif.test.ts checks reports against it.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validSarif = ajv.compile(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')))

/** A substitution rule as a team writes it, in YAML, with a help page. */
const NO_ASAP_YAML = `# Pushy time words
id: no-asap
kind: substitution
summary: Pushy time words ("ASAP", "touch base")
url: https://wiki.example.com/sales/no-asap
weight: 12
messages:
  en:
    swap: "\`{{words}}\` sounds pushy: write “{{example}}”"
    found: "\`{{words}}\` sounds pushy"
  fr:
    swap: "\`{{words}}\` met la pression : écrivez « {{example}} »"
    found: "\`{{words}}\` met la pression"
data:
  en:
    swap:
      asap: when it suits you
      touch base: talk
  fr:
    phrases: ["dans les plus brefs délais"]
`

/** An existence rule in JSON, no url. */
const NO_GUARANTEE = {
  id: 'no-guarantee',
  kind: 'existence',
  summary: 'Promises the team cannot keep',
  messages: {en: {found: '`{{words}}` is a promise legal has not approved'}},
  data: {en: {phrases: ['guarantee', 'risk-free']}}
}

/** An occurrence rule, inline in the config. */
const NO_JUST = {
  id: 'no-just',
  kind: 'occurrence',
  summary: '"just" more than twice',
  max: 2,
  messages: {en: {tooMany: '`{{words}}` {{count}} times (at most {{max}})'}, fr: {tooMany: '`{{words}}` {{count}} fois (au plus {{max}})'}},
  data: {en: {phrases: ['=just']}}
}

const DRAFT = 'Hi Sam,\n\nI just wanted to touch base. We guarantee results. Just reply ASAP, just a line.\n'

function team(config: object, files: Record<string, string> = {}): string {
  return tempFiles({
    '.cluelintrc.json': JSON.stringify(config),
    'rules/no-asap.yaml': NO_ASAP_YAML,
    'rules/no-guarantee.json': JSON.stringify(NO_GUARANTEE),
    'drafts/a.txt': DRAFT,
    ...files
  })
}

const CONFIG = {customRules: ['rules/no-asap.yaml', 'rules/no-guarantee.json', NO_JUST], rules: {'no-asap': 'error'}}

async function json(directory: string, ...flags: string[]) {
  const run = await runCli([join(directory, 'drafts/a.txt'), '--format', 'json', ...flags], {cwd: directory})
  return {run, report: JSON.parse(run.stdout)}
}

const own = (findings: Array<{rule: string}>) => findings.filter((finding) => ['no-asap', 'no-guarantee', 'no-just'].includes(finding.rule))

describe('custom rules through the CLI', () => {
  it('reports each kind in the JSON report: positions, message ids, severities, suggestions', async () => {
    const {run, report} = await json(team(CONFIG))
    expect(run.stderr).toBe('cluelint: 2 errors in 1 draft\n')
    expect(run.code).toBe(1)
    const findings = own(report.drafts[0].findings).map(({rule, severity, messageId, line, column, endColumn, excerpt, message}: any) => ({rule, severity, messageId, line, column, endColumn, excerpt, message}))
    expect(findings).toEqual([
      {rule: 'no-asap', severity: 'error', messageId: 'swap', line: 3, column: 18, endColumn: 28, excerpt: 'touch base', message: '`touch base` sounds pushy: write “talk”'},
      {rule: 'no-guarantee', severity: 'warning', messageId: 'found', line: 3, column: 33, endColumn: 42, excerpt: 'guarantee', message: '`guarantee` is a promise legal has not approved'},
      {rule: 'no-asap', severity: 'error', messageId: 'swap', line: 3, column: 63, endColumn: 67, excerpt: 'ASAP', message: '`ASAP` sounds pushy: write “when it suits you”'},
      {rule: 'no-just', severity: 'warning', messageId: 'tooMany', line: 3, column: 69, endColumn: 73, excerpt: 'just', message: '`just` 3 times (at most 2)'}
    ])
    const asap = report.drafts[0].findings.find((finding: any) => finding.excerpt === 'ASAP')
    // The replacement, capitalised like the words it replaces, through the engine's own suggestion.
    expect(asap.suggestions).toEqual([{desc: 'Replace with “When it suits you”', messageId: 'replace', fix: {range: [DRAFT.indexOf('ASAP'), DRAFT.indexOf('ASAP') + 4], text: 'When it suits you'}}])
  })

  it('matches any inflection and case, and leaves quoted and negated phrases alone', async () => {
    const text = 'Hi Sam,\n\nWe GUARANTEED it. It is not a guarantee. Your "risk-free" slide was honest. Risk-free, really.\n'
    const {report} = await json(team(CONFIG, {'drafts/a.txt': text}))
    expect(own(report.drafts[0].findings).map((finding: any) => finding.excerpt)).toEqual(['GUARANTEED', 'Risk-free'])
  })

  it('counts occurrences per sentence with scope: sentence, and takes max from the rule options', async () => {
    const perSentence = {...NO_JUST, scope: 'sentence'}
    const text = 'Hi Sam,\n\nJust one. Just two, just three. Thanks.\n'
    let {report} = await json(team({customRules: [perSentence]}, {'drafts/a.txt': text}))
    expect(own(report.drafts[0].findings)).toEqual([])
    ;({report} = await json(team({customRules: [perSentence], rules: {'no-just': ['warn', {max: 1}]}}, {'drafts/a.txt': text})))
    expect(own(report.drafts[0].findings).map((finding: any) => [finding.column, finding.message])).toEqual([[21, '`just` 2 times (at most 1)']])
  })

  it('takes word edits, --rule, directives and --locale like a built-in rule', async () => {
    const directory = team({...CONFIG, rules: {'no-guarantee': ['warn', {words: {en: {add: ['promise'], remove: ['guarantee']}}}]}}, {
      'drafts/a.txt': 'Hi Sam,\n\nWe promise results, we guarantee them.\ncluelint-disable-next-line no-just\nJust reply, just a line, just now.\n'
    })
    const {report} = await json(directory, '--rule', 'no-asap=off', '--locale', 'fr')
    expect(own(report.drafts[0].findings).map((finding: any) => [finding.rule, finding.excerpt])).toEqual([['no-guarantee', 'promise']])
    // Its English message, the rule having no French one.
    expect(own(report.drafts[0].findings)[0]).toMatchObject({message: '`promise` is a promise legal has not approved'})
    const french = await json(team(CONFIG), '--locale', 'fr')
    expect(own(french.report.drafts[0].findings).map((finding: any) => finding.message)).toContain('`ASAP` met la pression : écrivez « when it suits you »')
  })

  it('lists the rules in SARIF, with their help page when they give one, and results pointing at them', async () => {
    const directory = team(CONFIG)
    const run = await runCli([join(directory, 'drafts/a.txt'), '--format', 'sarif'], {cwd: directory})
    const sarif = JSON.parse(run.stdout)
    expect(validSarif(sarif) ? [] : validSarif.errors).toEqual([])
    const {rules} = sarif.runs[0].tool.driver
    const asap = rules.find((rule: any) => rule.id === 'no-asap')
    expect(asap).toMatchObject({shortDescription: {text: 'Pushy time words ("ASAP", "touch base")'}, helpUri: 'https://wiki.example.com/sales/no-asap', messageStrings: {swap: {text: '`{{words}}` sounds pushy: write “{{example}}”'}}})
    const just = rules.find((rule: any) => rule.id === 'no-just')
    expect(just).toBeDefined()
    expect('helpUri' in just).toBe(false)
    const results = sarif.runs[0].results.filter((result: any) => result.ruleId.startsWith('no-'))
    expect(results.map((result: any) => [result.ruleId, result.level, result.message.id])).toEqual([
      ['no-asap', 'error', 'swap'],
      ['no-guarantee', 'warning', 'found'],
      ['no-asap', 'error', 'swap'],
      ['no-just', 'warning', 'tooMany']
    ])
    for (const result of results) expect(rules[result.ruleIndex].id).toBe(result.ruleId)
  })

  it('shows them in the pretty report, with their weight in the score and "fix first"', async () => {
    const directory = team(CONFIG)
    const run = await runCli([join(directory, 'drafts/a.txt'), '--no-color'], {cwd: directory})
    expect(run.stdout).toMatch(/3:63 +error +`ASAP` sounds pushy: write “when it suits you” +no-asap/)
    expect(run.stdout).toMatch(/3:69 +warning +`just` 3 times \(at most 2\) +no-just/)
    // no-asap weighs 12 at error severity: first to fix.
    expect(run.stdout).toMatch(/Fix first:\n +1\. 3:18 no-asap/)
    const without = await json(team({}))
    const withRules = await json(team(CONFIG))
    expect(withRules.report.drafts[0].score).toBeLessThan(without.report.drafts[0].score)
  })

  it('runs the same through the built binary, on worker threads over a campaign file', () => {
    const rows = Array.from({length: 400}, (_, index) => `"Hi Sam ${index}, just reply ASAP."`).join('\n')
    const directory = team(CONFIG, {'drafts/list.csv': 'body\n' + rows + '\n'})
    const run = spawnCli([join(directory, 'drafts/list.csv'), '--format', 'json'], {cwd: directory, env: {CLUELINT_THREADS: '2'}})
    const report = JSON.parse(run.stdout)
    expect(report.drafts).toHaveLength(400)
    for (const draft of report.drafts) expect(own(draft.findings).map((finding: any) => finding.rule)).toEqual(['no-asap'])
  })
})

/** A bad rule: one line naming the file (the rule file, or the config for an inline rule) and the reason, exit 2. */
const bad: Array<[string, Record<string, string>, object, string]> = [
  ['a wrong kind', {'rules/r.yaml': NO_ASAP_YAML.replace('kind: substitution', 'kind: swapper')}, {customRules: ['rules/r.yaml']}, 'rules/r.yaml: kind: expected one of existence, substitution, occurrence, got "swapper"'],
  ['broken YAML', {'rules/r.yaml': 'id: x\n  data: [\n'}, {customRules: ['rules/r.yaml']}, 'rules/r.yaml: invalid YAML: Nested mappings are not allowed in compact mappings at line 1, column 5'],
  ['broken JSON', {'rules/r.json': '{"id": "x",}'}, {customRules: ['rules/r.json']}, 'rules/r.json: invalid JSON at line 1, column 12: Expected double-quoted property name'],
  ['a missing file', {}, {customRules: ['rules/nope.yaml']}, 'rules/nope.yaml: no such rule file (customRules[0] in .cluelintrc.json)'],
  ['a file of another format', {'rules/r.txt': 'id: x'}, {customRules: ['rules/r.txt']}, "rules/r.txt: unknown rule file format '.txt' (use .json, .yaml or .yml)"],
  ['a missing message', {}, {customRules: [{...NO_GUARANTEE, messages: {en: {}}}]}, '.cluelintrc.json: customRules[0].messages.en.found: missing: kind existence reports it'],
  ['an unknown placeholder', {}, {customRules: [{...NO_JUST, messages: {en: {tooMany: '{{word}} again'}}}]}, '.cluelintrc.json: customRules[0].messages.en.tooMany: unknown placeholder {{word}} (expected {{words}}, {{count}}, {{max}})'],
  ['an engine message id', {}, {customRules: [{...NO_GUARANTEE, messages: {en: {found: 'x {{words}}', replace: 'y'}}}]}, `.cluelintrc.json: customRules[0].messages.en.replace: "replace" is one of cluelint's own message ids (choose another)`],
  ['an unknown language', {}, {customRules: [{...NO_GUARANTEE, data: {de: {phrases: ['garantiert']}}}]}, '.cluelintrc.json: customRules[0].data.de: unknown language (expected en, fr)'],
  ['no phrases', {}, {customRules: [{...NO_GUARANTEE, data: {en: {phrases: []}}}]}, '.cluelintrc.json: customRules[0].data.en: expected at least one phrase'],
  ['max on a kind without it', {}, {customRules: [{...NO_GUARANTEE, max: 2}]}, '.cluelintrc.json: customRules[0].max: only for kind occurrence'],
  ['a built-in id', {}, {customRules: [{...NO_GUARANTEE, id: 'marketing-speak'}]}, '.cluelintrc.json: customRules[0].id: "marketing-speak" is a built-in rule (choose another id)'],
  ['an id twice', {}, {customRules: ['rules/no-guarantee.json', NO_GUARANTEE]}, '.cluelintrc.json: customRules[1].id: "no-guarantee" is also the id of the rule in rules/no-guarantee.json'],
  ['an unknown key', {}, {customRules: [{...NO_GUARANTEE, token: 'x'}]}, '.cluelintrc.json: customRules[0].token: unknown key'],
  ['not a list', {}, {customRules: 'rules/no-asap.yaml'}, '.cluelintrc.json: customRules: expected array, got "rules/no-asap.yaml"'],
  ['an option the kind has not', {}, {customRules: [NO_GUARANTEE], rules: {'no-guarantee': ['warn', {max: 3}]}}, '.cluelintrc.json: rules.no-guarantee[1].max: unknown key']
]

describe('cluelint rules and explain know the config’s own rules', () => {
  it('rules lists them after the built-in ones, in both formats', async () => {
    const directory = team(CONFIG)
    const listed = await runCli(['rules', '--format', 'json'], {cwd: directory})
    expect(listed.code).toBe(0)
    const ids = JSON.parse(listed.stdout).map((rule: {id: string}) => rule.id)
    expect(ids.slice(-3)).toEqual(['no-asap', 'no-guarantee', 'no-just'])
    expect(ids).toContain('buzzword-overuse')
    const pretty = await runCli(['rules', '--no-color'], {cwd: directory})
    expect(pretty.stdout).toMatch(/^no-asap +en,fr +warning +12 +Pushy time words/m)
  })

  it('explain shows a team rule, its findings in the user’s locale', async () => {
    const directory = team(CONFIG, {
      'rules/no-asap.yaml': NO_ASAP_YAML + 'examples:\n  en:\n    bad:\n      - text: "Can you reply ASAP?"\n        findings: []\n    good: ["Can you reply when it suits you?"]\n'
    })
    const run = await runCli(['explain', 'no-asap', '--no-color', '--locale', 'fr'], {cwd: directory})
    expect(run.stderr).toBe('')
    expect(run.stdout).toContain('Can you reply [ASAP]?')
    expect(run.stdout).toContain('`ASAP` met la pression : écrivez « when it suits you »')
  })

  it('a config whose rules cannot be read is one line, exit 2, and the built-in rules are still listed', async () => {
    const directory = team({customRules: ['rules/missing.yaml']})
    const run = await runCli(['rules', '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe('cluelint: rules/missing.yaml: no such rule file (customRules[0] in .cluelintrc.json) (its own rules are left out)\n')
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout).map((rule: {id: string}) => rule.id)).toContain('typography')
  })
})

describe('a bad custom rule is one line naming its file and the reason, exit 2', () => {
  for (const [what, files, config, line] of bad) {
    it(what, async () => {
      const directory = team(config, files)
      const run = await runCli([join(directory, 'drafts/a.txt')], {cwd: directory})
      expect(run.stderr).toBe(`cluelint: ${line}\n`)
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
    })
  }
})
