// Config `courtesy`: entries added to and removed from a language pack's courtesy lists
// (langs/<code>/courtesy.json), which missing-thanks, ask-without-thanks and multiple-asks read together.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {editLists, listPaths} from '../../src/config/words.js'
import {cacheStats, lintText} from '../../src/engine.js'
import {packFor} from '../../src/lang/packs.js'
import {runCli, tempFiles} from '../helpers.js'

const EN = 'Hi Sam,\n\nCould you send me the pricing sheet by Friday? Much obliged.\n\nBest,\nAna'
const FR = "Bonjour Sam,\n\nPourriez-vous m'envoyer la grille tarifaire avant vendredi ? Je vous en sais gré.\n\nBien à vous,\nAna"
const courtesyRules = (text: string, options = {}) =>
  lintText(text, options)
    .findings.filter((finding) => ['missing-thanks', 'ask-without-thanks', 'multiple-asks'].includes(finding.rule))
    .map((finding) => `${finding.rule}: ${finding.excerpt}`)

describe('listPaths and editLists', () => {
  it('names every list of strings of a pack by its path', () => {
    const paths = listPaths(packFor('en').courtesy)
    expect(paths).toContain('gratitude.strong')
    expect(paths).toContain('asks.requests')
    expect(paths).toContain('signOffWords')
    expect(paths).toContain('chains.verbs')
    // `needsHead` is a boolean, not a list.
    expect(paths).not.toContain('chains.needsHead')
  })

  it('copies only the lists it edits; the pack is not changed', () => {
    const lists = packFor('en').courtesy as {gratitude: {strong: string[]; weak: string[]}; asks: unknown}
    const before = lists.gratitude.strong.length
    const edited = editLists(lists, {'gratitude.strong': {add: ['much obliged'], remove: ['THX']}})
    expect(edited.gratitude.strong).toContain('much obliged')
    expect(edited.gratitude.strong).not.toContain('thx')
    expect(lists.gratitude.strong).toHaveLength(before)
    expect(lists.gratitude.strong).toContain('thx')
    expect(edited.gratitude.weak).toBe(lists.gratitude.weak)
    expect(edited.asks).toBe(lists.asks)
  })

  it('throws for a path that names no list of strings', () => {
    const lists = packFor('en').courtesy
    expect(() => editLists(lists, {'gratitude.strongg': {add: ['x']}})).toThrow('no courtesy list "gratitude.strongg"')
    expect(() => editLists(lists, {gratitude: {add: ['x']}})).toThrow('courtesy "gratitude" is not a list of words')
    expect(() => editLists(lists, {'chains.needsHead': {add: ['x']}})).toThrow('not a list of words')
  })
})

describe('the courtesy rules read the configured lists', () => {
  it('thanks the lists do not know count once added, in either language', () => {
    expect(courtesyRules(EN)).toEqual(['ask-without-thanks: Could you send me the pricing sheet by Friday?'])
    expect(courtesyRules(EN, {courtesy: {en: {'gratitude.strong': {add: ['much obliged']}}}})).toEqual([])
    expect(courtesyRules(FR)).toEqual(["ask-without-thanks: Pourriez-vous m'envoyer la grille tarifaire avant vendredi ?"])
    expect(courtesyRules(FR, {courtesy: {fr: {'gratitude.strong': {add: ['je vous en sais gré']}}}})).toEqual([])
  })

  it('an ask the lists do not know counts once added; a removed one no longer does', () => {
    const text = 'Hi Sam,\n\nWe spoke last week about the pricing. Awaiting your verdict on it.\n\nBest,\nAna'
    expect(courtesyRules(text)).not.toContain('ask-without-thanks: Awaiting your verdict on it.')
    const added = {courtesy: {en: {'asks.requests': {add: ['awaiting your verdict']}}}}
    expect(courtesyRules(text, added)).toEqual(['ask-without-thanks: Awaiting your verdict on it.'])
    const prompt = 'Hi Sam,\n\nHere is the case study you asked for. Let me know what you think.\n\nBest,\nAna'
    expect(courtesyRules(prompt)).toEqual(['missing-thanks: Let me know what you think.'])
    expect(courtesyRules(prompt, {courtesy: {en: {'asks.followUps': {remove: ['Let me know']}}}})).toEqual([])
    // A list edit applies to its language only: the French draft is read as before.
    expect(courtesyRules(FR, added)).toEqual(courtesyRules(FR))
  })

  it('each configuration has its own processor; the default one is unchanged afterwards', () => {
    const configured = {courtesy: {en: {'gratitude.strong': {add: ['much obliged']}}}}
    expect(courtesyRules(EN, configured)).toEqual([])
    expect(courtesyRules(EN)).toHaveLength(1)
    expect(courtesyRules(EN, configured)).toEqual([])
    expect(cacheStats().processors).toBeLessThanOrEqual(32)
  })

  it('through a config file: the CLI lints with the edited lists', async () => {
    const directory = tempFiles({'.cluelintrc.yaml': "courtesy:\n  en:\n    gratitude.strong: {add: ['much obliged']}\n", 'draft.txt': EN})
    const run = await runCli([join(directory, 'draft.txt'), '--format', 'json'], {cwd: directory})
    expect(run.stderr).toBe('')
    const report = JSON.parse(run.stdout)
    expect(report.drafts[0].findings.map((finding: {rule: string}) => finding.rule)).not.toContain('ask-without-thanks')
    const plain = tempFiles({'draft.txt': EN})
    const without = await runCli([join(plain, 'draft.txt'), '--format', 'json'], {cwd: plain})
    expect(JSON.parse(without.stdout).drafts[0].findings.map((finding: {rule: string}) => finding.rule)).toContain('ask-without-thanks')
  })
})
