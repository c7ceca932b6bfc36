import {isQuoted, type Analysis} from './analysis.js'
import {draftFields, type Field} from './fields.js'

/**
 * Lexical rules report words the writer *uses*. Words between quotation
 * marks are mentioned ('never write "I hope this email finds you well"'),
 * and words inside a merge field are a template's instructions
 * ("[one-sentence value proposition]"): neither is the writer talking.
 */
/** Is `[start, end)` inside a merge field, or overlapping one? */
export function inField(analysis: Analysis, start: number, end: number): boolean {
  return overlapsField(draftFields(analysis), start, end)
}

/** Does `[start, end)` overlap one of `fields`? They are in order and do not overlap: binary search. */
function overlapsField(fields: readonly Field[], start: number, end: number): boolean {
  let low = 0
  let high = fields.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (fields[middle].end <= start) low = middle + 1
    else high = middle
  }
  return low < fields.length && fields[low].start < end
}

/** Is `[start, end)` prose the writer uses: not quoted, not in a merge field? */
export function isUsed(analysis: Analysis, start: number, end: number): boolean {
  return !isQuoted(analysis, start, end) && !inField(analysis, start, end)
}
