// Word and phrase lists are data: check them like code (no duplicates, no blanks).
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {foldWord, phraseWords} from '../../src/text/normalize.js'

const root = join(import.meta.dirname, '..', '..', 'rules')

function jsonFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name)
    if (statSync(path).isDirectory()) return jsonFiles(path)
    // examples.json holds drafts (their lines), not word lists: test/rules/examples.test.ts runs it.
    return name.endsWith('.json') && name !== 'examples.json' ? [path] : []
  })
}

/** Every array of strings anywhere in the document, with its path. */
function stringArrays(value: unknown, path: string, out: Array<[string, string[]]> = []) {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => typeof item === 'string')) out.push([path, value as string[]])
    else value.forEach((item, index) => stringArrays(item, `${path}[${index}]`, out))
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) stringArrays(item, `${path}.${key}`, out)
  }
  return out
}

describe('rule data', () => {
  const files = jsonFiles(root)
  it('exists', () => expect(files.length).toBeGreaterThan(0))
  for (const file of files) {
    it(`${file.slice(root.length + 1)} is valid, with no duplicate or blank entry`, () => {
      const data = JSON.parse(readFileSync(file, 'utf8'))
      for (const [path, list] of stringArrays(data, '$')) {
        const seen = new Map<string, string>()
        for (const entry of list) {
          expect(entry.trim(), `${path}: blank entry`).not.toBe('')
          const key = foldWord(entry.trim())
          expect(seen.has(key), `${path}: '${entry}' duplicates '${seen.get(key)}'`).toBe(false)
          seen.set(key, entry)
        }
      }
    })
  }
})

/**
 * In a phrase pattern, `|` joins the alternatives of one word: "i am|i'm the" reads "i (am|i'm) the",
 * which never matches "I'm the", and "je suis|nous sommes à" reads "je (suis|nous) sommes à". Three
 * signs of that mistake: an alternative that is a contraction of the word before it, a subject
 * pronoun among the alternatives right after a subject ("vous avez|tu as"), and alternatives of
 * different widths once elisions are split ("m'aviez|nous": two words against
 * one; src/text/phrases.ts takes only equal widths). Write two patterns instead. Checked in the
 * rules' and the packs' data, each file read in its language.
 */
describe('phrase patterns', () => {
  const packs = join(import.meta.dirname, '..', '..', 'langs')
  const files = [...jsonFiles(root), ...jsonFiles(packs)]
  const languageOf = (file: string) => /[\\/]langs[\\/](\w+)[\\/]/.exec(file)?.[1] ?? /[\\/](\w+)\.json$/.exec(file)?.[1] ?? ''
  const SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they', 'je', 'tu', 'il', 'elle', 'ils', 'elles', 'on', 'nous'])
  const OBJECTS = new Set(['me', "m'", 'te', "t'", 'lui', 'leur', 'se', "s'"])
  const mistakes = (pattern: string, lang: string): string[] => {
    const words = pattern.trim().split(/\s+/)
    const found: string[] = []
    for (let at = 0; at < words.length; at++) {
      const alternatives = words[at].replace(/\?$/, '').split('|')
      if (alternatives.length < 2) continue
      const widths = new Set(alternatives.map((alternative) => phraseWords(alternative.replace(/^=/, ''), lang).length))
      if (widths.size > 1) found.push(`"${words[at]}" (alternatives of different widths)`)
      if (at === 0) continue
      // "vous avez|tu as", "je suis|nous sommes": a subject pronoun among the alternatives after one.
      const before = words[at - 1].split('|')
      // ("vous m'|nous aviez": objects, "nous" among them, are alternatives of one word.)
      const objects = alternatives.some((word) => OBJECTS.has(word) || /^[mts]['’]/.test(word))
      if (!objects && !words[at - 1].endsWith('?') && before.some((word) => SUBJECTS.has(word) || word === 'you' || word === 'vous') && alternatives.some((word) => SUBJECTS.has(word))) {
        found.push(`"${words[at - 1]} ${words[at]}" (a subject among the alternatives after a subject)`)
      }
      for (const word of before) {
        for (const alternative of alternatives) if (/['’]/.test(alternative) && foldWord(alternative).startsWith(foldWord(word) + "'")) found.push(`"${word} ${words[at]}"`)
      }
    }
    return found
  }

  it('finds the mistakes it looks for', () => {
    expect(mistakes("i am|i'm the|a|an", 'en')).toEqual([`"i am|i'm"`])
    expect(mistakes("que vous m'aviez|nous aviez demandé", 'fr')).toEqual([`"m'aviez|nous" (alternatives of different widths)`])
    expect(mistakes("que vous m'|nous aviez demandé", 'fr')).toEqual([])
    expect(mistakes("i? was|am|i'm? impressed", 'en')).toEqual([])
    expect(mistakes('vous avez|tu as un don', 'fr')).toEqual([`"vous avez|tu" (a subject among the alternatives after a subject)`])
    expect(mistakes('je vous|te remercie', 'fr')).toEqual([])
    expect(mistakes('i|we hope you are well', 'en')).toEqual([])
  })

  for (const file of files) {
    const lang = languageOf(file)
    if (lang !== 'en' && lang !== 'fr') continue
    it(`${file.slice(join(root, '..').length + 1)}: every alternative is one word of the pattern`, () => {
      const data = JSON.parse(readFileSync(file, 'utf8'))
      const found = stringArrays(data, '$').flatMap(([path, list]) => list.flatMap((entry) => mistakes(entry, lang).map((mistake) => `${path}: '${entry}': ${mistake}`)))
      expect(found).toEqual([])
    })
  }
})
