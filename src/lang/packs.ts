import {packs as builtIn} from '../../langs/index.js'
import type {LanguagePack} from './pack.js'

export type {LanguagePack} from './pack.js'

/**
 * The language packs known to this process: the built-in ones (langs/, listed by langs/index.ts)
 * and any registered at run time. Module-level on purpose (a language is the same for every draft
 * and configuration), bounded by the packs registered.
 */
const packs = new Map<string, LanguagePack>(builtIn.map((pack) => [pack.code, pack]))

/** The pack of a language; throws for a language no pack provides. */
export function packFor(lang: string): LanguagePack {
  const pack = packs.get(lang)
  if (!pack) throw new Error(`cluelint: no language pack for "${lang}" (known: ${[...packs.keys()].join(', ')})`)
  return pack
}

/** The codes of the known languages, built-in first. */
export function languages(): string[] {
  return [...packs.keys()]
}

/** Counts the packs registered at run time: what is built from every pack (detection's tables) is rebuilt when it changes. */
let version = 0

/** Adds (or replaces) a language pack: drafts in that language are linted with it from then on, and detected. */
export function registerPack(pack: LanguagePack): void {
  packs.set(pack.code, pack)
  version++
}

/** Changes each time a pack is registered. */
export function packsVersion(): number {
  return version
}

/**
 * What a module prepares from a language's data (folded word sets, phrase lists), made once per
 * pack on first use: kept in a WeakMap keyed by the pack (bounded by the packs known).
 */
export function perPack<T>(prepare: (pack: LanguagePack) => T): (lang: string) => T {
  const prepared = new WeakMap<LanguagePack, T>()
  return (lang) => {
    const pack = packFor(lang)
    if (!prepared.has(pack)) prepared.set(pack, prepare(pack))
    return prepared.get(pack) as T
  }
}
