import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packs} from '../../langs/index.js'
import {packIndex} from '../../scripts/packs.js'
import {lintText} from '../../src/engine.js'
import {languages, packFor, registerPack} from '../../src/lang/packs.js'
import type {Lang} from '../../src/types.js'
import esperanto from '../fixtures/packs/eo/index.js'

const root = join(import.meta.dirname, '..', '..')

describe('language packs', () => {
  it('langs/index.ts lists every pack folder of langs/ (npm run packs writes it)', () => {
    expect(readFileSync(join(root, 'langs', 'index.ts'), 'utf8')).toBe(packIndex())
    expect(packs.map((pack) => pack.code)).toEqual(['en', 'fr'])
  })

  it('gives each built-in language its parser, frame, inflection, negation, courtesy and inclusive lists', () => {
    for (const code of ['en', 'fr']) {
      const pack = packFor(code)
      expect(pack.code).toBe(code)
      expect(typeof pack.parser).toBe('function')
      expect(pack.frame.greetings.length).toBeGreaterThan(5)
      expect(pack.inflection.suffixes.length).toBeGreaterThan(5)
      expect(pack.negation.negators.length).toBeGreaterThan(2)
      expect(pack.inclusive.markers.length).toBeGreaterThan(2)
      expect(Object.keys(pack.courtesy as object)).toContain('gratitude')
    }
  })

  it('names the known languages when asked for another', () => {
    expect(() => packFor('xx')).toThrow(/no language pack for "xx" \(known: en, fr/)
  })

  describe('a third language is a pack plus rule data (test/fixtures/packs/eo)', () => {
    registerPack(esperanto)
    const eo = 'eo' as Lang

    it('is known once registered', () => {
      expect(languages()).toContain('eo')
    })

    it('runs the rules it has data for, with its parser, frame and inflection', () => {
      const text = 'Saluton Ana,\n\nNia plej bonaj solvoj estas senjuntaj. Ĉu vi havas tempon ĵaŭdon?\n\nAmike,\nPetro'
      const report = lintText(text, {lang: eo})
      expect(report.lang).toBe('eo')
      const jargon = report.findings.filter((finding) => finding.rule === 'marketing-speak')
      // "plej bonaj solvoj": the pack's inflection (-a → -aj, -o → -oj) makes the plural match.
      expect(jargon.map((finding) => [finding.excerpt, finding.line, finding.column])).toEqual([
        ['plej bonaj solvoj', 3, 5],
        ['senjuntaj', 3, 29]
      ])
      expect(jargon[0].suggestions.map((suggestion) => suggestion.fix.text)).toEqual(['<kion ĝi faras por vi>'])
      // Rules with no data for the language do not run on it.
      expect(new Set(report.findings.map((finding) => finding.rule))).toEqual(new Set(['marketing-speak']))
    })

    it('takes the config’s words for it, and its negators', () => {
      const added = lintText('Nia produkto estas magia.', {lang: eo, ruleOptions: {'marketing-speak': {words: {eo: {add: ['magia']}}}}})
      expect(added.findings.map((finding) => finding.excerpt)).toEqual(['magia'])
      const negated = lintText('Ĝi ne estas senjunta.', {lang: eo})
      expect(negated.findings.filter((finding) => finding.rule === 'marketing-speak')).toEqual([])
    })
  })
})
