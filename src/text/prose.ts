import {isQuoted, type Analysis} from './analysis.js'
import {findFields, type Field} from './fields.js'

/**
 * Lexical rules report words the writer *uses*. Words between quotation
 * marks are mentioned ('never write "I hope this email finds you well"'),
 * and words inside a merge field are a template's instructions
 * ("[one-sentence value proposition]"): neither is the writer talking.
 */
const fieldsOf = new WeakMap<Analysis, Field[]>()

/** The merge fields of the draft, found once per draft and shared by the rules that ask. */
export function draftFields(analysis: Analysis): Field[] {
  let fields = fieldsOf.get(analysis)
  if (!fields) fieldsOf.set(analysis, (fields = findFields(analysis.text)))
  return fields
}

/** Is `[start, end)` inside a merge field, or overlapping one? */
export function inField(analysis: Analysis, start: number, end: number): boolean {
  return draftFields(analysis).some((field) => field.start < end && start < field.end)
}

/** Is `[start, end)` prose the writer uses: not quoted, not in a merge field? */
export function isUsed(analysis: Analysis, start: number, end: number): boolean {
  return !isQuoted(analysis, start, end) && !inField(analysis, start, end)
}
