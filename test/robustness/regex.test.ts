/**
 * Regular expressions run in time linear in their input. The patterns written
 * in the code are checked by `npm run lint` (eslint-plugin-regexp's
 * no-super-linear-backtracking and no-super-linear-move, reporting potential
 * cases too, over src/, rules/ and langs/). This test checks with the same two
 * rules what the linter cannot see: patterns that come from data files (a
 * rule's `regex` entries) and patterns built in code from word lists, with the
 * word lists cluelint ships. syllable, whose own patterns are not linear,
 * must get bounded input from the readability rule.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {Linter} from 'eslint'
import regexp from 'eslint-plugin-regexp'
import {describe, expect, it, vi} from 'vitest'
import {lintText} from '../../src/engine.js'
import {languages, packFor} from '../../src/lang/packs.js'
import {connectorPattern} from '../../src/suggest.js'
import {bookingPatterns} from '../../src/text/courtesy.js'
import {elisionPattern} from '../../src/text/normalize.js'

const seenLengths = vi.hoisted(() => ({syllable: 0}))

vi.mock('syllable', async (importOriginal) => {
  const original = await importOriginal<typeof import('syllable')>()
  return {
    ...original,
    syllable: (value: string) => {
      seenLengths.syllable = Math.max(seenLengths.syllable, value.length)
      return original.syllable(value)
    }
  }
})

const root = join(import.meta.dirname, '..', '..')
const linter = new Linter({configType: 'flat'})
const config = [
  {
    plugins: {regexp},
    rules: {
      'regexp/no-super-linear-backtracking': ['error', {report: 'potential'}],
      'regexp/no-super-linear-move': ['error', {report: 'potential', ignoreSticky: false, ignorePartial: false}]
    }
  }
] as Linter.Config[]

/** What eslint-plugin-regexp says about a pattern used to search a text. */
function problems(regex: RegExp): string[] {
  const code = `const input = String(process.argv[2]); new RegExp(${JSON.stringify(regex.source)}, ${JSON.stringify(regex.flags)}).exec(input)`
  return linter.verify(code, config).map((message) => `/${regex.source}/${regex.flags}: ${message.message}`)
}

/** Every string under a `regex` key of the JSON files of rules/ and langs/. */
function dataPatterns(): Array<{file: string; source: string}> {
  const found: Array<{file: string; source: string}> = []
  const walk = (value: unknown, file: string) => {
    if (Array.isArray(value)) for (const item of value) walk(item, file)
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'regex' && typeof item === 'string') found.push({file, source: item})
        else walk(item, file)
      }
    }
  }
  for (const top of ['rules', 'langs']) {
    for (const folder of readdirSync(join(root, top))) {
      const directory = join(root, top, folder)
      if (!statSync(directory).isDirectory()) continue
      for (const name of readdirSync(directory).filter((file) => file.endsWith('.json'))) {
        walk(JSON.parse(readFileSync(join(directory, name), 'utf8')), `${top}/${folder}/${name}`)
      }
    }
  }
  return found
}

describe('regular expressions the linter cannot see', () => {
  it('the check itself reports patterns that backtrack or move superlinearly, and passes linear ones', () => {
    // eslint-disable-next-line regexp/no-super-linear-backtracking, regexp/no-trivially-nested-quantifier -- a bad pattern on purpose
    expect(problems(/^(?:a+)+$/)).toHaveLength(1)
    expect(problems(/\s+$/)).toHaveLength(1)
    expect(problems(/\{\{[^{}\n]{1,80}\}\}/gu)).toEqual([])
  })

  it('patterns of the rules’ data files', () => {
    const patterns = dataPatterns()
    expect(patterns.length).toBeGreaterThan(5) // unfilled-merge-field's syntaxes at least
    expect(patterns.flatMap(({file, source}) => problems(new RegExp(source, 'gu')).map((problem) => `${file}: ${problem}`))).toEqual([])
  })

  it('patterns built from the languages’ word lists (booking hosts, elisions, connectors)', () => {
    const built: RegExp[] = []
    for (const lang of languages()) {
      const pack = packFor(lang)
      const hosts = (JSON.parse(readFileSync(join(root, 'langs', lang, 'courtesy.json'), 'utf8')) as {bookingHosts: string[]}).bookingHosts
      if (hosts.length > 0) built.push(...Object.values(bookingPatterns(hosts)))
      if (pack.elisions && pack.elisions.length > 0) built.push(elisionPattern(pack.elisions))
    }
    const suggestions = JSON.parse(readFileSync(join(root, 'rules', 'canned-personalization', 'suggestions.json'), 'utf8')) as Record<string, {connectors: string[]}>
    for (const {connectors} of Object.values(suggestions)) built.push(connectorPattern(connectors))
    expect(built.length).toBeGreaterThanOrEqual(5)
    expect(built.flatMap(problems)).toEqual([])
  })
})

/** Long runs of what patterns repeat, in drafts. */
const HOSTILE = [
  'Hi Ana,\n\n' + 'We help growing companies organise their recruitment with thoughtful interviews. '.repeat(30) + 'Thanks, Sam',
  'Hi Ana,\n\n' + 'a'.repeat(5000) + ' thanks.',
  'Hi Ana,\n\n' + 'Zz'.repeat(3000) + '\n\nBest,\nSam',
  'Hi Ana,\n\n' + 'Supercalifragilistic'.repeat(200) + ' is what we do.',
  '.'.repeat(5000) + '\n' + '!'.repeat(3000) + ' ' + '?'.repeat(2000),
  'Bonjour Ana,\n' + "l'".repeat(2000) + ' ' + 'É'.repeat(2000)
]

describe('dependencies with patterns of their own', () => {
  it('syllable gets bounded input from the rules', () => {
    for (const lang of ['en', 'fr'] as const) for (const text of HOSTILE) lintText(text, {lang})
    expect(seenLengths.syllable).toBeGreaterThan(0)
    expect(seenLengths.syllable).toBeLessThanOrEqual(500)
  }, 60_000)
})
