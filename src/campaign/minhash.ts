/**
 * Near-duplicate detection: MinHash signatures over word shingles, banded
 * (locality-sensitive hashing) to find candidate pairs without comparing
 * every pair, then checked on the estimated Jaccard similarity and grouped
 * with union-find. A small, well-known algorithm: no package on the registry
 * does this for plain arrays of hashes with bands we can tune, so it is here.
 */
export const PERMUTATIONS = 64
const BANDS = 16
const ROWS = PERMUTATIONS / BANDS

// Fixed seeds: results are the same on every run.
const SEEDS_A = new Uint32Array(PERMUTATIONS)
const SEEDS_B = new Uint32Array(PERMUTATIONS)
{
  let state = 0x9e3779b9
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return state >>> 0
  }
  for (let index = 0; index < PERMUTATIONS; index++) {
    SEEDS_A[index] = next() | 1
    SEEDS_B[index] = next()
  }
}

export function signature(hashes: Uint32Array): Uint32Array {
  const out = new Uint32Array(PERMUTATIONS).fill(0xffffffff)
  for (const hash of hashes) {
    for (let index = 0; index < PERMUTATIONS; index++) {
      const value = (Math.imul(hash, SEEDS_A[index]) + SEEDS_B[index]) >>> 0
      if (value < out[index]) out[index] = value
    }
  }
  return out
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let index = 0; index < PERMUTATIONS; index++) if (a[index] === b[index]) same++
  return same / PERMUTATIONS
}

/** Groups of indices whose signatures are at least `threshold` similar (transitively), largest first. */
export function nearDuplicateGroups(signatures: readonly Uint32Array[], threshold = 0.7): number[][] {
  const parent = signatures.map((_, index) => index)
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]]
      index = parent[index]
    }
    return index
  }
  const checked = new Set<string>()
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>()
    signatures.forEach((sig, index) => {
      const key = Array.from(sig.subarray(band * ROWS, band * ROWS + ROWS)).join(',')
      const bucket = buckets.get(key)
      if (bucket) bucket.push(index)
      else buckets.set(key, [index])
    })
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue
      // Compare each member with the bucket's first; near-duplicates join through it.
      for (const other of bucket.slice(1)) {
        const key = `${bucket[0]}:${other}`
        if (checked.has(key)) continue
        checked.add(key)
        if (similarity(signatures[bucket[0]], signatures[other]) >= threshold) parent[find(other)] = find(bucket[0])
        else {
          // The first may be the odd one out: try the others pairwise (buckets are small).
          for (const candidate of bucket) {
            if (candidate === other || find(candidate) === find(other)) continue
            if (similarity(signatures[candidate], signatures[other]) >= threshold) {
              parent[find(other)] = find(candidate)
              break
            }
          }
        }
      }
    }
  }
  const groups = new Map<number, number[]>()
  signatures.forEach((_, index) => {
    const root = find(index)
    const group = groups.get(root)
    if (group) group.push(index)
    else groups.set(root, [index])
  })
  return [...groups.values()].filter((group) => group.length > 1).sort((a, b) => b.length - a.length || a[0] - b[0])
}
