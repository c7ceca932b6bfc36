// A hard-wrapped draft (every .eml body, most pasted mail) reads the same as the unwrapped one:
// same findings (positions aside) and the same score, for every fixture wrapped at 60 and 72 columns.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lintText} from '../src/engine.js'
import type {DraftReport, Lang} from '../src/types.js'

/** Greedy hard wrap, as a mail client does it: lines longer than `width` are cut at the last space that fits. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length <= width) return line
      const lines: string[] = []
      let current = ''
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          lines.push(current)
          current = word
        } else {
          current = current ? current + ' ' + word : word
        }
      }
      if (current) lines.push(current)
      return lines.join('\n')
    })
    .join('\n')
}

/** What a report says, positions aside: each finding's rule, severity and words (white space folded). */
function gist(report: DraftReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.severity} ${finding.excerpt.replace(/\s+/g, ' ')}`).sort()
}

const root = join(import.meta.dirname, '..', 'fixtures')
// Merge fields in brackets are cut by a wrap too; fields spanning lines are another matter (see fields.ts).
const BRACKETED = /[[{<%*]/

describe('hard-wrapped drafts', () => {
  it('wraps like a mail client', () => {
    expect(hardWrap('one two three four', 9)).toBe('one two\nthree\nfour')
  })
  for (const lang of ['en', 'fr'] as Lang[]) {
    for (const kind of ['bad', 'good']) {
      const directory = join(root, lang, kind)
      if (!existsSync(directory)) continue
      for (const name of readdirSync(directory).filter((file) => file.endsWith('.txt')).sort()) {
        const text = readFileSync(join(directory, name), 'utf8')
        if (BRACKETED.test(text) || text.split('\n').every((line) => line.length <= 60)) continue
        it(`${lang}/${kind}/${name}: same findings and score at 60 and 72 columns`, () => {
          const sidecar = JSON.parse(readFileSync(join(directory, name.replace(/\.txt$/, '.json')), 'utf8')) as {channel?: 'email'}
          const options = {lang, meta: {channel: sidecar.channel}}
          const plain = lintText(text, options)
          for (const width of [60, 72]) {
            const wrapped = lintText(hardWrap(text, width), options)
            expect(gist(wrapped), `wrapped at ${width}`).toEqual(gist(plain))
            expect(wrapped.score, `wrapped at ${width}`).toBe(plain.score)
          }
          // Three lints of a long draft: allow for a loaded machine (no timing is asserted).
        }, 60_000)
      }
    }
  }
})
