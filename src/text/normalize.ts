/**
 * Word normalisation shared by every rule: NFC, lower case, one apostrophe,
 * and a "folded" key without diacritics so that "ecosysteme" still meets
 * "écosystème" (drafts typed on phones often lose their accents).
 */
import {perPack} from '../lang/packs.js'

const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4]/g
const COMBINING = /[\u0300-\u036f]/g
const HYPHENS = /[\u2010\u2011\u2012\u2013]/g

// Every token of every draft goes through these two, and a draft's vocabulary repeats from draft to
// draft: the process keeps the forms of the words it saw last. Module-level on purpose (a pure
// function of the word, the same for every draft and configuration), and bounded: words of at most
// 40 characters, at most CACHE_SIZE entries per cache, then the cache starts over.
const CACHE_SIZE = 20_000
const normCache = new Map<string, string>()
const foldCache = new Map<string, string>()

function remember<T>(cache: Map<string, T>, key: string, value: T) {
  if (key.length > 40) return
  if (cache.size >= CACHE_SIZE) cache.clear()
  cache.set(key, value)
}

export function normalizeWord(value: string): string {
  if (isPlain(value)) return value
  let norm = normCache.get(value)
  if (norm === undefined) {
    norm = value.normalize('NFC').replace(APOSTROPHES, "'").replace(HYPHENS, '-').toLowerCase()
    remember(normCache, value, norm)
  }
  return norm
}

/**
 * ASCII without capitals or backquote: already its own normal form (NFC, lower case, straight
 * apostrophe). Most words and marks are; checking is cheaper than the cache lookup (profiled).
 */
function isPlain(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code > 0x7e || (code >= 0x41 && code <= 0x5a) || code === 0x60) return false
  }
  return true
}

/** Lower case, no diacritics, straight apostrophes: the key words are compared on. */
export function foldWord(value: string): string {
  // Plain ASCII (see `isPlain`) has no diacritics to remove: already folded.
  if (isPlain(value)) return value
  let fold = foldCache.get(value)
  if (fold === undefined) {
    fold = normalizeWord(value).normalize('NFD').replace(COMBINING, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae')
    remember(foldCache, value, fold)
  }
  return fold
}

/** How many words the two caches hold (counted by tests: bounded by CACHE_SIZE each). */
export function cachedWords(): number {
  return normCache.size + foldCache.size
}

/** `value` matched literally inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** A word that starts with one of these elisions ("j'ai", "qu'il"): the elision, then the rest. */
export function elisionPattern(elisions: readonly string[]): RegExp {
  return new RegExp(`^(${elisions.map(escapeRegExp).join('|')})'(.+)$`)
}

const elisionOf = perPack(({elisions}) => (elisions && elisions.length > 0 ? elisionPattern(elisions) : undefined))

/**
 * Splits a word-list phrase into folded words the way the parser splits
 * text: on spaces, and after an elision ("j'ai" gives "j'", "ai").
 */
export function phraseWords(phrase: string, lang: string): string[] {
  const words: string[] = []
  const elision = elisionOf(lang)
  for (const raw of phrase.trim().split(/\s+/)) {
    if (!raw) continue
    const word = normalizeWord(raw)
    const elided = elision ? elision.exec(word) : null
    if (elided) words.push(elided[1] + "'", elided[2])
    else words.push(word)
  }
  return words
}
