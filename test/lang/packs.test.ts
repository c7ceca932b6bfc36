import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packs} from '../../langs/index.js'
import {packIndex} from '../../scripts/packs.js'
import {cpSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {rules} from '../../rules/index.js'
import {ruleIndex} from '../../scripts/rules.js'
import {ruleData} from '../../src/config/words.js'
import {lintText} from '../../src/engine.js'
import {detectLanguage, detectLanguageScores} from '../../src/lang/detect.js'
import {languageName} from '../../src/lang/names.js'
import {languages, packFor, registerPack} from '../../src/lang/packs.js'
import {withLanguages} from '../../src/rule.js'
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

    it('is detected: detection reads every known pack’s words', () => {
      const text = 'Saluton Ana, mi estas Petro kaj mi havas demandon al vi.'
      expect(detectLanguage(text)).toBe('eo')
      expect(detectLanguageScores(text)).toMatchObject({eo: expect.any(Number), en: expect.any(Number), fr: expect.any(Number)})
      expect(lintText(text).lang).toBe('eo')
      // English and French drafts are told apart as before.
      expect(detectLanguage('Hi Ana, I saw your talk and I have a question for you.')).toBe('en')
      expect(detectLanguage("Bonjour Ana, j'ai vu votre intervention et j'ai une question.")).toBe('fr')
    })

    it('is named by the runtime’s language names, in the user’s locale or its own', () => {
      expect(languageName('eo')).toBe('Esperanto')
      expect(languageName('eo', 'fr')).toBe('espéranto')
      expect(languageName('fr', 'en', true)).toBe('Français')
      expect(languageName('en', 'fr')).toBe('anglais')
    })
  })

  describe('a rule’s data for a new language is found beside it (rules/<id>/<lang>.json)', () => {
    it('npm run rules passes the language files a rule’s code does not import to withLanguages', () => {
      const folder = mkdtempSync(join(tmpdir(), 'cluelint-rules-'))
      cpSync(join(root, 'rules', 'flattery'), join(folder, 'flattery'), {recursive: true})
      expect(ruleIndex(folder)).toContain("import rule_flattery from './flattery/index.js'")
      writeFileSync(join(folder, 'flattery', 'eo.json'), '{}')
      const index = ruleIndex(folder)
      expect(index).toContain("import rule_flattery_eo from './flattery/eo.json' with {type: 'json'}")
      expect(index).toContain('const rule_flattery = withLanguages(rule_flattery_code, {eo: rule_flattery_eo})')
      expect(index).not.toContain('rule_flattery_en')
    })

    it('withLanguages adds the languages a rule lacks, and leaves the others', () => {
      const rule = rules.find((candidate) => candidate.id === 'buzzword-overuse')!
      const data = {words: []}
      const extended = withLanguages(rule, {eo: data, en: {}})
      expect(extended.languages).toEqual(['en', 'fr', 'eo'])
      expect(ruleData(extended, 'eo', undefined)).toBe(data)
      expect(extended.data.en).toBe(rule.data.en)
      expect(rule.languages).toEqual(['en', 'fr'])
      expect(withLanguages(rule, {en: {}})).toBe(rule)
    })
  })
})
