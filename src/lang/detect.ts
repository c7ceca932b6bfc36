/**
 * English / French detection for short drafts.
 *
 * Counts frequent function words of each language (data in `langs/<code>/detection.json`)
 * on the first {@link MAX_CHARS} characters, in one linear pass (no regular
 * expressions). Function words survive names, jargon and loanwords ("votre
 * pipeline sales", "un call de 15 min", "le ROI"), and even a six-word line
 * has two or three of them. Elided forms (`j'`, `qu'`, `l'`) are French only;
 * a lower-case word in neither list that carries a French accent is a weak
 * French hint.
 *
 * Ignored: merge fields (`{{first_name}}`, `{FirstName}`, `[Prénom]`,
 * `%FIRSTNAME%`, `*|FNAME|*`, `<Prénom>`), URLs, e-mail addresses and
 * @handles, numbers.
 */

import type {Lang} from '../types.js'
import en from '../../langs/en/index.js'
import fr from '../../langs/fr/index.js'

const enData = en.detection
const frData = fr.detection as Required<typeof fr.detection>

export interface LanguageScores {
  en: number
  fr: number
}

/** Only the start of a draft is read: plenty to decide, and bounded time. */
export const MAX_CHARS = 2000

/** Longest merge field skipped (`[observation spécifique : …]` can be long). */
const MAX_FIELD = 160

// The tables below are built once from the word lists: module-level constant data, the same for
// every draft and configuration (their size is the lists').
const enWords = new Set<string>(enData.words)
const frWords = new Set<string>(frData.words)

/** Elided forms, without their apostrophe (`j`, `qu`, `jusqu`). */
const elisions = new Set<string>(
  frData.words.filter((word) => word.endsWith("'")).map((word) => word.slice(0, -1))
)
/** French accents, by character code (words are made of Latin letters, below U+0250: see `isLetter`). */
const accentCodes = new Uint8Array(0x250)
for (const char of Array.from(frData.accents as string)) accentCodes[char.charCodeAt(0)] = 1
const EN = 1
const FR = 2
/** Each known word with the lists it is in (EN, FR or both). */
const known = new Map<string, number>()
for (const word of enWords) known.set(word, EN)
for (const word of frWords) known.set(word, (known.get(word) ?? 0) | FR)
/** No listed word is longer: a longer word is not looked up. */
let longestKnown = 0
for (const word of known.keys()) longestKnown = Math.max(longestKnown, word.length)

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

/** Known words by hash of their characters. */
const byHash = new Map<number, Array<[word: string, lists: number]>>()
for (const [word, lists] of known) {
  let hash = 0
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index))
  const bucket = byHash.get(hash)
  if (bucket) bucket.push([word, lists])
  else byHash.set(hash, [[word, lists]])
}
const accentWeight: number = frData.accentWeight

/**
 * Detect whether `text` is English or French. Returns `fallback` on a tie,
 * including when no known word was found.
 */
export function detectLanguage(text: string, fallback: Lang = 'en'): Lang {
  const {en, fr} = detectLanguageScores(text)
  if (en > fr) return 'en'
  if (fr > en) return 'fr'
  return fallback
}

/** The score of each language (for tests and debugging). */
export function detectLanguageScores(text: string): LanguageScores {
  const scores: LanguageScores = {en: 0, fr: 0}
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

    index = isAddress(value, index, end) ? end : scoreChunk(value, index, end, scores)
  }

  return scores
}

/**
 * Score the words of `value[start..end)`; returns where to resume (after
 * `end` when a merge field inside the chunk runs past it).
 */
function scoreChunk(value: string, start: number, end: number, scores: LanguageScores): number {
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
      if (elisions.has(head)) {
        // `qu'il`: score `qu'`, then read `il` as a new word.
        score(head + "'", false, scores)
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
      scoreWord(value, from, index, curly, scores)
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

  if (from >= 0) scoreWord(value, from, end, curly, scores)
  return end
}

/** Scores `value[from..to)` as `score` does, without copying it. */
function scoreWord(value: string, from: number, to: number, curly: boolean, scores: LanguageScores): void {
  const length = to - from
  let hash = 0
  for (let index = from; index < to; index++) {
    const code = lowerCode(value.charCodeAt(index))
    if (code === MULTIPLE) return score(value.slice(from, to), curly, scores)
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
  if (lists & EN) scores.en++
  if (lists & FR) scores.fr++
  // See `score`: capitalised words give no accent hint.
  const initial = value.charCodeAt(from)
  if (lists !== 0 || lowerCode(initial) !== initial) return
  for (let index = from; index < to; index++) {
    if (accentCodes[lowerCode(value.charCodeAt(index))] === 1) {
      scores.fr += accentWeight
      return
    }
  }
}

/** Scores one word; `curly`: it holds a typographic apostrophe, to read as `'`. */
function score(raw: string, curly: boolean, scores: LanguageScores): void {
  const lower = raw.toLowerCase()
  const word = curly ? lower.replace(TYPOGRAPHIC_APOSTROPHES, "'") : lower

  // One lookup for both lists (profiled: this runs on every word of every draft).
  const lists = word.length > longestKnown ? 0 : (known.get(word) ?? 0)
  if (lists & EN) scores.en++
  if (lists & FR) scores.fr++
  // Accents hint at French, but not on capitalised words: those are mostly
  // names (`Hi François`, `Hélène`, `L'Oréal`) in English drafts too.
  const initial = raw[0]
  if (lists !== 0 || initial !== initial.toLowerCase()) return

  for (let index = 0; index < word.length; index++) {
    if (accentCodes[word.charCodeAt(index)] === 1) {
      scores.fr += accentWeight
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
