import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {DIRECTIVE_RULE} from '../../src/directives.js'
import {artifactUri, sarifReporter, toSarif} from '../../src/reporters/sarif.js'
import type {DraftReport, Report} from '../../src/types.js'
import {root, runCli, tempFiles} from '../helpers.js'

// The SARIF 2.1.0 JSON schema (draft-04) as Microsoft's SARIF SDK ships it
// (@microsoft/jest-sarif: sarif-2.1.0-rtm.5.json, the schemastore copy).
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
// unicodeRegExp off: the schema's language pattern is not valid with the u flag.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))

function expectValid(log: unknown) {
  const valid = validate(log)
  expect(valid ? [] : validate.errors?.map((error) => `${error.instancePath} ${error.message}`)).toEqual([])
}

describe('the schema check itself', () => {
  it('rejects what SARIF forbids', () => {
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{message: {text: 'm'}, level: 'warn'}]}]})).toBe(false)
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{message: {text: 'm'}, locations: [{physicalLocation: {artifactLocation: {uri: 'a b.txt'}}}]}]}]})).toBe(false)
    expect(validate({version: '2.1.0', runs: [{tool: {driver: {name: 'x'}}, results: [{message: {text: 'm'}, locations: [{physicalLocation: {region: {startLine: 0}}}]}]}]})).toBe(false)
  })
})

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 for every fixture, with one result per finding at the JSON report positions', async () => {
    const sarifRun = await runCli(['fixtures', '--format', 'sarif'])
    const jsonRun = await runCli(['fixtures', '--format', 'json'])
    const log = JSON.parse(sarifRun.stdout)
    expectValid(log)
    const report = JSON.parse(jsonRun.stdout)
    expect(report.drafts.length).toBeGreaterThanOrEqual(4)
    expect(log.runs).toHaveLength(1)
    const [run] = log.runs
    const expected = report.drafts.flatMap((draft: any) =>
      draft.findings.map((finding: any) => ({
        ruleId: finding.rule,
        uri: draft.file.split('/').map(encodeURIComponent).join('/'),
        region: [finding.line, finding.column, finding.endLine, finding.endColumn]
      }))
    )
    expect(expected.length).toBeGreaterThan(0)
    expect(
      run.results.map((result: any) => {
        const {artifactLocation, region} = result.locations[0].physicalLocation
        return {ruleId: result.ruleId, uri: artifactLocation.uri, region: [region.startLine, region.startColumn, region.endLine, region.endColumn]}
      })
    ).toEqual(expected)
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
      expect(['error', 'warning', 'note']).toContain(result.level)
      expect(result.partialFingerprints['cluelintFinding/v1']).toMatch(/^[0-9a-f]{32}$/)
    }
    // Lints the 288 fixture drafts twice in process: seconds on a loaded machine.
  }, 60_000)

  it('describes every rule: summary, rationale, examples, default level, help link', async () => {
    const log = JSON.parse((await runCli(['fixtures/en/good', '--format', 'sarif'])).stdout)
    const {driver} = log.runs[0].tool
    expect(driver).toMatchObject({name: 'cluelint', informationUri: expect.stringMatching(/^https:\/\//), version: expect.stringMatching(/^\d+\.\d+\.\d+/)})
    expect(driver.rules.map((rule: any) => rule.id)).toEqual([...rules.map((rule) => rule.id), DIRECTIVE_RULE.id])
    for (const rule of rules) {
      const descriptor = driver.rules.find((item: any) => item.id === rule.id)
      expect(descriptor.shortDescription.text).toBe(rule.summary)
      expect(descriptor.fullDescription.text).toBe(rule.rationale)
      expect(descriptor.help.text).toContain(rule.rationale)
      for (const lang of rule.languages) {
        if (rule.examples[lang].bad[0]) expect(descriptor.help.text).toContain(`Bad (${lang}): ${rule.examples[lang].bad[0]}`)
        if (rule.examples[lang].good[0]) expect(descriptor.help.text).toContain(`Good (${lang}): ${rule.examples[lang].good[0]}`)
      }
      expect(descriptor.defaultConfiguration.level).toBe({error: 'error', warning: 'warning', info: 'note'}[rule.severity])
      expect(descriptor.helpUri).toMatch(new RegExp(`^https://.*${rule.id}`))
    }
  })

  it('standard input and --output', async () => {
    const directory = tempFiles({})
    const output = join(directory, 'cluelint.sarif')
    const run = await runCli(['-', '--format', 'sarif', '--output', output], {input: 'Hi {{first_name}}, thanks for your time.'})
    expect(run.stdout).toBe('')
    const log = JSON.parse(readFileSync(output, 'utf8'))
    expectValid(log)
    const result = log.runs[0].results.find((item: any) => item.ruleId === 'unfilled-merge-field')
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'stdin'},
      region: {startLine: 1, startColumn: 4, endLine: 1, endColumn: 18, snippet: {text: '{{first_name}}'}}
    })
  })

  it('with no draft linted it is still a valid log', async () => {
    const directory = tempFiles({'.cluelintignore': '*.txt\n', 'a.txt': 'Hi Sam.'})
    const log = JSON.parse((await runCli([directory, '--format', 'sarif'], {cwd: directory})).stdout)
    expectValid(log)
    expect(log.runs[0].results).toEqual([])
  })
})

describe('toSarif', () => {
  const finding = (rule: string, line: number, excerpt: string) => ({
    rule,
    severity: 'warning' as const,
    message: `\`${excerpt}\` again: say it with a detail about the reader`,
    line,
    column: 5,
    endLine: line,
    endColumn: 5 + excerpt.length,
    excerpt,
    suggestions: [{desc: 'Replace with “care”', fix: {range: [0, excerpt.length] as [number, number], text: 'care'}}],
    offset: 0,
    endOffset: excerpt.length
  })
  const drafts: DraftReport[] = [
    {file: join(root, 'campaigns', 'Q3 été', 'list #1.csv'), name: join(root, 'campaigns', 'Q3 été', 'list #1.csv') + '#3', lang: 'fr', score: 70, grade: 'C', findings: [finding('buzzword-overuse', 4, 'empathie'), finding('buzzword-overuse', 5, 'empathie')]},
    {file: 'drafts/a.md', name: 'drafts/a.md', lang: 'en', score: 94, grade: 'A', findings: [{...finding(DIRECTIVE_RULE.id, 2, 'no-such-rule'), suggestions: []}, {...finding('not-a-rule-id', 3, 'x'), severity: 'info'}]}
  ]
  const report: Report = {version: 1, drafts, summary: {drafts: 2, findings: 4, errors: 0, warnings: 3, minScore: 70, meanScore: 82}}
  const log = toSarif(report, {cwd: root})
  const results = log.runs[0].results as any[]

  it('is valid, with encoded relative URIs and the CSV row as a logical location', () => {
    expectValid(log)
    const [first] = results
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe('campaigns/Q3%20%C3%A9t%C3%A9/list%20%231.csv')
    expect(first.locations[0].logicalLocations).toEqual([{name: '3', fullyQualifiedName: drafts[0].name, kind: 'object'}])
    expect(first.properties).toEqual({draft: drafts[0].name, suggestions: ['Replace with “care”']})
    expect(results[2].locations[0].logicalLocations).toBeUndefined()
  })

  it('repeats of the same words get different, stable fingerprints', () => {
    const [a, b] = results
    expect(a.partialFingerprints['cluelintFinding/v1']).not.toBe(b.partialFingerprints['cluelintFinding/v1'])
    expect(toSarif(report, {cwd: root}).runs[0].results.map((item: any) => item.partialFingerprints)).toEqual(results.map((item) => item.partialFingerprints))
  })

  it('levels, rule indexes, and no index for an id the driver does not list', () => {
    expect(results.map((item) => item.level)).toEqual(['warning', 'warning', 'warning', 'note'])
    expect(log.runs[0].tool.driver.rules[results[2].ruleIndex].id).toBe(DIRECTIVE_RULE.id)
    expect(results[3].ruleIndex).toBeUndefined()
  })

  it('the streamed output is byte for byte the whole log', () => {
    const reporter = sarifReporter({cwd: root})
    const streamed = drafts.map((draft) => reporter.draft!(draft, '')).join('') + reporter.done({...report, drafts: []})
    expect(streamed).toBe(JSON.stringify(log, null, 2) + '\n')
    const empty = sarifReporter({cwd: root})
    expect(empty.draft!({...drafts[1], findings: []}, '') + empty.done({...report, drafts: []})).toBe(JSON.stringify(toSarif({...report, drafts: []}, {cwd: root}), null, 2) + '\n')
  })

  it('artifact URIs: relative, forward slashes, outside the cwd too', () => {
    expect(artifactUri('drafts/a.txt', root)).toBe('drafts/a.txt')
    expect(artifactUri(join(root, 'drafts', 'a b.txt'), root)).toBe('drafts/a%20b.txt')
    expect(artifactUri(join(root, '..', 'other', 'c.txt'), root)).toBe('../other/c.txt')
    expect(artifactUri('<stdin>', root)).toBe('stdin')
  })
})
