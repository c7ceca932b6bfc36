import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText, RULE_URL} from '../../src/engine.js'
import {rules} from '../../rules/index.js'
import {readmes} from '../../scripts/docs.js'

/**
 * rules/<id>/README.md is generated (`npm run docs`) from each rule's
 * metadata and examples; every finding's url and SARIF's helpUri point at
 * it. These tests fail when a rule changed and its README was not
 * regenerated. (They read the built library: `npm test` builds it first.)
 */
describe('rule READMEs', () => {
  const root = join(import.meta.dirname, '..', '..')

  it('exist for every rule the message urls point at', () => {
    expect(RULE_URL.endsWith('/rules/')).toBe(true)
    for (const rule of rules) expect(existsSync(join(root, 'rules', rule.id, 'README.md')), `rules/${rule.id}/README.md`).toBe(true)
  })

  it.each(readmes().map((readme) => [readme.rule, readme] as const))('%s is up to date (else run npm run docs)', (_id, readme) => {
    const current = existsSync(readme.path) ? readFileSync(readme.path, 'utf8') : ''
    expect(current, `rules/${readme.rule}/README.md is out of date: run npm run docs`).toBe(readme.text)
  })

  it('say what the rule says: summary, rationale, defaults, every example and its findings', () => {
    const rule = rules.find((candidate) => candidate.id === 'buzzword-overuse')!
    const text = readmes().find((readme) => readme.rule === rule.id)!.text
    expect(text).toContain(rule.summary)
    expect(text).toContain(rule.rationale)
    expect(text).toContain(`| \`repeat\` | \`${rule.options.repeat}\` |`)
    for (const lang of ['en', 'fr'] as const) for (const example of [...rule.examples[lang].bad, ...rule.examples[lang].good]) expect(text).toContain(example)
    // Each bad example's findings, with their positions.
    const [finding] = lintText(rule.examples.en.bad[0], {lang: 'en'}).findings.filter((candidate) => candidate.rule === rule.id)
    expect(text).toContain(`- ${finding.line}:${finding.column} ${finding.severity} \`${finding.excerpt}\`: ${finding.message}`)
  })
})
