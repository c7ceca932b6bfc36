// Fixes and suggestions: golden before → after per rule and language, fixes applied twice change
// nothing, and edits land on the file's own characters (Markdown, HTML, CSV rows).
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {lintDraft, lintText} from '../src/engine.js'
import {fixText} from '../src/fix.js'
import {draftsFromText, readDrafts} from '../src/readers/index.js'
import {applyFixes} from '../src/suggest.js'
import type {Lang} from '../src/types.js'

/** The text with the first suggestion (or the fix) of the first finding of `rule` applied. */
function applyFirst(text: string, lang: Lang, rule: string, which: 'fix' | 'suggestion'): string {
  const finding = lintText(text, {lang}).findings.find((item) => item.rule === rule && (which === 'fix' ? item.fix : item.suggestions.length > 0))
  expect(finding, `${rule} offers a ${which} on ${JSON.stringify(text)}`).toBeDefined()
  const fix = which === 'fix' ? finding!.fix! : finding!.suggestions[0].fix
  return applyFixes(text, [fix]).text
}

// [rule, lang, before, after]: the first suggestion of the rule's first finding.
const suggestions: Array<[string, Lang, string, string]> = [
  ['marketing-speak', 'en', 'The set-up is seamless for your team.', 'The set-up is simple for your team.'],
  ['marketing-speak', 'fr', 'Notre solution clé en main est prête.', "Notre prêt à l'emploi est prête."],
  ['marketing-speak', 'en', 'Seamless onboarding for your team.', 'Simple onboarding for your team.'],
  ['canned-personalization', 'en', 'Hi Sam,\n\nI hope this email finds you well.\nYour post on ramp time helped us.', 'Hi Sam,\n\nYour post on ramp time helped us.'],
  ['canned-personalization', 'en', 'Hi Sam,\n\nI hope this email finds you well. Your post on ramp time helped us.', 'Hi Sam,\n\nYour post on ramp time helped us.'],
  ['canned-personalization', 'fr', "Bonjour Marie,\n\nJ'espère que vous allez bien. Votre article m'a aidé.", "Bonjour Marie,\n\nVotre article m'a aidé."],
  ['canned-personalization', 'fr', "Bonjour Marie,\n\nJ'espère que vous allez bien, je reviens vers vous au sujet du devis.", 'Bonjour Marie,\n\nJe reviens vers vous au sujet du devis.'],
  ['ask-without-thanks', 'fr', 'Bonjour Marie,\n\nMerci de me rappeler.\n\nAlex', 'Bonjour Marie,\n\nPourriez-vous me rappeler ? Merci.\n\nAlex'],
  ['ask-without-thanks', 'fr', 'Bonjour Marie,\n\nMerci de partager ce post avec votre équipe\n\nAlex', 'Bonjour Marie,\n\nPourriez-vous partager ce post avec votre équipe ? Merci\n\nAlex'],
  ['missing-thanks', 'fr', 'Bonjour Marie,\n\nCi-joint le planning de formation. Merci de le valider avant jeudi.\n\nAlex', 'Bonjour Marie,\n\nCi-joint le planning de formation. Pourriez-vous le valider avant jeudi ? Merci.\n\nAlex'],
  ['flattery', 'en', 'What an incredible journey! Your amazing profile caught my eye.', 'What a journey! Your amazing profile caught my eye.'],
  ['flattery', 'en', "I'm a huge fan of your work. Your amazing profile caught my eye.", "I'm a huge fan of your work. Your profile caught my eye."],
  ['flattery', 'fr', 'Votre parcours impressionnant et votre incroyable expertise forcent le respect.', 'Votre parcours et votre incroyable expertise forcent le respect.'],
  ['flattery', 'fr', 'Votre incroyable expertise et votre parcours remarquable forcent le respect.', 'Votre expertise et votre parcours remarquable forcent le respect.'],
  ['self-centred-opening', 'fr', 'Bonjour Marie,\n\nMoi je pense que votre équipe grandit vite.', 'Bonjour Marie,\n\nJe pense que votre équipe grandit vite.'],
  ['self-centred-opening', 'en', 'Hi Sam,\n\nMe, I think your team is growing fast.', 'Hi Sam,\n\nI think your team is growing fast.']
]

// [lang, before, after]: every safe fix applied (typography).
const fixes: Array<[Lang, string, string]> = [
  ['fr', 'Merci pour votre retour!!!', 'Merci pour votre retour\u202f!'],
  ['fr', 'Êtes-vous disponible mardi? Voici le lien: le guide; la liste.', 'Êtes-vous disponible mardi\u202f? Voici le lien\u00a0: le guide\u202f; la liste.'],
  ['fr', 'Merci pour votre retour.  Je vous envoie le fichier.', 'Merci pour votre retour. Je vous envoie le fichier.'],
  ['fr', 'Vraiment?! Rendez-vous à 10:30, https://example.com/a?b=1 :-)', 'Vraiment\u202f?! Rendez-vous à 10:30, https://example.com/a?b=1 :-)'],
  ['fr', 'Re: votre message', 'Re: votre message'],
  ['en', 'Thanks for the intro, Sam!!! It helped.', 'Thanks for the intro, Sam! It helped.'],
  ['en', 'Are you free on Tuesday ? Really  ?', 'Are you free on Tuesday? Really?'],
  ['en', 'Thanks for your reply.  I will send it: see https://example.com/a?b=1 at 10:30 :)', 'Thanks for your reply. I will send it: see https://example.com/a?b=1 at 10:30 :)'],
  ['en', '  Indented  line\n  kept    ', '  Indented line\n  kept    ']
]

describe('suggestions: golden before → after', () => {
  for (const [rule, lang, before, after] of suggestions) {
    it(`${rule} (${lang}): ${JSON.stringify(before.slice(0, 60))}`, () => {
      expect(applyFirst(before, lang, rule, 'suggestion')).toBe(after)
    })
  }
  it('are in the JSON report shape: a description and a fix with a range into the file', () => {
    const text = 'Bonjour Marie,\n\nMerci de me rappeler.\n\nAlex'
    const finding = lintText(text, {lang: 'fr'}).findings.find((item) => item.rule === 'ask-without-thanks')!
    expect(finding.suggestions).toEqual([{desc: 'Ask with a question, then thank: “Pourriez-vous me rappeler ? Merci.”', messageId: 'askThenThank', fix: {range: [16, 37], text: 'Pourriez-vous me rappeler ? Merci.'}}])
    expect(text.slice(16, 37)).toBe('Merci de me rappeler.')
    expect(finding.fix).toBeUndefined() // a person decides: never applied by --fix
  })
  it('a stock line inside a sentence, and a compliment after a verb, get none', () => {
    const canned = lintText('Hi Sam,\n\nToday I hope this email finds you well and happy.', {lang: 'en'}).findings.filter((item) => item.rule === 'canned-personalization')
    for (const finding of canned) expect(finding.suggestions.filter((item) => item.desc.startsWith('Delete'))).toEqual([])
    const praise = lintText('Your profile is amazing and your journey is incredible.', {lang: 'en'}).findings.filter((item) => item.rule === 'flattery')
    expect(praise.length).toBeGreaterThan(0)
    for (const finding of praise) expect(finding.suggestions).toEqual([])
  })
})

describe('fixes: golden before → after', () => {
  for (const [lang, before, after] of fixes) {
    it(`${lang}: ${JSON.stringify(before)}`, () => {
      expect(fixText(before, 'draft.txt', {lang}).output).toBe(after)
      expect(fixText(after, 'draft.txt', {lang}).fixed).toBe(0)
    })
  }
  it('only typography findings carry a fix, at info severity', () => {
    const report = lintText('Bonjour Marie!!!  Merci de me rappeler?', {lang: 'fr'})
    const fixed = report.findings.filter((finding) => finding.fix)
    expect(fixed.map((finding) => finding.excerpt)).toEqual(['e!', '!!!', '  ', 'r?'])
    for (const finding of fixed) expect([finding.rule, finding.severity]).toEqual(['typography', 'info'])
  })
  it('Markdown: markup and code are not touched, prose is', () => {
    const source = '# Titre\n\nMerci  pour `code  x` et [le  lien](https://a.b/c?d=1) votre aide!\n'
    const [draft] = draftsFromText(source, 'a.md')
    const report = lintDraft(draft, {lang: 'fr'})
    for (const finding of report.findings.filter((item) => item.fix)) {
      const [start, end] = finding.fix!.range
      expect(source.slice(start, end)).toMatch(/^[ !]*$/)
    }
    expect(fixText(source, 'a.md', {lang: 'fr'}).output).toBe('# Titre\n\nMerci pour `code  x` et [le lien](https://a.b/c?d=1) votre aide\u202f!\n')
  })
  it('HTML: a fix is placed on the file only where the text is the same characters', () => {
    const source = '<p>Merci pour votre retour&nbsp;!!! Et&nbsp;&nbsp;merci  encore!!!</p>'
    const [draft] = draftsFromText(source, 'a.html')
    const report = lintDraft(draft, {lang: 'fr'})
    for (const finding of report.findings.filter((item) => item.fix)) {
      const [start, end] = finding.fix!.range
      expect(source.slice(start, end)).toMatch(/^(?:!+| +)?$/)
    }
  })
  it('a CSV row: ranges point into the file', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'cluelint-fix-'))
    const file = join(directory, 'campaign.csv')
    const source = 'first_name,body\nSam,"Thanks for the intro!!! It helped."\nAnn,"Are you free ""Tuesday"" ?"\n'
    writeFileSync(file, source)
    const ranges: string[] = []
    for (const draft of await readDrafts(file)) {
      for (const finding of lintDraft(draft, {lang: 'en'}).findings) if (finding.fix) ranges.push(source.slice(...finding.fix.range))
    }
    expect(ranges).toEqual(['!!!', ' '])
  })
})

describe('fixes applied twice change nothing the second time', () => {
  const pieces = ['Merci', 'thanks', 'mardi', '10:30', 'https://a.b/c?d=1', ' ', '  ', '\n', '!', '!!!', '?', '?!', ':', ';', ' ?', ' !', '»', '«', ')', ':)', '\u202f', '\u00a0', ',', '.']
  const draft = fc.array(fc.constantFrom(...pieces), {maxLength: 40}).map((parts) => parts.join(''))
  for (const lang of ['en', 'fr'] as Lang[]) {
    it(`random drafts (${lang})`, () => {
      fc.assert(
        fc.property(draft, (text) => {
          const once = fixText(text, 'draft.txt', {lang}).output
          expect(fixText(once, 'draft.txt', {lang}).output).toBe(once)
        }),
        {numRuns: 300, seed: lang === 'en' ? 1 : 2}
      )
    })
  }
  it('every fixture draft', () => {
    const root = join(import.meta.dirname, '..', 'fixtures')
    let drafts = 0
    for (const lang of ['en', 'fr']) {
      for (const kind of ['bad', 'good']) {
        for (const name of readdirSync(join(root, lang, kind)).filter((file) => /\.(txt|md)$/.test(file))) {
          const text = readFileSync(join(root, lang, kind, name), 'utf8')
          const once = fixText(text, name)
          drafts++
          // Nothing fixed: the first pass already found nothing to fix.
          if (once.fixed > 0) expect(fixText(once.output, name).fixed, name).toBe(0)
        }
      }
    }
    expect(drafts).toBeGreaterThan(200)
  }, 120_000)
})
