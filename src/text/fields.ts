import type {Analysis} from './analysis.js'
import {derivation, derive} from './derived.js'
import {findFields, type Field} from './field-patterns.js'

// Merge fields: how they are written is in field-patterns.ts (text only, which the analysis itself
// reads); a draft's fields, found once, here.
export {fieldAt, fieldKey, findFields, type Field} from './field-patterns.js'

/** The merge fields of a draft, found on first use and kept on its analysis (shared by the rules that ask). */
export function draftFields(analysis: Analysis): Field[] {
  return derive(analysis, FIELDS)
}

const FIELDS = derivation('merge fields', (analysis) => findFields(analysis.text))
