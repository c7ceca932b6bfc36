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
  /** `forms` as word ids (see `vocabulary`), filled when the matcher is compiled. */
  ids?: Set<number>
}

interface Compiled<T> {
  entry: T
  steps: Step[]
}

export interface PhraseMatcher<T> {
  find(analysis: Analysis, from?: number, to?: number): Array<Match<T>>
  readonly size: number
}

/**
 * Compiled on first use: rules prepare their matchers for both languages when they load,
 * and a run (or a cold start on one draft) usually needs one language only.
 */
export function compilePhrases<T>(
  entries: readonly T[],
  lang: Lang,
  pattern: (entry: T) => string | string[] = (entry) => entry as unknown as string,
  fillers: readonly string[] = []
): PhraseMatcher<T> {
  let matcher: PhraseMatcher<T> | undefined
  const get = () => (matcher ??= compileNow(entries, lang, pattern, fillers))
  return {
    get size() {
      return get().size
    },
    find: (analysis, from, to) => get().find(analysis, from, to)
  }
}

function compileNow<T>(
  entries: readonly T[],
  lang: Lang,
  pattern: (entry: T) => string | string[],
  fillers: readonly string[]
): PhraseMatcher<T> {
  const compiled: Array<Compiled<T>> = []
  for (const entry of entries) {
    const patterns = pattern(entry)
    for (const source of Array.isArray(patterns) ? patterns : [patterns]) {
      compiled.push({entry, steps: compileSteps(source, lang)})
    }
  }
  // Index by the folded forms the first matched word can take: the first step's forms, and
  // while leading steps are optional, the next step's forms (and filler words, which may come
  // before a step once an optional head is skipped). Only a pattern that can start on any
  // word (a leading `*`) is tried at every word. Of two matches of one length, the one the
  // unindexed version found first wins: fixed-head patterns, then the others, in list order.
  // Indexed by word id (see `vocabulary`): a small-integer key, not a string looked up in a large map.
  const heads = new Map<number, Array<Compiled<T>>>()
  const anyFirst: Array<Compiled<T>> = []
  const rank = new Map<Compiled<T>, number>()
  const filler = new Set(fillers.map((word) => foldWord(word)))
  compiled.forEach((item, order) => {
    const head = item.steps[0]
    const fixed = head !== undefined && !head.optional && head.forms !== undefined
    rank.set(item, (fixed ? 0 : compiled.length) + order)
    const firsts = new Set<string>()
    let any = item.steps.length === 0
    for (const step of item.steps) {
      if (!step.forms) {
        any = true
        break
      }
      for (const form of step.forms) firsts.add(form)
      if (!step.optional) break
      for (const form of filler) firsts.add(form)
    }
    if (item.steps.every((step) => step.optional)) any = true
    if (any) {
      anyFirst.push(item)
      return
    }
    for (const form of firsts) {
      const id = wordId(form)
      const list = heads.get(id)
      if (list) list.push(item)
      else heads.set(id, [item])
    }
  })
  const fillerIds = new Set([...filler].map(wordId))
  // Most words of a draft start no pattern: one byte per word id says so without a map lookup.
  const isHead = new Uint8Array(vocabulary.size)
  for (const id of heads.keys()) isHead[id] = 1
  const hasAny = anyFirst.length > 0
  for (const item of compiled) for (const step of item.steps) if (step.forms) step.ids = idsOf(step.forms)

  return {
    size: compiled.length,
    find(analysis, from = 0, to = analysis.sentences.length) {
      const matches: Array<Match<T>> = []
      const {tokens} = analysis
      for (let s = from; s < to && s < analysis.sentences.length; s++) {
        const words = analysis.sentences[s].words
        const {ids} = sentenceWords(analysis, s)
        let i = 0
        while (i < words.length) {
          if (!hasAny && isHead[ids[i]] !== 1) {
            i += 1
            continue
          }
          let best: Compiled<T> | undefined
          let bestEnd = -1
          const candidates = isHead[ids[i]] === 1 ? heads.get(ids[i]) : undefined
          for (let list = 0; list < 2; list++) {
            const items = list === 0 ? candidates : anyFirst
            if (!items) continue
            for (const item of items) {
              const end = matchSteps(item.steps, 0, ids, i, fillerIds)
              if (end > i && (end > bestEnd || (end === bestEnd && rank.get(item)! < rank.get(best!)!))) {
                best = item
                bestEnd = end
              }
            }
          }
          if (best) {
            const first = words[i]
            const last = words[bestEnd - 1]
            matches.push({entry: best.entry, first, last, start: tokens[first].start, end: tokens[last].end})
            i = bestEnd
          } else {
            i += 1
          }
        }
      }
      return matches
    }
  }
}

/**
 * Every folded form some matcher knows, numbered. Profiled: looking each word of a draft up
 * in each matcher's map of inflected forms was a fifth of the lint time; now a word is looked
 * up once per draft (`sentenceWords`), and each matcher reads an array.
 */
const vocabulary = new Map<string, number>()

function wordId(form: string): number {
  let id = vocabulary.get(form)
  if (id === undefined) vocabulary.set(form, (id = vocabulary.size))
  return id
}

interface SentenceWords {
  folds: string[]
  /** Word ids, -1 for a word no matcher knows. */
  ids: Int32Array
  /** Vocabulary size when computed: a matcher compiled later may know more words. */
  known: number
}

/** Folded words and their ids per sentence, per analysis, shared by every matcher. Sentences are final once rules run. */
const sentenceCache = new WeakMap<Analysis, SentenceWords[]>()

function sentenceWords(analysis: Analysis, s: number): SentenceWords {
  let cache = sentenceCache.get(analysis)
  if (!cache) sentenceCache.set(analysis, (cache = []))
  let entry = cache[s]
  if (!entry || entry.known !== vocabulary.size) {
    const folds = analysis.sentences[s].words.map((index) => analysis.tokens[index].fold)
    const ids = new Int32Array(folds.length)
    for (let index = 0; index < folds.length; index++) ids[index] = vocabulary.get(folds[index]) ?? -1
    cache[s] = entry = {folds, ids, known: vocabulary.size}
  }
  return entry
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

// Lists share words ("you", "your", "merci"): a step's forms are built once per set of words.
const formsCache = new Map<string, Set<string>>()
const idsCache = new WeakMap<Set<string>, Set<number>>()

function formsOf(words: string[], lang: Lang): Set<string> {
  const key = lang + '\u0000' + words.join('\u0000')
  let forms = formsCache.get(key)
  if (!forms) formsCache.set(key, (forms = buildForms(words, lang)))
  return forms
}

function idsOf(forms: Set<string>): Set<number> {
  let ids = idsCache.get(forms)
  if (!ids) idsCache.set(forms, (ids = new Set([...forms].map(wordId))))
  return ids
}

function buildForms(words: string[], lang: Lang): Set<string> {
  const forms = new Set<string>()
  for (const word of words) {
    if (word.startsWith('=') || foldWord(word).length <= 3) forms.add(foldWord(word.replace(/^=/, '')))
    else for (const form of inflect(word, lang)) forms.add(form)
  }
  return forms
}

/** Returns the index one past the last matched word, or -1. Patterns are short: plain recursion is fine. */
function matchSteps(steps: Step[], step: number, folds: Int32Array, at: number, filler: Set<number>): number {
  if (step === steps.length) return at
  const current = steps[step]
  let position = at
  // Filler words may sit between two words of a pattern, not before its first.
  while (step > 0 && position < folds.length && filler.has(folds[position]) && !(current.ids?.has(folds[position]))) position++
  if (position < folds.length && (!current.ids || current.ids.has(folds[position]))) {
    const end = matchSteps(steps, step + 1, folds, position + 1, filler)
    if (end !== -1) return end
  }
  if (current.optional) return matchSteps(steps, step + 1, folds, at, filler)
  return -1
}
