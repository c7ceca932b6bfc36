// The rule registry (rules/index.ts) is written from the folders of rules/ (npm run rules): a
// folder with an index.ts is a rule in TypeScript, one with a rule.json a rule as data.
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {ruleIndex} from '../../scripts/rules.js'
import {dataRuleSchema} from '../../src/config/schema.js'

const root = join(import.meta.dirname, '..', '..', 'rules')

describe('rule registry', () => {
  it('rules/index.ts lists every rule folder of rules/ (npm run rules writes it)', () => {
    expect(readFileSync(join(root, 'index.ts'), 'utf8')).toBe(ruleIndex())
  })

  it('has each rule once, written either as code or as data', () => {
    const ids = rules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(existsSync(join(root, id, 'index.ts')) !== existsSync(join(root, id, 'rule.json')), id).toBe(true)
  })

  it('builds marketing-speak from its rule.json: a substitution rule with no TypeScript', () => {
    const rule = rules.find((candidate) => candidate.id === 'marketing-speak')!
    const spec = JSON.parse(readFileSync(join(root, 'marketing-speak', 'rule.json'), 'utf8'))
    expect(spec.kind).toBe('substitution')
    expect(existsSync(join(root, 'marketing-speak', 'index.ts'))).toBe(false)
    expect([rule.summary, rule.rationale, rule.weight, rule.severity]).toEqual([spec.summary, spec.rationale, spec.weight, spec.severity])
    expect(rule.languages).toEqual(['en', 'fr'])
    expect(typeof rule.extend).toBe('function')
  })

  it('checks each rule.json, with its data, messages and examples, against the schema of a team\'s rules', () => {
    for (const rule of rules) {
      const path = join(root, rule.id, 'rule.json')
      if (!existsSync(path)) continue
      const read = (file: string) => JSON.parse(readFileSync(join(root, rule.id, file), 'utf8'))
      const spec = {...read('rule.json'), data: Object.fromEntries(rule.languages.map((lang) => [lang, read(`${lang}.json`)])), messages: read('messages.json'), examples: read('examples.json')}
      const result = dataRuleSchema().safeParse(spec)
      expect(result.success ? [] : result.error.issues, rule.id).toEqual([])
    }
  })
})
