import type {Lang} from '../types.js'
import type {Analysis} from './analysis.js'
import {inflect} from './inflect.js'
import {foldWord, phraseWords} from './normalize.js'

/**
 * Tolerant phrase matching over a draft's words, driven by data.
 *
 * Pattern syntax, one pattern a string:
 *   `came|stumbled`  alternatives       `just?`  optional word
 *   `*`              any one word       `=us`    exact (no inflection)
 * Words longer than three letters also match their inflected forms
 * (`src/text/data/inflection.json`), case and diacritics are ignored,
 * punctuation between words is skipped ("Moi, je" matches `moi je`), and
 * so are filler words given to the matcher ("I just came across").
 * A match never crosses a sentence boundary.
 */
export interface Match<T> {
  entry: T
  /** Indices into `analysis.tokens` of the first and last matched words. */
  first: number
  last: number
  start: number
  end: number
}

interface Step {
  forms: Set<string> | undefined // undefined: any word
  optional: boolean
}

interface Compiled<T> {
  entry: T
  steps: Step[]
}

export interface PhraseMatcher<T> {
  find(analysis: Analysis, from?: number, to?: number): Array<Match<T>>
  readonly size: number
}

export function compilePhrases<T>(
  entries: readonly T[],
  lang: Lang,
  pattern: (entry: T) => string | string[] = (entry) => entry as unknown as string,
  fillers: readonly string[] = []
): PhraseMatcher<T> {
  const compiled: Array<Compiled<T>> = []
  for (const entry of entries) {
    const patterns = pattern(entry)
    for (const source of Array.isArray(patterns) ? patterns : [patterns]) {
      compiled.push({entry, steps: compileSteps(source, lang)})
    }
  }
  // Index by the folded forms a pattern's first required word can take.
  const byFirst = new Map<string, Array<Compiled<T>>>()
  const anyFirst: Array<Compiled<T>> = []
  for (const item of compiled) {
    const head = item.steps[0]
    if (!head || head.optional || !head.forms) {
      anyFirst.push(item)
      continue
    }
    for (const form of head.forms) {
      let list = byFirst.get(form)
      if (!list) byFirst.set(form, (list = []))
      list.push(item)
    }
  }
  const filler = new Set(fillers.map((word) => foldWord(word)))

  return {
    size: compiled.length,
    find(analysis, from = 0, to = analysis.sentences.length) {
      const matches: Array<Match<T>> = []
      const {tokens} = analysis
      for (let s = from; s < to && s < analysis.sentences.length; s++) {
        const words = analysis.sentences[s].words
        const folds = words.map((index) => tokens[index].fold)
        let i = 0
        while (i < words.length) {
          const candidates = byFirst.get(folds[i])
          let best: {item: Compiled<T>; end: number} | undefined
          for (const list of [candidates, anyFirst]) {
            if (!list) continue
            for (const item of list) {
              const end = matchSteps(item.steps, 0, folds, i, filler)
              if (end > i && (!best || end > best.end)) best = {item, end}
            }
          }
          if (best) {
            const first = words[i]
            const last = words[best.end - 1]
            matches.push({entry: best.item.entry, first, last, start: tokens[first].start, end: tokens[last].end})
            i = best.end
          } else {
            i += 1
          }
        }
      }
      return matches
    }
  }
}

function compileSteps(source: string, lang: Lang): Step[] {
  return source
    .trim()
    .split(/\s+/)
    .flatMap((raw): Step[] => {
      const optional = raw.endsWith('?') && raw.length > 1
      const body = optional ? raw.slice(0, -1) : raw
      if (body === '*') return [{forms: undefined, optional}]
      // An elided alternative ("j'ai|je") can span two parser words: expand per alternative.
      const alternatives = body.split('|').map((alt) => (alt.startsWith('=') ? ['=' + phraseWords(alt.slice(1), lang).join(' ')] : phraseWords(alt, lang)))
      const width = Math.max(...alternatives.map((alt) => alt.length))
      if (width === 1) {
        return [{forms: formsOf(alternatives.map((alt) => alt[0]), lang), optional}]
      }
      // "j'ai" → two steps; only allowed when every alternative has the same width.
      return alternatives[0].map((_, position) => ({
        forms: formsOf(alternatives.map((alt) => alt[position] ?? alt[alt.length - 1]), lang),
        optional
      }))
    })
}

function formsOf(words: string[], lang: Lang): Set<string> {
  const forms = new Set<string>()
  for (const word of words) {
    if (word.startsWith('=') || foldWord(word).length <= 3) forms.add(foldWord(word.replace(/^=/, '')))
    else for (const form of inflect(word, lang)) forms.add(form)
  }
  return forms
}

/** Returns the index one past the last matched word, or -1. Patterns are short: plain recursion is fine. */
function matchSteps(steps: Step[], step: number, folds: string[], at: number, filler: Set<string>): number {
  if (step === steps.length) return at
  const current = steps[step]
  let position = at
  // Filler words may sit between two words of a pattern, not before its first.
  while (step > 0 && position < folds.length && filler.has(folds[position]) && !(current.forms?.has(folds[position]))) position++
  if (position < folds.length && (!current.forms || current.forms.has(folds[position]))) {
    const end = matchSteps(steps, step + 1, folds, position + 1, filler)
    if (end !== -1) return end
  }
  if (current.optional) return matchSteps(steps, step + 1, folds, at, filler)
  return -1
}
