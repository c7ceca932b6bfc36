import courtesy from './courtesy.json' with {type: 'json'}

/**
 * French infinitives, by their endings ("me rappeler", "de transférer", "nous suivre", "de
 * recevoir"): enough after "de" or an object pronoun, where src/text/chains.ts looks, and where a
 * noun ending in "-er" or "-re" is rare ("de premier" is not French). The words that end like an
 * infinitive without being one are those "merci de + infinitive" already knows (courtesy.json,
 * `merciDe.notInfinitives`).
 */
const {endings, notInfinitives} = courtesy.merciDe
const not = new Set(notInfinitives)
const WORD = /[\p{L}\p{M}'’-]+/gu

export function baseVerbs(text: string): Set<number> {
  const offsets = new Set<number>()
  for (const found of text.matchAll(WORD)) {
    const word = found[0].toLowerCase().replace(/’/g, "'")
    const bare = word.slice(word.lastIndexOf("'") + 1)
    if (bare.length < 4 || not.has(bare) || !endings.some((ending) => bare.endsWith(ending))) continue
    offsets.add(found.index + (word.length - bare.length))
  }
  return offsets
}
