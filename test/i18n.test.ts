// Messages in the user's language: every message in both locales, the locale chosen by flag >
// config > environment > English, the draft's language independent of it.
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {lintText} from '../src/engine.js'
import {coreMessages, decimal, formatMessage, localeFromEnv, localeFromTag, LOCALES, placeholders, resolveLocale, type Messages} from '../src/i18n.js'
import {join} from 'node:path'
import {runCli, tempFiles} from './helpers.js'

const maps: Array<[string, Messages]> = [...rules.map((rule): [string, Messages] => [rule.id, rule.messages]), ['engine (src/messages.json)', coreMessages]]

describe('every message exists in every locale, with the same placeholders', () => {
  for (const [name, messages] of maps) {
    it(name, () => {
      const ids = Object.keys(messages.en).sort()
      expect(ids.length).toBeGreaterThan(0)
      for (const locale of LOCALES) {
        expect(Object.keys(messages[locale]).sort(), `${name}: ids in ${locale}`).toEqual(ids)
        for (const id of ids) expect(placeholders(messages[locale][id]), `${name}: ${locale} ${id}`).toEqual(placeholders(messages.en[id]))
      }
    })
  }
})

describe('French messages are French, with French typography', () => {
  for (const [name, messages] of maps) {
    it(name, () => {
      for (const [id, text] of Object.entries(messages.fr)) {
        // Written for a French reader, not copied from the English.
        expect(text, `${name}: fr ${id}`).not.toBe(messages.en[id])
        // A no-break space before : ; ! ? and inside « », never a plain one (outside `code`).
        const prose = text.replace(/`[^`]*`/g, '')
        expect(prose, `${name}: fr ${id}`).not.toMatch(/ [:;!?»]|« /)
      }
    })
  }
})

describe('formatMessage', () => {
  const messages: Messages = {
    en: {hello: 'Hello {{name}}, {{rate}} per 100 {{tail}}', tail: '({{n}} left)'},
    fr: {hello: 'Bonjour {{name}}, {{rate}} pour 100 {{tail}}', tail: '(il en reste {{n}})'}
  }
  it('fills placeholders in the locale: decimals, nested messages', () => {
    const data = {name: 'Ana', rate: decimal(2.54, 1), tail: {messageId: 'tail', data: {n: 3}}}
    expect(formatMessage(messages, 'en', 'hello', data)).toBe('Hello Ana, 2.5 per 100 (3 left)')
    expect(formatMessage(messages, 'fr', 'hello', data)).toBe('Bonjour Ana, 2,5 pour 100 (il en reste 3)')
  })
  it('never reads a value as a template (a draft may hold {{first_name}})', () => {
    expect(formatMessage(messages, 'en', 'tail', {n: '{{n}}'})).toBe('({{n}} left)')
  })
  it('finds the engine’s own messages, and fails loudly on an unknown id', () => {
    expect(formatMessage(messages, 'fr', 'dropWord', {word: 'incroyable'})).toBe('Retirer «\u00a0incroyable\u00a0»')
    expect(() => formatMessage(messages, 'en', 'nope')).toThrow(/no message "nope"/)
  })
})

describe('choosing the locale', () => {
  it('reads LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeFromEnv({LANG: 'fr_FR.UTF-8'})).toBe('fr')
    expect(localeFromEnv({LC_MESSAGES: 'en_GB.UTF-8', LANG: 'fr_FR.UTF-8'})).toBe('en')
    expect(localeFromEnv({LC_ALL: 'fr_CA', LC_MESSAGES: 'en_US', LANG: 'en_US'})).toBe('fr')
    expect(localeFromEnv({LC_ALL: '', LANG: 'fr_BE@euro'})).toBe('fr')
    expect(localeFromEnv({LANG: 'C.UTF-8'})).toBeUndefined()
    expect(localeFromEnv({LANG: 'de_DE.UTF-8'})).toBeUndefined()
    expect(localeFromEnv({})).toBeUndefined()
    expect(localeFromTag('fr-CA')).toBe('fr')
    expect(localeFromTag('pt-BR')).toBeUndefined()
  })
  it('flag > config > environment > English', () => {
    const env = {LANG: 'fr_FR.UTF-8'}
    expect(resolveLocale({flag: 'en', config: 'fr', env})).toBe('en')
    expect(resolveLocale({config: 'en', env})).toBe('en')
    expect(resolveLocale({env})).toBe('fr')
    expect(resolveLocale({env: {LANG: 'C'}})).toBe('en')
    expect(resolveLocale({})).toBe('en')
  })
  it('the library speaks English unless told, and the draft language does not change it', () => {
    const draft = "Moi je pense que l'empathie et l'humain sont notre ADN. L'empathie avant tout."
    const en = lintText(draft)
    const fr = lintText(draft, {locale: 'fr'})
    expect(en.lang).toBe('fr')
    expect(fr.lang).toBe('fr')
    expect(en.findings.map((finding) => [finding.rule, finding.messageId, finding.offset])).toEqual(fr.findings.map((finding) => [finding.rule, finding.messageId, finding.offset]))
    const opening = (report: typeof en) => report.findings.find((finding) => finding.rule === 'self-centred-opening')!.message
    expect(opening(en)).toMatch(/^The draft opens on you \(`Moi je`\)/)
    expect(opening(fr)).toMatch(/^Le message commence par vous \(`Moi je`\)\u00a0:/)
  })
})

describe('the command line', () => {
  const english = 'Hi Sam, our best-in-class platform will drive engagement. Can you call me tomorrow?'
  const french = 'Bonjour Marie, notre solution clé en main va booster votre ROI. Merci de me rappeler.'
  const jargon = async (args: string[], input: string, env: Record<string, string> = {}) => {
    const run = await runCli(['--format', 'json', ...args, '-'], {input, env})
    const draft = JSON.parse(run.stdout).drafts[0]
    return {lang: draft.lang as string, finding: draft.findings.find((finding: {rule: string}) => finding.rule === 'marketing-speak')}
  }

  it('--locale fr on an English draft: French messages, English draft', async () => {
    const {lang, finding} = await jargon(['--locale', 'fr'], english)
    expect(lang).toBe('en')
    expect(finding.messageId).toBe('jargonExample')
    expect(finding.message).toBe('`best-in-class` est du jargon commercial\u00a0: dites-le simplement, par exemple «\u00a0better at <one thing> than <the alternative>\u00a0»')
  })

  it('LANG=fr_FR but --locale en on a French draft: English messages, French draft', async () => {
    const {lang, finding} = await jargon(['--locale', 'en'], french, {LANG: 'fr_FR.UTF-8'})
    expect(lang).toBe('fr')
    expect(finding.message).toBe('`solution clé en main` is sales jargon: say it plainly, e.g. “prêt à l\'emploi”')
  })

  it('the environment, then the config, then the flag', async () => {
    expect((await jargon([], english, {LANG: 'fr_FR.UTF-8'})).finding.message).toMatch(/jargon commercial/)
    expect((await jargon([], english, {LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8'})).finding.message).toMatch(/sales jargon/)
    const folder = tempFiles({'.cluelintrc.json': JSON.stringify({locale: 'fr'}), 'draft.txt': english})
    const inFolder = async (args: string[], env: Record<string, string>) => {
      const run = await runCli(['--format', 'json', ...args, join(folder, 'draft.txt')], {cwd: folder, env})
      return JSON.parse(run.stdout).drafts[0].findings.find((finding: {rule: string}) => finding.rule === 'marketing-speak').message as string
    }
    expect(await inFolder([], {LANG: 'en_US.UTF-8'})).toMatch(/jargon commercial/)
    expect(await inFolder(['--locale', 'en'], {LANG: 'fr_FR.UTF-8'})).toMatch(/sales jargon/)
  })

  it('refuses a locale it does not speak, and a config locale it does not know', async () => {
    const flag = await runCli(['--locale', 'de', '-'], {input: english})
    expect(flag.code).toBe(2)
    expect(flag.stderr).toMatch(/--locale/)
    const folder = tempFiles({'.cluelintrc.json': JSON.stringify({locale: 'de'}), 'draft.txt': english})
    const config = await runCli([join(folder, 'draft.txt')], {cwd: folder})
    expect(config.code).toBe(2)
    expect(config.stderr).toMatch(/\.cluelintrc\.json: locale/)
  })

  it('suggestions are in the locale too', async () => {
    const run = await runCli(['--format', 'json', '--locale', 'fr', '-'], {input: english})
    const finding = JSON.parse(run.stdout).drafts[0].findings.find((item: {rule: string}) => item.rule === 'marketing-speak')
    expect(finding.suggestions.map((suggestion: {messageId: string}) => suggestion.messageId)).toEqual(['replaceFill'])
    expect(finding.suggestions[0].desc).toBe('Remplacer par «\u00a0better at <one thing> than <the alternative>\u00a0», puis compléter les <…>')
  })
})
