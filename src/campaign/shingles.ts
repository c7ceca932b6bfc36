import {foldWord} from '../text/normalize.js'

/** Words of a draft as the campaign sees them: folded, with their offsets. */
export interface Word {
  fold: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

export function words(text: string): Word[] {
  const out: Word[] = []
  for (const match of text.matchAll(WORD)) out.push({fold: foldWord(match[0]), start: match.index, end: match.index + match[0].length})
  return out
}

/** Shingle size: three words, long enough that stock phrasing repeats and a name does not. */
export const SHINGLE = 3

/** 32-bit FNV-1a hash of each run of SHINGLE words (the whole text if shorter). */
export function shingleHashes(list: readonly Word[], size = SHINGLE): Uint32Array {
  const count = Math.max(list.length > 0 ? 1 : 0, list.length - size + 1)
  const out = new Uint32Array(count)
  for (let index = 0; index < count; index++) {
    let hash = 0x811c9dc5
    for (let offset = 0; offset < size && index + offset < list.length; offset++) {
      const word = list[index + offset].fold
      for (let char = 0; char < word.length; char++) {
        hash ^= word.charCodeAt(char)
        hash = Math.imul(hash, 0x01000193)
      }
      hash ^= 0x20
      hash = Math.imul(hash, 0x01000193)
    }
    out[index] = hash >>> 0
  }
  return out
}

/**
 * Counts, for each shingle, how many drafts contain it: the campaign's
 * shared text. Built in a first pass over the drafts, read in the second.
 */
export class ShingleCounts {
  private readonly counts = new Map<number, number>()
  drafts = 0

  add(hashes: Uint32Array): void {
    this.drafts++
    const seen = new Set<number>()
    for (const hash of hashes) {
      if (seen.has(hash)) continue
      seen.add(hash)
      this.counts.set(hash, (this.counts.get(hash) ?? 0) + 1)
    }
  }

  count(hash: number): number {
    return this.counts.get(hash) ?? 0
  }
}

/**
 * The personal share of one draft: the share of its words written for this
 * reader only, that is covered by no shingle another draft also has. A
 * template whose only personal content is merge fields scores near 0; a draft
 * with a sentence about its reader scores the length of that sentence.
 */
export function personalShare(list: readonly Word[], hashes: Uint32Array, counts: ShingleCounts): {share: number; spans: Array<[number, number]>} {
  if (list.length === 0) return {share: 0, spans: []}
  const shared = new Uint8Array(list.length)
  for (let index = 0; index < hashes.length; index++) {
    if (counts.count(hashes[index]) < 2) continue
    for (let offset = 0; offset < SHINGLE && index + offset < list.length; offset++) shared[index + offset] = 1
  }
  let personal = 0
  const spans: Array<[number, number]> = []
  for (let index = 0; index < list.length; index++) {
    if (shared[index]) continue
    personal++
    const last = spans[spans.length - 1]
    if (last && index > 0 && !shared[index - 1]) last[1] = list[index].end
    else spans.push([list[index].start, list[index].end])
  }
  return {share: personal / list.length, spans}
}

/** Words of a template-mode draft by who wrote them for whom. */
export interface WordSources {
  /** The template's own words: the same for every reader. */
  shared: number
  /** Merge-field values (a name, a company): personalized, not personal. */
  personalized: number
  /** Free-text values written for this reader (an icebreaker, a note). */
  personal: number
}

/**
 * The personal share of one rendered template: the template's own words are
 * shared, merge-field values personalized, and the words of free-text
 * columns (`isFreeText`) personal, except runs that other drafts' free text
 * also has (`counts`: shingles of the free-text values, a "N/A" or a pasted
 * line is not personal). A template whose variable content is only merge
 * fields scores 0, whatever its length.
 */
export function templateShare(
  text: string,
  values: ReadonlyArray<{start: number; end: number; field: string}>,
  isFreeText: (field: string) => boolean,
  counts: ShingleCounts
): {share: number; words: WordSources} {
  const list = words(text)
  const sources: WordSources = {shared: 0, personalized: 0, personal: 0}
  let free = 0
  let cursor = 0
  for (const word of list) {
    while (cursor < values.length && values[cursor].end <= word.start) cursor++
    const value = cursor < values.length && values[cursor].start < word.end ? values[cursor] : undefined
    if (!value) sources.shared++
    else if (isFreeText(value.field)) free++
    else sources.personalized++
  }
  let unshared = 0
  for (const value of values) {
    if (!isFreeText(value.field)) continue
    const inner = words(text.slice(value.start, value.end))
    const hashes = shingleHashes(inner)
    const shared = new Uint8Array(inner.length)
    for (let index = 0; index < hashes.length; index++) {
      if (counts.count(hashes[index]) < 2) continue
      for (let offset = 0; offset < SHINGLE && index + offset < inner.length; offset++) shared[index + offset] = 1
    }
    for (const flag of shared) if (!flag) unshared++
  }
  sources.personal = Math.min(free, unshared)
  sources.shared += free - sources.personal
  return {share: list.length === 0 ? 0 : sources.personal / list.length, words: sources}
}

/** Shingles of a draft's free-text values, for `ShingleCounts.add` (one call per draft). */
export function freeTextHashes(text: string, values: ReadonlyArray<{start: number; end: number; field: string}>, isFreeText: (field: string) => boolean): Uint32Array {
  const parts = values.filter((value) => isFreeText(value.field)).map((value) => shingleHashes(words(text.slice(value.start, value.end))))
  const out = new Uint32Array(parts.reduce((total, part) => total + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
