/**
 * Every regular expression the rules use runs in time linear in the length
 * of its input, on pathological inputs too: long runs of the characters the
 * pattern repeats. Counted in steps of a backtracking matcher (regex-work.ts),
 * never timed.
 *
 * The expressions are not listed by hand: they are collected while linting
 * (every `exec` seen from cluelint's own code: rules/, src/), so a rule added
 * tomorrow is checked too. Regular expressions of dependencies that rules call
 * (syllable, pluralize, compromise) are checked for something else: that a
 * rule never hands them unbounded input.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join, sep} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine.js'
import {rules} from '../../rules/index.js'
import {pathologicalInputs, TooMuchWork, work} from './regex-work.js'

const root = join(import.meta.dirname, '..', '..')
const ours = [join(root, 'src') + sep, join(root, 'rules') + sep]
const fromRules = [join(root, 'rules') + sep, join(root, 'src', 'text') + sep]

interface Seen {
  regex: RegExp
  /** Where it was first run: file:line of cluelint's code. */
  where: string
  /** Longest input a dependency's expression got, for dependencies called from rules. */
  longest: number
  dependency?: string
}

const seen = new Map<string, Seen>()
/** Per RegExp object: its entry, or undefined when it is not one to check (parse-latin runs some for every character). */
const byObject = new WeakMap<RegExp, Seen | undefined>()
const exec = RegExp.prototype.exec
let busy = false

function frames(): string[] {
  return (new Error().stack ?? '').split('\n').slice(3)
}

beforeAll(() => {
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (!busy) {
      busy = true
      try {
        let entry = byObject.get(this)
        const key = entry === undefined && !byObject.has(this) ? `/${this.source}/${this.flags}` : undefined
        if (key !== undefined) entry = seen.get(key)
        if (key !== undefined && !entry) {
          const stack = frames()
          const inner = stack.find((line) => !/node:internal|\(native\)|<anonymous>/.test(line)) ?? ''
          const own = stack.find((line) => ours.some((path) => line.includes(path)))
          const dependency = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(inner)?.[1]
          const viaRule = stack.some((line) => fromRules.some((path) => line.includes(path)))
          if (own && (!dependency || viaRule)) {
            entry = {regex: new RegExp(this.source, this.flags), where: own.trim().replace(/^at /, '').replace(root + sep, ''), longest: 0, dependency}
            seen.set(key, entry)
          }
        }
        if (key !== undefined) byObject.set(this, entry)
        if (entry?.dependency) entry.longest = Math.max(entry.longest, String(input).length)
      } finally {
        busy = false
      }
    }
    return exec.call(this, input)
  }
  // Lint what makes every rule and every path of the analysis run: examples, fixtures, hostile text.
  for (const rule of rules) {
    for (const lang of rule.languages) for (const text of [...rule.examples[lang].bad, ...rule.examples[lang].good]) lintText(text, {lang})
  }
  const fixtures = join(root, 'fixtures')
  for (const lang of ['en', 'fr'] as const) {
    for (const kind of ['good', 'bad']) {
      const directory = join(fixtures, lang, kind)
      for (const file of readdirSync(directory).filter((name) => name.endsWith('.txt'))) lintText(readFileSync(join(directory, file), 'utf8'), {lang})
    }
  }
  for (const lang of ['en', 'fr'] as const) {
    for (const text of HOSTILE) lintText(text, {lang, meta: {readerName: 'Ana....', company: 'Acme....'}})
  }
  // Collected: the measuring below runs regular expressions of its own.
  RegExp.prototype.exec = exec
}, 120_000)

afterAll(() => {
  RegExp.prototype.exec = exec
})

/** Long runs of everything the rules' patterns repeat, in drafts. */
const HOSTILE = [
  'Hi Ana,\n\n' + 'a'.repeat(5000) + ' thanks.',
  'Hi Ana,\n\n' + 'Zz'.repeat(3000) + '\n\nBest,\nSam',
  '.'.repeat(5000) + '\n' + '!'.repeat(3000) + ' ' + '?'.repeat(2000),
  'Merci de me rappeler' + ' .'.repeat(3000),
  'Hi ' + '{{'.repeat(2000) + ' ' + '[['.repeat(2000) + ' ' + '%'.repeat(2000) + ' ' + '<'.repeat(2000),
  'Hello\n' + '\n \n'.repeat(2000) + 'x',
  'http://' + 'a'.repeat(4000) + ' ' + 'x@'.repeat(2000) + ' www.' + '.'.repeat(2000),
  'Bonjour Ana,\n' + "l'".repeat(2000) + ' ' + 'É'.repeat(2000),
  'Thanks Ana, Ana, Ana. ' + 'Ana '.repeat(1000) + 'P.S. ' + 'Inc. '.repeat(500)
]

describe('regular expressions of the rules', () => {
  it('were collected from cluelint’s own code', () => {
    const own = [...seen.values()].filter((entry) => !entry.dependency)
    expect(own.length).toBeGreaterThan(20)
    expect(own.some((entry) => /\brules\//.test(entry.where))).toBe(true)
  })

  it('run in time linear in the input, on long runs of what they repeat', () => {
    const superlinear: string[] = []
    for (const [key, entry] of seen) {
      if (entry.dependency) continue
      for (const family of pathologicalInputs(entry.regex)) {
        // Work at n and 2n characters: linear doubles (bounded quantifiers such as {1,190} add a constant).
        let ratio: number
        let small = 0
        let large = 0
        try {
          ;[small, large] = measure(entry.regex, family.make, 1000)
        } catch (error) {
          if (!(error instanceof RangeError)) throw error
          ;[small, large] = measure(entry.regex, family.make, 300) // deeply nested groups: smaller inputs
        }
        ratio = large / Math.max(1, small)
        if (ratio > 2.5) superlinear.push(`${key} (${entry.where}): input ${family.label}, work x${ratio.toFixed(1)} for 2x the input`)
      }
    }
    expect(superlinear).toEqual([])
  }, 120_000)

  it('of dependencies, get bounded input from the rules', () => {
    const unbounded = [...seen.entries()]
      .filter(([, entry]) => entry.dependency && entry.longest > 500)
      .map(([key, entry]) => `${key} of ${entry.dependency} (from ${entry.where}) got ${entry.longest} characters`)
    expect(unbounded).toEqual([])
  })
})

function measure(regex: RegExp, make: (n: number) => string, n: number): [number, number] {
  const small = work(regex, make(n), 20_000_000)
  let large: number
  try {
    large = work(regex, make(2 * n), 20_000_000)
  } catch (error) {
    if (error instanceof TooMuchWork) return [small, Infinity]
    throw error
  }
  return [small, large]
}
