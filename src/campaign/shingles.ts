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
