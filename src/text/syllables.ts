import {syllable} from 'syllable'

/**
 * Syllable counters for the readability formulas. A language pack gives its own
 * (`syllables` in langs/<code>/index.ts); `fallbackSyllables` counts vowel groups for a
 * pack that gives none.
 *
 * English uses `syllable` (wooorm, the unified collective's counter).
 * French has its own counter (its exceptions: langs/fr/syllables.json): spoken syllables, counted on the spelling.
 *   1. Vowel groups (a e i o u y and their accented forms, æ, œ) are counted:
 *      "ai", "eau", "ou", "oi", "eu", "ie" ... are one sound each.
 *   2. Groups are split where French pronounces two vowels: after "é"
 *      ("cré|er", "ré|alité"), before "é" after a, o, e ("a|éroport",
 *      "po|ésie"), at a diaeresis ("na|ïf", "No|ël"), after a "u" that is
 *      not part of "ou"/"eu" ("si|tu|ation", "ac|tu|el", but "suis"), after
 *      "ou" before a, e, é, è ("jou|er"), and after an "i" that follows a
 *      consonant plus l or r ("cli|ent", "pri|er", "oubli|er").
 *   3. "qu" and "gu" before e, i, y are one consonant ("question",
 *      "guerre"); "y" before a vowel is a consonant ("pa-yer").
 *   4. A final "e", "es", or the "ent" of a verb in the plural is silent when
 *      it is a group of its own after another group ("table", "idées",
 *      "parlent"), but not "ent" in nouns and adjectives ("moment",
 *      "souvent", "client"): words ending in "-ment" keep it unless listed
 *      as verbs; other "-ent" words lose it unless listed as pronounced.
 *   5. Hyphenated words and elisions are summed by part ("c'est-à-dire",
 *      "aujourd'hui"); irregular words ("pays") are looked up in a table.
 * Acronyms and figures: see `chunkSyllables`.
 */
export interface FrenchSyllableData {
  /** Words ending in consonant + "ent" whose "ent" is heard: adjectives, nouns, adverbs. */
  entPronounced: string[]
  /** Verbs ending in "-ment" whose "ent" is silent ("ils aiment"). */
  mentSilent: string[]
  /** Whole-word counts for words the rules above get wrong. */
  counts: Record<string, number>
}

const VOWEL = /[aeiouyàâäéèêëîïôöùûüÿæœ]/
const DIAERESIS = /[ëïüÿ]/

/**
 * A figure ("2026", "12-18%") is read at a glance: one syllable. An acronym
 * ("CRM", "PME", "B2B") is a word the reader has to know, and is said letter
 * by letter: one syllable a character, as Flesch counted them. Words of four or
 * five capitals with a vowel ("SAAS", "NASA") are read as words.
 */
export function chunkSyllables(value: string): number | undefined {
  if (/^\d/.test(value)) return 1
  if (value.length >= 2 && value.length <= 5 && /^[\p{Lu}\d]+$/u.test(value) && (value.length <= 3 || !/[AEIOUY]/.test(value))) return value.length
  return undefined
}

interface PreparedFrench {
  entPronounced: Set<string>
  mentSilent: Set<string>
  counts: Map<string, number>
  /** Counts already computed, by word as written (cleared when it grows past 20,000). */
  cache: Map<string, number>
}

const preparedFrench = new WeakMap<FrenchSyllableData, PreparedFrench>()

function prepareFrench(data: FrenchSyllableData): PreparedFrench {
  let prepared = preparedFrench.get(data)
  if (!prepared) {
    const lower = (word: string) => word.normalize('NFC').toLowerCase()
    prepared = {
      entPronounced: new Set(data.entPronounced.map(lower)),
      mentSilent: new Set(data.mentSilent.map(lower)),
      counts: new Map(Object.entries(data.counts).map(([word, count]) => [lower(word), count])),
      cache: new Map()
    }
    preparedFrench.set(data, prepared)
  }
  return prepared
}

/** Syllables of one French word (a word unit: may hold an elision or hyphens). */
export function frenchSyllables(word: string, data: FrenchSyllableData): number {
  const prepared = prepareFrench(data)
  // Cached by the word as written: most words of a draft were counted in an earlier draft (profiled).
  let total = prepared.cache.get(word)
  if (total === undefined) {
    total = chunkSyllables(word)
    if (total === undefined) {
      total = 0
      for (const part of word.normalize('NFC').toLowerCase().split(/[-‑]|['’]/)) if (part) total += frenchPart(part, prepared)
      total = Math.max(1, total)
    }
    if (prepared.cache.size > 20000) prepared.cache.clear()
    prepared.cache.set(word, total)
  }
  return total
}

function frenchPart(part: string, data: PreparedFrench): number {
  const known = data.counts.get(part)
  if (known !== undefined) return known
  // Spelling to sound, keeping one character per letter where possible.
  const w = part
    .replace(/qu/g, 'k')
    .replace(/gu(?=[eiéèêy])/g, 'g')
    .replace(/y(?=[aeiouàâéèêîôû])/g, 'j')
  const groups: Array<{start: number; end: number}> = []
  let open = false
  for (let i = 0; i < w.length; i++) {
    const char = w[i]
    if (!VOWEL.test(char)) {
      open = false
      continue
    }
    if (open && splitsBefore(w, i)) open = false
    if (open) groups[groups.length - 1].end = i + 1
    else groups.push({start: i, end: i + 1})
    open = true
  }
  if (groups.length === 0) return 0
  let count = groups.length
  const last = groups[groups.length - 1]
  if (count >= 2 && w.slice(last.start, last.end) === 'e') {
    const rest = w.slice(last.end)
    if (rest === '' || rest === 's') count--
    else if (rest === 'nt' && silentEnt(part, data)) count--
  }
  return count
}

/** Does the vowel at `i` start a new syllable although a vowel precedes it? */
function splitsBefore(w: string, i: number): boolean {
  const char = w[i]
  const previous = w[i - 1]
  const before = w[i - 2] ?? ''
  if (DIAERESIS.test(char)) return true // naïf, Noël
  if (previous === 'é') return true // créer, réalité, idée
  if (char === 'é' && (previous === 'a' || previous === 'o' || previous === 'e')) return true // aéroport, poésie
  if (previous === 'u') {
    if (before === 'o') return char === 'a' || char === 'e' || char === 'é' || char === 'è' // jou|er, lou|é, but oui
    if (!VOWEL.test(before)) return char !== 'i' && char !== 'u' // si|tu|ation, ac|tu|el, but suis, nuit
  }
  if (previous === 'i' && /[bcdfgkptv]/.test(w[i - 3] ?? '') && (before === 'l' || before === 'r')) return true // cli|ent, pri|er
  return false
}

function silentEnt(part: string, data: PreparedFrench): boolean {
  if (data.entPronounced.has(part)) return false
  if (part.endsWith('ment')) return data.mentSilent.has(part)
  return true
}

/** English counts by word as written: module-level (a pure function of the word), bounded (cleared past 20,000 entries). */
const englishCache = new Map<string, number>()

/** Syllables of a word in a language whose pack has no counter: figures and acronyms as above, else vowel groups. */
export function fallbackSyllables(word: string): number {
  return chunkSyllables(word) ?? vowelGroups(word.toLowerCase())
}

function vowelGroups(word: string): number {
  let groups = 0
  let inVowel = false
  for (const char of word) {
    const vowel = 'aeiouy'.includes(char)
    if (vowel && !inVowel) groups++
    inVowel = vowel
  }
  return Math.max(1, groups)
}

/** Syllables of one English word (`syllable`, cached; acronyms and figures by `chunkSyllables`). */
export function englishSyllables(word: string): number {
  // Cached by the word as written: most words of a draft were counted in an earlier draft (profiled).
  let count = englishCache.get(word)
  if (count === undefined) {
    count = chunkSyllables(word)
    if (count === undefined) {
      const key = word.toLowerCase()
      // `syllable` rescans a word from each letter: fine for words, quadratic on a 10,000-letter "word"
      // (test/robustness). Past the longest real words, count vowel groups instead.
      count = key.length > 40 ? vowelGroups(key) : Math.max(1, syllable(key))
    }
    if (word.length > 40) return count
    if (englishCache.size > 20000) englishCache.clear()
    englishCache.set(word, count)
  }
  return count
}
