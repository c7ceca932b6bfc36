import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {toReport} from '../../src/index.js'
import {runCli, tempFiles} from '../helpers.js'

const eml = 'test/fixtures-inputs/prospect-fr.eml'
const csv = 'test/fixtures-inputs/campaign-fr.csv'

interface JsonFinding {
  rule: string
  line: number
  column: number
  endLine: number
  endColumn: number
  excerpt: string
}

const places = (findings: JsonFinding[], rule = 'unfilled-merge-field') =>
  findings.filter((finding) => finding.rule === rule).map((finding) => [finding.excerpt, finding.line, finding.column, finding.endLine, finding.endColumn])

describe('campaign inputs on the command line', () => {
  it('reports a quoted-printable French e-mail at the lines of the .eml file', async () => {
    const run = await runCli([eml, '--format', 'json'])
    expect(run.stderr).toBe('cluelint: 3 errors in 1 draft\n')
    expect(run.code).toBe(1)
    const [draft] = JSON.parse(run.stdout).drafts
    expect(draft).toMatchObject({file: eml, name: eml, lang: 'fr'})
    expect(places(draft.findings)).toEqual([
      ['{{company}}', 3, 41, 3, 52],
      ['[Entreprise]', 13, 1, 13, 13],
      ['{{prénom}}', 15, 24, 15, 39]
    ])
  })

  it('shows the .eml line under each finding in the pretty report', async () => {
    const run = await runCli([eml, '--no-color'])
    expect(run.stdout).toContain('13:1')
    expect(run.stdout).toContain('│ [Entreprise] depuis janvier.\n')
    expect(run.stdout).toContain('│ Merci pour ce partage, {{pr=C3=A9nom}} !\n')
  })

  it('reports CSV rows with quoted multi-line cells at their place in the file', async () => {
    const run = await runCli([csv, '--format', 'json'])
    expect(run.stderr).toBe('cluelint: 2 errors in 2 drafts\n')
    const report = JSON.parse(run.stdout)
    expect(report.drafts.map((draft: {name: string}) => draft.name)).toEqual([`${csv}#1`, `${csv}#2`])
    expect(places(report.drafts[0].findings)).toEqual([['[Entreprise]', 3, 33, 3, 45]])
    expect(places(report.drafts[1].findings)).toEqual([['{{first_name}}', 6, 21, 6, 35]])
    const lines = readFileSync(csv, 'utf8').split('\n')
    expect(lines[2].slice(32, 44)).toBe('[Entreprise]')
    expect(lines[5].slice(20, 34)).toBe('{{first_name}}')
  })

  it('prints the CSV line of a finding, not the row\'s first line', async () => {
    const run = await runCli([csv, '--no-color'])
    expect(run.stdout).toContain(`${csv}#1 (fr)`)
    expect(run.stdout).toContain('│ merci pour votre ""retour"" sur [Entreprise].\n')
    expect(run.stdout).toContain('│ Jean;Globex;Bonjour {{first_name}}, merci pour votre temps.\n')
  })

  it('--template silences merge fields only', async () => {
    const draft = 'Hi {{first_name}},\nI hope this email finds you well. I came across your profile and wanted to reach out.\nBest,\nSam\n'
    const directory = tempFiles({'template.txt': draft, 'campaign.csv': `first_name,body\nAna,"${draft}"\n`})
    for (const file of ['template.txt', 'campaign.csv']) {
      const path = join(directory, file)
      const plain = JSON.parse((await runCli([path, '--format', 'json'])).stdout).drafts[0].findings as JsonFinding[]
      const run = await runCli([path, '--format', 'json', '--template'])
      const template = JSON.parse(run.stdout).drafts[0].findings as JsonFinding[]
      expect(plain.some((finding) => finding.rule === 'unfilled-merge-field')).toBe(true)
      expect(template.some((finding) => finding.rule !== 'unfilled-merge-field')).toBe(true)
      expect(template).toEqual(plain.filter((finding) => finding.rule !== 'unfilled-merge-field'))
    }
  })

  it('reads every campaign format in a directory, skipping project files and .json (read when named)', async () => {
    const directory = tempFiles({
      'package.json': '{"name": "not-a-campaign"}',
      'tsconfig.json': '{"compilerOptions": {}}',
      '.drafts.json': '["hidden"]',
      'a.csv': 'body\nHello [Company]\n',
      'b.json': '["Hi [Company]"]',
      'c.jsonl': '{"text": "Hey [Company]"}\n',
      'd.html': '<p>Hello <b>[Company]</b></p>',
      'e.htm': '<p>Hi</p>',
      'f.eml': 'To: a@example.com\r\nSubject: Hi\r\n\r\nHello [Company]\r\n',
      'notes.yaml': 'x: 1'
    })
    const run = await runCli([directory, '--format', 'json'])
    expect(run.stderr).toBe('cluelint: 4 errors in 4 drafts\n')
    const names = JSON.parse(run.stdout).drafts.map((draft: {name: string}) => draft.name.slice(directory.length + 1))
    expect(names).toEqual(['a.csv#1', 'c.jsonl#1', 'd.html', 'e.htm', 'f.eml'])
    const named = await runCli([join(directory, 'b.json'), '--format', 'json'])
    expect(JSON.parse(named.stdout).drafts.map((draft: {name: string}) => draft.name.slice(directory.length + 1))).toEqual(['b.json#1'])
  })

  it('reports a bad campaign file on one line with exit 2, and goes on with the others', async () => {
    const directory = tempFiles({
      'settings.json': '{"theme": "dark"}',
      'broken.json': '["a",\n  "b" "c"]',
      'bad.csv': 'name,body\nAna,Hi\nBo,Hello "you"\n',
      'nobody.csv': 'id;subject\n1;Hi\n',
      'good.txt': 'Hi [Company], thanks for your time.\n'
    })
    const run = await runCli([directory, join(directory, '*.json'), '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `cluelint: ${join(directory, 'bad.csv')}: malformed CSV at line 3: a quote inside an unquoted cell (quote the whole cell and double the quotes in it: "")`,
      `cluelint: ${join(directory, 'nobody.csv')}: no body column: expected one of body, message, text, content, corps, texte (or give one with --column); columns found: "id", "subject"`,
      `cluelint: ${join(directory, 'broken.json')}: JSON syntax error at line 2, column 7: expected ']' or ',' after an item, found '"'`,
      `cluelint: ${join(directory, 'settings.json')}: not a campaign file: expected an array of drafts`
    ])
    // The rows before the malformed one, and the other files, are reported.
    const names = JSON.parse(run.stdout).drafts.map((draft: {name: string}) => draft.name.slice(directory.length + 1))
    expect(names).toEqual(['bad.csv#1', 'good.txt'])
  })

  it('a JSON Lines file with broken lines: one line for the file, every other line linted, exit 2', async () => {
    const directory = tempFiles({'c.jsonl': '"Hi Ana, thanks."\n{"body": \n"Hi Bo, thanks."\n{"name": "Cy"}\n"Hi Di, thanks."\n'})
    const file = join(directory, 'c.jsonl')
    const run = await runCli([file, '--format', 'json'])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `cluelint: ${file}: JSON syntax error at line 2, column 10: expected a value, found the end of the file; 1 more line skipped (4); the other lines were linted`
    ])
    expect(JSON.parse(run.stdout).drafts.map((draft: {name: string}) => draft.name.slice(file.length))).toEqual(['#1', '#3', '#5'])
  })

  it('--column names the body column', async () => {
    const directory = tempFiles({'c.csv': 'note,copy\nx,Hi [Company]\n'})
    const missing = await runCli([join(directory, 'c.csv')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('columns found: "note", "copy"')
    const run = await runCli([join(directory, 'c.csv'), '--column', 'copy', '--format', 'json'])
    expect(run.stderr).toBe('cluelint: 1 error in 1 draft\n')
    expect(places(JSON.parse(run.stdout).drafts[0].findings)).toEqual([['[Company]', 2, 6, 2, 15]])
  })

  it('streams the JSON report with the same bytes as the whole report', async () => {
    const rows = Array.from({length: 30}, (_, index) => `${index % 2 ? 'Ana' : 'Bo'},"Hi ${index % 3 ? '[Company]' : 'there'}, thanks for your time ${index}."`)
    const directory = tempFiles({'c.csv': `name,body\n${rows.join('\n')}\n`})
    const run = await runCli([join(directory, 'c.csv'), '--format', 'json'])
    const report = JSON.parse(run.stdout)
    expect(report.drafts).toHaveLength(30)
    expect(run.stdout).toBe(JSON.stringify(report, null, 2) + '\n')
    expect(report.summary).toEqual(toReport(report.drafts).summary)
    const empty = await runCli([join(directory, 'missing.csv'), '--format', 'json'])
    expect(empty.stdout).toBe(JSON.stringify({version: 1, drafts: [], summary: toReport([]).summary}, null, 2) + '\n')
  })
})
