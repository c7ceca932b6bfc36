// One generic test runs every example of every rule: bad must fire, good must not.
import {describe, expect, it} from 'vitest'
import {rules} from '../../rules/index.js'
import {lintText} from '../../src/engine.js'

for (const rule of rules) {
  describe(rule.id, () => {
    it('has metadata', () => {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      expect(rule.summary.length).toBeGreaterThan(10)
      expect(rule.rationale.length).toBeGreaterThan(40)
      expect(rule.weight).toBeGreaterThan(0)
      expect(rule.languages).toEqual(expect.arrayContaining(['en', 'fr']))
    })
    for (const lang of rule.languages) {
      const {bad, good} = rule.examples[lang]
      it(`has ${lang} examples`, () => {
        expect(bad.length).toBeGreaterThan(0)
        expect(good.length).toBeGreaterThan(0)
      })
      for (const text of bad) {
        it(`fires on ${lang} bad: ${JSON.stringify(text.slice(0, 60))}`, () => {
          const report = lintText(text, {lang})
          const own = report.findings.filter((finding) => finding.rule === rule.id)
          expect(own.length).toBeGreaterThan(0)
          for (const finding of own) {
            // Positions point at the words the finding reports.
            expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.excerpt)
            expect(finding.message.length).toBeGreaterThan(10)
            // Each finding names its message, in both locales.
            expect(Object.keys(rule.messages.en)).toContain(finding.messageId)
            expect(Object.keys(rule.messages.fr)).toContain(finding.messageId)
          }
        })
      }
      for (const text of good) {
        it(`stays quiet on ${lang} good: ${JSON.stringify(text.slice(0, 60))}`, () => {
          const report = lintText(text, {lang})
          expect(report.findings.filter((finding) => finding.rule === rule.id)).toEqual([])
        })
      }
    }
  })
}
