/**
 * Language detection for short drafts, over every known language pack.
 *
 * Counts frequent function words of each language (data in `langs/<code>/detection.json`)
 * on the first {@link MAX_CHARS} characters, in one linear pass (no regular
 * expressions). Function words survive names, jargon and loanwords ("votre
 * pipeline sales", "un call de 15 min", "le ROI"), and even a six-word line
 * has two or three of them. Elided forms (a pack's words ending in an
 * apostrophe: French `j'`, `qu'`, `l'`) count for the packs that list them; a
 * lower-case word in no list that carries one of a pack's accents is a weak
 * hint for that pack.
 *
 * Ignored: merge fields (`{{first_name}}`, `{FirstName}`, `[Prénom]`,
 * `%FIRSTNAME%`, `*|FNAME|*`, `<Prénom>`), URLs, e-mail addresses and
 * @handles, numbers.
 */

import type {Lang} from '../types.js'
import {languages, packFor, packsVersion} from './packs.js'

/** Each known language's score: how many of its function words the draft has, and its accent hints. */
export type LanguageScores = Record<Lang, number>

/** Only the start of a draft is read: plenty to decide, and bounded time. */
export const MAX_CHARS = 2000

/** Longest merge field skipped (`[observation spécifique : …]` can be long). */
const MAX_FIELD = 160

/** Packs a word's lists are a bit mask of: the first 31 known packs are told apart. */
const MAX_PACKS = 31

// Words are read in place, not cut out and lower-cased (profiled: a tenth of the time before parsing):
// each character is lower-cased by table (below U+0250, where `isLetter` keeps words) and hashed, and
// the known words with that hash are compared character by character.
const MULTIPLE = 0xffff
/** Lower case of each code below U+0250; MULTIPLE when it is more than one character (`İ`). */
const LOWER = new Uint16Array(0x250)
for (let code = 0; code < 0x250; code++) {
  const lower = String.fromCharCode(code).toLowerCase()
  LOWER[code] = lower.length === 1 ? lower.charCodeAt(0) : MULTIPLE
}

/** A word's character as the lists spell it: lower case, apostrophes straight. */
function lowerCode(code: number): number {
  if (code < 0x250) return LOWER[code]
  return isApostrophe(code) ? 0x27 : code
}

const hashStep = (hash: number, code: number) => (Math.imul(hash, 31) + code) | 0

/**
 * What detection knows, built from the packs' lists: once, and again when a pack is registered
 * (module-level constant data, the same for every draft and configuration; its size is the lists').
 */
interface Tables {
  /** Pack codes, in the order of the bits of `lists`. */
  codes: Lang[]
  /** Each known word with the packs whose lists have it (a bit per pack). */
  known: Map<string, number>
  /** Known words by hash of their characters. */
  byHash: Map<number, Array<[word: string, lists: number]>>
  /** No listed word is longer: a longer word is not looked up. */
  longestKnown: number
  /** Elided forms, without their apostrophe (`j`, `qu`, `jusqu`). */
  elisions: Set<string>
  /** Per character code (below U+0250): the packs that read it as their accent (a bit per pack). */
  accents: Uint32Array
  /** The weight of each pack's accent hint. */
  accentWeights: number[]
}

let tables: {version: number; tables: Tables} | undefined

function currentTables(): Tables {
  const version = packsVersion()
  if (tables?.version !== version) tables = {version, tables: buildTables(languages().slice(0, MAX_PACKS))}
  return tables.tables
}

function buildTables(codes: Lang[]): Tables {
  const known = new Map<string, number>()
  const elisions = new Set<string>()
  const accents = new Uint32Array(0x250)
  const accentWeights: number[] = []
  codes.forEach((code, index) => {
    const bit = 1 << index
    const detection = packFor(code).detection
    for (const word of detection.words) {
      known.set(word, (known.get(word) ?? 0) | bit)
      if (word.endsWith("'")) elisions.add(word.slice(0, -1))
    }
    for (const char of Array.from(detection.accents ?? '')) {
      const at = char.charCodeAt(0)
      if (at < 0x250) accents[at] |= bit
    }
    accentWeights.push(detection.accentWeight ?? 0)
  })
  let longestKnown = 0
  const byHash = new Map<number, Array<[word: string, lists: number]>>()
  for (const [word, lists] of known) {
    longestKnown = Math.max(longestKnown, word.length)
    let hash = 0
    for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index))
    const bucket = byHash.get(hash)
    if (bucket) bucket.push([word, lists])
    else byHash.set(hash, [[word, lists]])
  }
  return {codes, known, byHash, longestKnown, elisions, accents, accentWeights}
}

/**
 * The language of `text`: the known language with the highest score. Returns `fallback` on a
 * tie, including when no known word was found.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const scores = scoreText(text)
  let best = -1
  let tie = true
  for (let index = 0; index < scores.length; index++) {
    if (best < 0 || scores[index] > scores[best]) {
      best = index
      tie = false
    } else if (scores[index] === scores[best]) tie = true
  }
  return best < 0 || tie ? fallback : currentTables().codes[best]
}

/** The score of each language (for tests and debugging). */
export function detectLanguageScores(text: string): LanguageScores {
  const scores = scoreText(text)
  const out: LanguageScores = {}
  currentTables().codes.forEach((code, index) => (out[code] = scores[index]))
  return out
}

/** The scores, in the order of the tables' codes. */
function scoreText(text: string): number[] {
  const state: State = {tables: currentTables(), scores: []}
  state.scores = state.tables.codes.map(() => 0)
  const value = text.slice(0, MAX_CHARS).normalize('NFC')
  const length = value.length
  let index = 0

  while (index < length) {
    if (isSpace(value.charCodeAt(index))) {
      index++
      continue
    }

    // At the start of a chunk (a run of non-space): skip merge fields, which
    // may contain spaces, then URLs and e-mail addresses.
    const fieldEnd = mergeFieldEnd(value, index)
    if (fieldEnd > index) {
      index = fieldEnd
      continue
    }

    let end = index
    while (end < length && !isSpace(value.charCodeAt(end))) end++

    index = isAddress(value, index, end) ? end : scoreChunk(value, index, end, state)
  }

  return state.scores
}

interface State {
  tables: Tables
  scores: number[]
}

/** Adds one to each language of `lists`. */
function count(lists: number, scores: number[]): void {
  for (let index = 0; lists !== 0; index++, lists >>>= 1) if (lists & 1) scores[index]++
}

/** Adds each accent hint of `packs` (the packs that read a character as theirs). */
function hint(packs: number, state: State): void {
  for (let index = 0; packs !== 0; index++, packs >>>= 1) if (packs & 1) state.scores[index] += state.tables.accentWeights[index]
}

/**
 * Score the words of `value[start..end)`; returns where to resume (after
 * `end` when a merge field inside the chunk runs past it).
 */
function scoreChunk(value: string, start: number, end: number, state: State): number {
  let index = start
  /** Start of the word being read, or -1. */
  let from = -1
  /** The word holds a typographic apostrophe (`aujourd’hui`). */
  let curly = false

  while (index < end) {
    const char = value.charCodeAt(index)

    if (isLetter(char)) {
      if (from < 0) from = index
      index++
      continue
    }

    if (from >= 0 && isApostrophe(char)) {
      const head = value.slice(from, index).toLowerCase()
      if (state.tables.elisions.has(head)) {
        // `qu'il`: score `qu'`, then read `il` as a new word.
        score(head + "'", false, state)
        from = -1
        curly = false
        index++
        continue
      }
      if (index + 1 < end && isLetter(value.charCodeAt(index + 1))) {
        // `don't`, `aujourd'hui`: the apostrophe is part of the word.
        if (char !== 0x27) curly = true
        index++
        continue
      }
    }

    if (from >= 0) {
      scoreWord(value, from, index, curly, state)
      from = -1
      curly = false
    }

    const fieldEnd = mergeFieldEnd(value, index)
    if (fieldEnd > index) {
      if (fieldEnd > end) return fieldEnd
      index = fieldEnd
      continue
    }

    index++
  }

  if (from >= 0) scoreWord(value, from, end, curly, state)
  return end
}

/** Scores `value[from..to)` as `score` does, without copying it. */
function scoreWord(value: string, from: number, to: number, curly: boolean, state: State): void {
  const {longestKnown, byHash, accents} = state.tables
  const length = to - from
  let hash = 0
  for (let index = from; index < to; index++) {
    const code = lowerCode(value.charCodeAt(index))
    if (code === MULTIPLE) return score(value.slice(from, to), curly, state)
    hash = hashStep(hash, code)
  }
  let lists = 0
  const bucket = length > longestKnown ? undefined : byHash.get(hash)
  if (bucket) {
    for (const [word, inLists] of bucket) {
      if (word.length !== length) continue
      let same = true
      for (let k = 0; k < length && same; k++) same = lowerCode(value.charCodeAt(from + k)) === word.charCodeAt(k)
      if (same) {
        lists = inLists
        break
      }
    }
  }
  count(lists, state.scores)
  // See `score`: capitalised words give no accent hint.
  const initial = value.charCodeAt(from)
  if (lists !== 0 || lowerCode(initial) !== initial) return
  for (let index = from; index < to; index++) {
    const code = lowerCode(value.charCodeAt(index))
    if (code < 0x250 && accents[code] !== 0) {
      hint(accents[code], state)
      return
    }
  }
}

/** Scores one word; `curly`: it holds a typographic apostrophe, to read as `'`. */
function score(raw: string, curly: boolean, state: State): void {
  const {longestKnown, known, accents} = state.tables
  const lower = raw.toLowerCase()
  const word = curly ? lower.replace(TYPOGRAPHIC_APOSTROPHES, "'") : lower

  // One lookup for both lists (profiled: this runs on every word of every draft).
  const lists = word.length > longestKnown ? 0 : (known.get(word) ?? 0)
  count(lists, state.scores)
  // Accents hint at French, but not on capitalised words: those are mostly
  // names (`Hi François`, `Hélène`, `L'Oréal`) in English drafts too.
  const initial = raw[0]
  if (lists !== 0 || initial !== initial.toLowerCase()) return

  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index)
    if (code < 0x250 && accents[code] !== 0) {
      hint(accents[code], state)
      return
    }
  }
}

/**
 * If a merge field starts at `index`, the index just after it; otherwise
 * `index`. Look-ahead is bounded by {@link MAX_FIELD}, so this stays linear.
 */
function mergeFieldEnd(value: string, index: number): number {
  const char = value[index]

  // `{{first_name}}`, `{FirstName}`, `{{ contact.firstname }}`, `[Prénom]`,
  // `<Prénom>`: up to the matching close on the same line.
  const close = char === '{' ? '}' : char === '[' ? ']' : char === '<' ? '>' : ''
  if (close) {
    const limit = Math.min(value.length, index + MAX_FIELD)
    for (let at = index + 1; at < limit; at++) {
      const current = value[at]
      if (current === '\n' || current === '\r' || current === char) break
      if (current === close) {
        // Swallow the second brace of `}}`.
        return value[at + 1] === close ? at + 2 : at + 1
      }
    }
    return index
  }

  // `%FIRSTNAME%` and `*|FNAME|*`: an identifier between the markers (so that
  // `30 % de … 40 %` is not a field).
  const isMailchimp = char === '*' && value[index + 1] === '|'
  if (char === '%' || isMailchimp) {
    let at = index + (isMailchimp ? 2 : 1)
    const first = at
    while (at < value.length && at - index < MAX_FIELD && isIdentifier(value.charCodeAt(at))) at++
    if (at === first) return index
    if (isMailchimp) {
      return value[at] === '|' && value[at + 1] === '*' ? at + 2 : index
    }
    return value[at] === '%' ? at + 1 : index
  }

  return index
}

/** URL, e-mail address, @handle or bare `www.` host. */
function isAddress(value: string, start: number, end: number): boolean {
  if (value.startsWith('www.', start) || value.startsWith('WWW.', start)) return true
  for (let at = start; at < end; at++) {
    const char = value[at]
    if (char === '@') return true
    if (char === ':' && value[at + 1] === '/' && value[at + 2] === '/') return true
  }
  return false
}

// Character codes, not one-character strings: this loop reads every character of every draft (profiled).

/** Space, tab, line ends, no-break spaces and the typographic spaces U+2000 to U+200A. */
function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x202f || (code >= 0x2000 && code <= 0x200a)
}

/** Latin letters, with the accents of French and neighbours (not digits). */
function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
}

const TYPOGRAPHIC_APOSTROPHES = /[\u2019\u2018\u02BC]/g

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2018 || code === 0x2bc
}

function isIdentifier(code: number): boolean {
  return isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2e || code === 0x3a
}
