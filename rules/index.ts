import type {Rule} from '../src/rule.js'
import unfilledMergeField from './unfilled-merge-field/index.js'
import length from './length/index.js'
import readability from './readability/index.js'

/** Every rule cluelint knows, in the order `cluelint rules` lists them. */
export const rules: ReadonlyArray<Rule<any, any>> = [unfilledMergeField, length, readability]
