import {frenchSyllables} from '../../src/text/syllables.js'
import data from './syllables.json' with {type: 'json'}

/** Spoken syllables of a French word (src/text/syllables.ts), with this language's exceptions. */
export const syllables = (word: string): number => frenchSyllables(word, data)
