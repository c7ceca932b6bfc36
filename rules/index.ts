import type {Rule} from '../src/rule.js'
import unfilledMergeField from './unfilled-merge-field/index.js'
import length from './length/index.js'
import readability from './readability/index.js'
import selfCentredOpening from './self-centred-opening/index.js'
import readerFocus from './reader-focus/index.js'
import nameRepetition from './name-repetition/index.js'

/** Every rule cluelint knows, in the order `cluelint rules` lists them. */
export const rules: ReadonlyArray<Rule<any, any>> = [selfCentredOpening, readerFocus, unfilledMergeField, nameRepetition, length, readability]
