// Every rule folder's examples.json, run through the engine: each bad example gives exactly the
// findings it lists (rule, position, severity, message id, words), each good example none of its
// rule's. The rules' metadata is checked here too.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {lintText} from '../../src/engine.js'
import {exampleText, exampleTexts, type ExamplesFile} from '../../src/rule.js'
import type {Lang} from '../../src/types.js'

const root = join(import.meta.dirname, '..', '..', 'rules')
const folders = readdirSync(root, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const KEYS = ['rule', 'line', 'column', 'endLine', 'endColumn', 'severity', 'messageId', 'excerpt'] as const

it('every rule folder has its examples.json, and every examples.json its rule', () => {
  expect(folders.filter((id) => !existsSync(join(root, id, 'examples.json')))).toEqual([])
  expect(folders.filter((id) => !rules.some((rule) => rule.id === id))).toEqual([])
})

for (const rule of rules) {
  const file = JSON.parse(readFileSync(join(root, rule.id, 'examples.json'), 'utf8')) as ExamplesFile
  describe(rule.id, () => {
    it('has metadata', () => {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.summary.length).toBeGreaterThan(10)
      expect(rule.rationale.length).toBeGreaterThan(40)
      expect(rule.weight).toBeGreaterThan(0)
      expect(rule.languages).toEqual(expect.arrayContaining(['en', 'fr']))
    })
    it('shows the examples of its examples.json (explain, SARIF help, the editor, the playground)', () => {
      expect(rule.examples).toEqual(exampleTexts(file))
    })
    for (const lang of rule.languages) {
      const examples = file[lang]
      it(`has at least two bad and two good ${lang} examples, all different`, () => {
        expect(examples?.bad.length).toBeGreaterThanOrEqual(2)
        expect(examples?.good.length).toBeGreaterThanOrEqual(2)
        const texts = [...(examples?.bad ?? []).map((bad) => exampleText(bad.text)), ...(examples?.good ?? []).map(exampleText)]
        expect(new Set(texts).size).toBe(texts.length)
      })
      for (const bad of examples?.bad ?? []) {
        const text = exampleText(bad.text)
        it(`gives exactly its findings on ${lang} bad: ${JSON.stringify(text.slice(0, 60))}`, () => {
          expect(bad.findings.length, 'a bad example lists at least one finding').toBeGreaterThan(0)
          const own = lintText(text, {lang: lang as Lang}).findings.filter((finding) => finding.rule === rule.id)
          expect(own.map((finding) => Object.fromEntries(KEYS.map((key) => [key, finding[key]])))).toEqual(bad.findings)
          for (const finding of own) {
            // Positions point at the words the finding reports.
            expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
            // Each finding names its message, in both locales.
            expect(Object.keys(rule.messages.en)).toContain(finding.messageId)
            expect(Object.keys(rule.messages.fr)).toContain(finding.messageId)
          }
        })
      }
      for (const good of examples?.good ?? []) {
        const text = exampleText(good)
        it(`stays quiet on ${lang} good: ${JSON.stringify(text.slice(0, 60))}`, () => {
          expect(lintText(text, {lang: lang as Lang}).findings.filter((finding) => finding.rule === rule.id)).toEqual([])
        })
      }
    }
  })
}
