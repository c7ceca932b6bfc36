// Written by `npm run packs` (scripts/packs.js) from the folders of langs/: do not edit.
import type {LanguagePack} from '../src/lang/pack.js'
import pack_en from './en/index.js'
import pack_fr from './fr/index.js'

/** The built-in language packs, one per folder of langs/. */
export const packs: readonly LanguagePack[] = [pack_en, pack_fr]
