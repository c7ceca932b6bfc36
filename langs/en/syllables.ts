export {englishSyllables as syllables} from '../../src/text/syllables.js'
