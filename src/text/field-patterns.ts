import {foldWord} from './normalize.js'

/**
 * Merge fields in a draft ({{first_name}}, [Company Name], {FirstName},
 * %FIRSTNAME%, *|FNAME|*, <Prénom>, #PRENOM#), found loosely: rules that read the
 * prose (who the sentences are about, how often the reader is named) skip
 * what is inside them ("[Your Name]" is a label, not the writer talking)
 * and compare them by key ("{{First_Name}}" and "{{first name}}" are the
 * same field). Flagging them is `unfilled-merge-field`'s job, with its own,
 * stricter table.
 */
export interface Field {
  start: number
  end: number
  /** The field as written. */
  value: string
  /** Its label folded, with `_`, `-`, `.` and runs of spaces as one space: "first name". */
  key: string
}

// Each pattern is bounded and has no nested repetition: linear time. A field may be cut by one
// line break (a hard-wrapped draft), never by a blank line.
const PATTERN = new RegExp(
  [
    String.raw`\{\{[^{}\n]{1,80}(?:\r?\n[^{}\n]{0,80})?\}\}`, // {{first_name}}, {{ contact.firstname }}, {{first_\nname}} (hard-wrapped)
    String.raw`\*\|[A-Za-z0-9_:]{1,40}\|\*`, // *|FNAME|*
    String.raw`\{[^{}\n]{1,60}(?:\r?\n[^{}\n]{0,60})?\}`, // {FirstName}
    String.raw`\[[^\[\]\n]{1,120}(?:\r?\n[^\[\]\n]{0,120})?\](?![(\[:])`, // [First Name], [Prénom\n], not [a link](url)
    String.raw`%[\p{L}_][\p{L}\p{N}_.-]{0,40}%`, // %FIRSTNAME%
    String.raw`<\p{Lu}[\p{L}' _-]{0,40}>`, // <Prénom>
    String.raw`(?<![\p{L}\p{N}_#])#\p{Lu}[\p{Lu}\p{N}_]{1,40}#` // #PRENOM#
  ].join('|'),
  'gu'
)

// A text with none of these characters has no field: most real drafts.
const OPENERS = /[{[%<*#]/

/** The merge fields of a text, in order. */
export function findFields(text: string): Field[] {
  const fields: Field[] = []
  if (!OPENERS.test(text)) return fields
  for (const match of text.matchAll(PATTERN)) {
    const value = match[0]
    fields.push({start: match.index, end: match.index + value.length, value, key: fieldKey(value)})
  }
  return fields
}

/** "{{ First_Name }}" → "first name"; "[Nom de l’entreprise]" → "nom de l'entreprise". */
export function fieldKey(field: string): string {
  const inner = field.replace(/^(?:\{\{|\*\||[{[%<#])/, '').replace(/(?:\}\}|\|\*|[}\]%>#])$/, '')
  return foldWord(inner)
    .replace(/^\s*(?:contact|lead|prospect|recipient)\./, '')
    .replace(/[_.\-\s]+/g, ' ')
    .trim()
}

/** The field that holds `offset`, if any (binary search: `fields` are in order and do not overlap). */
export function fieldAt(fields: readonly Field[], offset: number): Field | undefined {
  let low = 0
  let high = fields.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const field = fields[middle]
    if (offset < field.start) high = middle - 1
    else if (offset >= field.end) low = middle + 1
    else return field
  }
  return undefined
}
